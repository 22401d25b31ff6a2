using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Application.CardPrinting;
using Portal.Application.ContentPipeline;
using Portal.Application.StaticSite;
using Portal.Cards;

namespace Portal.Application.Publishing;

/// <summary>
/// What new content triggers once it is served: the card download cache drops the old version, and the static fallback
/// site and the print run are rebuilt where they are configured. A status change (the crisis-time edit) re-exports only
/// the static pages that show the points concerned and leaves cards alone; the static site goes first, because in a
/// crisis it may be the only channel still reachable. When an alert starts or ends on its schedule, every static page
/// is exported again at that moment. A failure is reported on /health and logged; it never takes back the content
/// just published, and the next publish clears it. A failure of the disk (full, not writable) is also tried again by
/// itself, after 30 seconds and then less and less often, until it succeeds: nobody has to publish again once space is
/// freed. The work runs in the background, one rebuild at a time; publishes that arrive meanwhile are folded into one
/// rebuild of the newest content.
/// </summary>
public sealed partial class ContentPublisher(
    CardFileCache cardCache,
    PrintRuns printRuns,
    StaticSitePublisher staticSite,
    ContentSourceStatus status,
    RebuildLog rebuilds,
    PortalMetrics metrics,
    IOptions<PortalOptions> options,
    TimeProvider time,
    RebuildTurns turns,
    ILogger<ContentPublisher> logger) : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private (PortalData Data, bool Scheduled)? _pending;
    private PortalData? _published;
    private Task _running = Task.CompletedTask;
    private bool _draining;
    private ITimer? _schedule;
    private ITimer? _retry;
    private TimeSpan _retryAfter = FirstRetry;
    private bool _printRunOwed;
    private volatile bool _disposed;

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LastRetry = TimeSpan.FromMinutes(10);

    /// <summary>Schedules the rebuild for newly served data and returns at once; the task completes when it is done.</summary>
    public Task Published(PortalData data)
    {
        rebuilds.Succeeded(RebuildLog.LivePages, data.Content.Version, "served");
        return Enqueue(data, scheduled: false);
    }

    /// <summary>
    /// When the server starts serving: the static site is exported from what is served (it may be older), so later
    /// status changes only touch their own pages. Cards and print runs are left as they are.
    /// </summary>
    public Task Started(PortalData data)
    {
        lock (_gate)
        {
            _published = data;
        }

        rebuilds.Succeeded(RebuildLog.LivePages, data.Content.Version, "served");
        return Enqueue(data, scheduled: true);
    }

    private Task Enqueue(PortalData data, bool scheduled)
    {
        lock (_gate)
        {
            // A scheduled re-export folds into a publish that is already waiting, and the other way round.
            _pending = (data, scheduled || (_pending?.Scheduled ?? false));
            if (!_draining)
            {
                _draining = true;
                _running = Task.Run(DrainAsync);
            }

            return _running;
        }
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            (PortalData Data, bool Scheduled) next;
            lock (_gate)
            {
                if (_pending is not { } pending || _disposed)
                {
                    _draining = false;
                    return;
                }

                (next, _pending) = (pending, null);
            }

            await RebuildAsync(next.Data, next.Scheduled);
        }
    }

    private async Task RebuildAsync(PortalData data, bool scheduled)
    {
        var change = ContentChange.Between(_published, data);
        var everyPage = change.Content || scheduled;
        _published = data;
        ScheduleNextAlertBoundary(data);
        if (change.Content)
        {
            await RunAsync("card cache", () =>
            {
                cardCache.Prune(data.Content.Version);
                rebuilds.Succeeded(RebuildLog.Cards, data.Content.Version, "made again on first download");
                return Task.CompletedTask;
            }, RebuildLog.Cards);
        }

        var diskFailed = false;
        if (options.Value.StaticOutputPath is { Length: > 0 } site && (everyPage || change.Shown.Count > 0))
        {
            diskFailed |= await RunAsync("static site", async () =>
            {
                using var turn = everyPage ? await turns.TakeAsync(_stopping.Token) : null;
                var clock = Stopwatch.StartNew();
                var result = everyPage
                    ? await staticSite.ExportAsync(data, site, null, withPdf: true, TextWriter.Null)
                    : await staticSite.UpdateAsync(data, site, change.Shown, TextWriter.Null);
                metrics.StaticExported(everyPage ? "full" : "status", clock.Elapsed);
                LogDone(logger, "static site", $"{result.Pages} pages in {result.Folder}", data.Content.Version);
                rebuilds.Succeeded(RebuildLog.StaticSite, data.Content.Version, everyPage ? $"{result.Pages} pages in {result.Folder}" : $"{result.Pages} pages updated in {result.Folder}");
            }, RebuildLog.StaticSite);
        }

        if (options.Value.CardOutputPath is { Length: > 0 } cards && (change.Content || _printRunOwed))
        {
            _printRunOwed = false;
            var printRunFailed = await RunAsync("print run", async () =>
            {
                using var turn = await turns.TakeAsync(_stopping.Token);
                var (plan, problem) = printRuns.Plan(data, new PrintRunRequest(PrintProfile.Office));
                var result = plan is null ? throw new InvalidOperationException(problem) : await printRuns.RunAsync(data, plan, cards, LineProgress.None);
                LogDone(logger, "print run", $"{result.Cards} cards in {result.Folder}", data.Content.Version);
                rebuilds.Succeeded(RebuildLog.PrintRun, data.Content.Version, $"{result.Cards} cards in {result.Folder}");
            }, RebuildLog.PrintRun);
            _printRunOwed = printRunFailed;
            diskFailed |= printRunFailed;
        }

        RetryLater(data, diskFailed);
    }

    /// <summary>After a disk failure, the whole rebuild again later (every static page, and the print run if it failed).</summary>
    private void RetryLater(PortalData data, bool diskFailed)
    {
        _retry?.Dispose();
        _retry = null;
        if (!diskFailed || _disposed)
        {
            _retryAfter = FirstRetry;
            return;
        }

        _retry = time.CreateTimer(_ => Enqueue(data, scheduled: true), null, _retryAfter, Timeout.InfiniteTimeSpan);
        _retryAfter = Min(_retryAfter * 2, LastRetry);
    }

    /// <summary>An alert published ahead of time, or one with an end, changes every page when that moment comes.</summary>
    private void ScheduleNextAlertBoundary(PortalData data)
    {
        var now = time.GetUtcNow();
        var next = data.Content.For(data.Cultures.Default).Alerts
            .SelectMany(a => new[] { a.ActiveFrom, a.ActiveUntil ?? DateTimeOffset.MaxValue })
            .Where(t => t > now && t != DateTimeOffset.MaxValue)
            .Order()
            .Cast<DateTimeOffset?>()
            .FirstOrDefault();
        _schedule?.Dispose();
        _schedule = next is { } at && options.Value.StaticOutputPath is { Length: > 0 }
            ? time.CreateTimer(_ => Enqueue(data, scheduled: true), null, Min(at - now + TimeSpan.FromSeconds(1), TimeSpan.FromDays(40)), Timeout.InfiniteTimeSpan)
            : null;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <returns>Whether it failed for a reason of the disk, which a later try may not meet.</returns>
    private async Task<bool> RunAsync(string what, Func<Task> work, string output)
    {
        var area = $"publishing {what}";
        try
        {
            await work();
            status.Succeeded(area);
            return false;
        }
        catch (Exception) when (_disposed)
        {
            // The host is shutting down under a rebuild: nothing to report to anyone.
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Failed(what, output, e, $"; tried again in {_retryAfter.TotalSeconds:0} s");
            return true;
        }
        catch (Exception e)
        {
            Failed(what, output, e, "");
            return false;
        }
    }

    private void Failed(string what, string output, Exception e, string retry)
    {
        var lines = e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var message = string.Join(" ", lines.Take(4)) + (lines.Length > 4 ? $" … and {lines.Length - 4} more" : "");
        status.Failed($"publishing {what}", $"{message}; the previous output was left as it was{retry}");
        rebuilds.Failed(output, $"{message}{retry}");
        metrics.PublishFailed(what);
        LogFailed(logger, what, e);
    }

    public void Dispose()
    {
        _disposed = true;
        // A rebuild waiting for its turn gives up (reported as nothing: see RunAsync); one under way runs to its end.
        _stopping.Cancel();
        _schedule?.Dispose();
        _retry?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilt the {What}: {Result} for content version {Version}")]
    private static partial void LogDone(ILogger logger, string what, string result, string version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rebuild after publish failed: {What}")]
    private static partial void LogFailed(ILogger logger, string what, Exception exception);
}
