using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Content.Files;

namespace Portal.Application.ContentPipeline;

/// <summary>
/// For a municipality without Umbraco: a running portal re-reads content/ when a file in it changes (`portal status
/// set`, an edited page or CSV) and serves every valid item; an invalid file or entry keeps its last good version (or
/// stays out) and is reported on /health until it is fixed.
/// </summary>
public sealed partial class ContentFolderWatcher(
    ContentPipeline pipeline,
    ContentServing serving,
    ContentSourceStatus status,
    IOptions<PortalOptions> options,
    IOptions<Content.Umbraco.UmbracoOptions> umbraco,
    TimeProvider time,
    ILogger<ContentFolderWatcher> logger) : BackgroundService
{
    public const string Area = "content";

    /// <summary>Editors save several files at once; one re-read after they are done is enough.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (umbraco.Value.IsConfigured)
        {
            // Umbraco is the source: content/ is only the fallback read at start.
            return;
        }

        var changes = System.Threading.Channels.Channel.CreateBounded<bool>(new System.Threading.Channels.BoundedChannelOptions(1)
        {
            FullMode = System.Threading.Channels.BoundedChannelFullMode.DropWrite,
        });
        var watchers = new List<IDisposable>();
        try
        {
            foreach (var (folder, counts) in WatchedFolders(options.Value))
            {
                watchers.Add(FolderWatchers.Subscribe(folder,
                    relative =>
                    {
                        var path = Path.Combine(folder, relative);
                        if (!AtomicFile.IsTemporary(path) && !FileLock.IsLock(path) && counts(relative))
                        {
                            changes.Writer.TryWrite(true);
                        }
                    },
                    e => status.Failed(Area, $"watching {folder} failed ({e.Message}); restart the portal to pick up changes")));
            }
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException or FileNotFoundException)
        {
            // E.g. the system's inotify limit: say so where operators look; the portal serves what it has.
            status.Failed(Area, $"cannot watch {options.Value.ContentPath} ({e.Message}); changes in content/ are not picked up until a restart");
            watchers.ForEach(w => w.Dispose());
            return;
        }

        using var watching = new Disposables(watchers);
        await foreach (var _ in changes.Reader.ReadAllAsync(stoppingToken))
        {
            await Task.Delay(Settle, time, stoppingToken);
            while (changes.Reader.TryRead(out var _))
            {
            }

            Reload();
        }
    }

    private string? _lastLogged;

    /// <summary>
    /// The folders this site reads, and which changes in each count: its own folder, the language folders of the shared
    /// layers (a shared layer such as content/ also holds other sites' folders, whose changes are not this site's), the
    /// other status files a region site shows, and the geography.
    /// </summary>
    private static IEnumerable<(string Folder, Func<string, bool> Counts)> WatchedFolders(PortalOptions portal)
    {
        var cultures = portal.CultureSet().All.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        // The shared layers first: the widest folder (content/) is watched once and the folders inside it share its watcher.
        var watched = new List<(string, Func<string, bool>)>();
        foreach (var shared in portal.SharedContentPaths ?? [])
        {
            watched.Add((shared, relative => cultures.Contains(relative.Split(Path.DirectorySeparatorChar)[0])));
        }

        watched.Add((portal.ContentPath, _ => true));

        foreach (var statuses in (portal.StatusContentPaths ?? []).Where(folder => folder != portal.ContentPath))
        {
            watched.Add((statuses, relative => relative == Content.Markdown.StatusFile.FileName));
        }

        var geography = portal.GeographyFiles();
        var inOwn = Path.GetRelativePath(portal.ContentPath, geography.Folder) is var rel && !rel.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(rel);
        if (!inOwn && Directory.Exists(geography.Folder))
        {
            watched.Add((geography.Folder, _ => true));
        }

        return watched.Where(w => Directory.Exists(w.Item1));
    }

    private sealed class Disposables(IEnumerable<IDisposable> items) : IDisposable
    {
        public void Dispose()
        {
            foreach (var item in items)
            {
                item.Dispose();
            }
        }
    }

    /// <summary>Reads content/ through the pipeline and serves every valid item.</summary>
    public void Reload()
    {
        try
        {
            var (draft, load) = pipeline.ReadContentFolder();
            var offer = serving.Offer(load, draft.Statuses, "content", Area,
                (problems, kept) => $"{options.Value.ContentPath} changed but is not used: {problems}; serving {kept}");
            // Once per change of what is refused: a page that stays broken is not logged again on every status change.
            if (load.Summary != _lastLogged && (offer == ContentOffer.Refused || load.Refused.Count > 0))
            {
                LogRefused(logger, load.Refused.Count, load.Summary);
            }

            _lastLogged = load.Summary;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file being replaced as it is read: the next change event reads it again.
            status.Failed(Area, $"reading {options.Value.ContentPath} failed: {e.Message}; serving the last good content");
        }
        catch (Exception e)
        {
            // Whatever the content holds, the watcher keeps watching and the portal keeps serving.
            status.Failed(Area, $"reading {options.Value.ContentPath} failed unexpectedly ({e.GetType().Name}: {e.Message}); serving the last good content");
            LogUnexpected(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Re-reading content/ failed unexpectedly")]
    private static partial void LogUnexpected(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "content/ changed; {Refused} item(s) refused: {Problems}")]
    private static partial void LogRefused(ILogger logger, int refused, string problems);
}
