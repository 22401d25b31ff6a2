namespace Portal.Content.Files;

/// <summary>
/// A lock shared by every process on this machine that changes one file: an exclusive open of a lock file beside it
/// (.NET takes an advisory flock for <see cref="FileShare.None"/> on Unix). Read-change-write inside it, so two
/// writers never both start from the same old file and the second one silently drops the first one's change.
/// </summary>
public sealed class FileLock : IDisposable
{
    private const string Suffix = ".lock";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    private readonly FileStream _stream;

    private FileLock(FileStream stream) => _stream = stream;

    /// <summary>The lock file of a file: not content, so a folder watcher leaves it alone.</summary>
    public static string PathOf(string path) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}{Suffix}");

    public static bool IsLock(string path) => Path.GetFileName(path).StartsWith('.') && path.EndsWith(Suffix, StringComparison.Ordinal);

    /// <summary>Waits up to <paramref name="timeout"/> for the lock on <paramref name="path"/>; null when another writer holds it that long.</summary>
    public static async Task<FileLock?> AcquireAsync(string path, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var lockPath = PathOf(path);
        var until = time.GetUtcNow() + timeout;
        while (true)
        {
            try
            {
                return new FileLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (time.GetUtcNow() < until && File.Exists(lockPath))
            {
                // Held by another writer: its change takes a fraction of a second.
                await Task.Delay(Poll, time, cancellationToken);
            }
            catch (IOException) when (File.Exists(lockPath))
            {
                return null;
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
