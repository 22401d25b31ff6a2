namespace Portal.Application.ContentPipeline;

/// <summary>
/// One file-system watcher per folder tree for the whole process. A region deployment runs seventeen sites whose content
/// folders all lie in one content/ tree; a watcher each (and one per layer) took a hundred of the 128 inotify instances
/// a Linux user may have, and the sites that came last could not watch at all. A folder inside a tree already watched
/// is served by that tree's watcher; the watcher goes when its last subscriber does.
/// </summary>
public static class FolderWatchers
{
    private static readonly Lock Gate = new();
    private static readonly List<WatchedTree> Trees = [];

    /// <param name="changed">Called with the changed path relative to <paramref name="folder"/>.</param>
    /// <param name="failed">Called when the watcher fails (events were lost).</param>
    /// <exception cref="IOException">The folder cannot be watched (e.g. the system's inotify limit).</exception>
    public static IDisposable Subscribe(string folder, Action<string> changed, Action<Exception> failed)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        lock (Gate)
        {
            var tree = Trees.FirstOrDefault(t => IsWithin(full, t.Folder));
            if (tree is null)
            {
                tree = new WatchedTree(full);
                Trees.Add(tree);
            }

            return tree.Add(new Subscriber(full, changed, failed));
        }
    }

    private static bool IsWithin(string folder, string tree) =>
        folder == tree || folder.StartsWith(tree + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private sealed record Subscriber(string Folder, Action<string> Changed, Action<Exception> Failed);

    private sealed class WatchedTree
    {
        private readonly FileSystemWatcher _watcher;
        private volatile Subscriber[] _subscribers = [];

        public WatchedTree(string folder)
        {
            Folder = folder;
            _watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            _watcher.Changed += OnChanged;
            _watcher.Created += OnChanged;
            _watcher.Deleted += OnChanged;
            _watcher.Renamed += OnChanged;
            _watcher.Error += (_, e) =>
            {
                foreach (var subscriber in _subscribers)
                {
                    subscriber.Failed(e.GetException());
                }
            };
            try
            {
                _watcher.EnableRaisingEvents = true;
            }
            catch
            {
                _watcher.Dispose();
                throw;
            }
        }

        public string Folder { get; }

        public IDisposable Add(Subscriber subscriber)
        {
            _subscribers = [.. _subscribers, subscriber];
            return new Subscription(this, subscriber);
        }

        private void OnChanged(object? sender, FileSystemEventArgs e)
        {
            foreach (var subscriber in _subscribers)
            {
                if (IsWithin(e.FullPath, subscriber.Folder))
                {
                    subscriber.Changed(Path.GetRelativePath(subscriber.Folder, e.FullPath));
                }
            }
        }

        private void Remove(Subscriber subscriber)
        {
            lock (Gate)
            {
                _subscribers = [.. _subscribers.Where(s => !ReferenceEquals(s, subscriber))];
                if (_subscribers.Length == 0)
                {
                    Trees.Remove(this);
                    _watcher.Dispose();
                }
            }
        }

        private sealed class Subscription(WatchedTree tree, Subscriber subscriber) : IDisposable
        {
            private int _disposed;

            public void Dispose()
            {
                if (Interlocked.Exchange(ref _disposed, 1) == 0)
                {
                    tree.Remove(subscriber);
                }
            }
        }
    }
}
