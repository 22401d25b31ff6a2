using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Application.ContentPipeline;
using Portal.Application.Publishing;
using Portal.Content.Umbraco;

namespace Portal.Application.Umbraco;

/// <summary>
/// Keeps the served content in step with Umbraco: reads everything (in the background after start, and when the cheap
/// periodic check sees a change) or one item (on a webhook), passes it through the content pipeline, and only then
/// replaces what is served and the last-known-good snapshot. A failed, empty or invalid read changes nothing; the
/// reason goes to /health until a later read succeeds. Nothing here ever stops the process.
/// </summary>
public sealed partial class UmbracoContentSync(
    DeliveryApiClient client,
    UmbracoContentMapper mapper,
    IOptions<UmbracoOptions> options,
    ContentPipeline.ContentPipeline pipeline,
    PortalDataStore store,
    ContentSourceStatus status,
    ContentServing serving,
    PortalMetrics metrics,
    TimeProvider time,
    ILogger<UmbracoContentSync> logger)
{
    public const string Area = "umbraco";
    public const string SnapshotArea = "snapshot";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TaskCompletionSource _firstRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private UmbracoSnapshot? _served;

    /// <summary>Completes when the first full read after start has succeeded or failed.</summary>
    public Task FirstRead => _firstRead.Task;

    /// <summary>At start, before the port opens: the last-known-good snapshot when there is a valid one. Reads only the disk.</summary>
    public ContentLoad? LoadSnapshot()
    {
        var saved = UmbracoSnapshot.TryLoad(options.Value.SnapshotPath, out var error);
        if (error is not null)
        {
            status.Failed(SnapshotArea, error);
        }

        if (saved is null)
        {
            return null;
        }

        var load = pipeline.Build(mapper.Map(saved.Items, pipeline.Cultures));
        if (load.Data is null)
        {
            Fail(SnapshotArea, $"snapshot {options.Value.SnapshotPath} not used: {load.Summary}");
            return null;
        }

        _served = saved;
        status.SnapshotSaved(saved.SavedAt);
        return load;
    }

    /// <summary>Reads all of Umbraco and serves it when it is valid.</summary>
    public async Task ReadAllAsync(CancellationToken cancellationToken)
    {
        try
        {
            await GuardedAsync(async () => Serve(await ReadEverythingAsync(cancellationToken)), cancellationToken);
        }
        finally
        {
            _firstRead.TrySetResult();
        }
    }

    /// <summary>One full read through the pipeline, without serving or saving it (the CLI verbs).</summary>
    public async Task<ContentLoad> ReadOnceAsync(CancellationToken cancellationToken) =>
        pipeline.Build(mapper.Map((await ReadEverythingAsync(cancellationToken)).Items, pipeline.Cultures));

    /// <summary>On a webhook: re-read one item in every culture. Idempotent, so Umbraco's retries are harmless.</summary>
    public Task RefreshItemAsync(Guid id, CancellationToken cancellationToken) => GuardedAsync(async () =>
    {
        if (_served is null)
        {
            // Nothing from Umbraco is served yet (it was down at start): this is the moment to read it all.
            Serve(await ReadEverythingAsync(cancellationToken));
            return;
        }

        var next = _served;
        foreach (var culture in pipeline.Cultures.All)
        {
            next = next.With(culture.Code, id, await client.GetItemAsync(id.ToString(), culture.Code, cancellationToken), time.GetUtcNow());
        }

        Serve(next);
    }, cancellationToken);

    /// <summary>
    /// The periodic check: one small request. When what Umbraco publishes differs from what is served (a webhook was
    /// missed, this is one of several instances, or Umbraco has recovered), everything is read again.
    /// </summary>
    public Task CheckForChangesAsync(CancellationToken cancellationToken) => GuardedAsync(async () =>
    {
        var culture = pipeline.Cultures.Default.Code;
        var (total, newest) = await client.FingerprintAsync(culture, cancellationToken);
        var served = _served?.Items.GetValueOrDefault(culture);
        var unchanged = served is not null && store.IsLoaded && status.Source == "umbraco"
            && served.Count - 1 == total && served.Select(i => i.UpdateDate).DefaultIfEmpty().Max() >= newest;
        if (unchanged)
        {
            status.Succeeded(Area);
            return;
        }

        Serve(await ReadEverythingAsync(cancellationToken));
    }, cancellationToken);

    private async Task GuardedAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await work();
        }
        catch (UmbracoUnavailableException e)
        {
            Fail(Area, e.Message);
            metrics.Refreshed("umbraco", "unavailable");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever Umbraco sends, the portal keeps serving; the surprise is reported, not thrown.
            Fail(Area, $"reading Umbraco failed unexpectedly ({e.GetType().Name}: {e.Message})");
            LogUnexpected(logger, e);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<UmbracoSnapshot> ReadEverythingAsync(CancellationToken cancellationToken)
    {
        var items = new Dictionary<string, IReadOnlyList<DeliveryItem>>(StringComparer.Ordinal);
        foreach (var culture in pipeline.Cultures.All)
        {
            items[culture.Code] = await client.GetAllAsync(culture.Code, cancellationToken);
        }

        return new UmbracoSnapshot(time.GetUtcNow(), items);
    }

    private void Serve(UmbracoSnapshot snapshot)
    {
        var (offer, load) = serving.Offer(mapper.Map(snapshot.Items, pipeline.Cultures), "umbraco", Area,
            (problems, kept) => $"Umbraco content not used: {problems}; serving {kept}", status.SnapshotSavedAt);
        if (offer == ContentOffer.Refused)
        {
            LogFailed(logger, Area, $"Umbraco content not used: {load.Summary}");
            return;
        }

        _served = snapshot;
        Save(snapshot);
        if (offer == ContentOffer.Served)
        {
            LogServed(logger, load.Data!.Content.Version);
        }
    }

    /// <summary>A snapshot that cannot be written (read-only or full disk) costs the fallback, never the content just read.</summary>
    private void Save(UmbracoSnapshot snapshot)
    {
        try
        {
            snapshot.Save(options.Value.SnapshotPath);
            status.SnapshotSaved(snapshot.SavedAt);
            status.Succeeded(SnapshotArea);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Fail(SnapshotArea, $"cannot write the snapshot {options.Value.SnapshotPath}: {e.Message}; serving Umbraco's content without a fallback copy");
        }
    }

    private void Fail(string area, string error)
    {
        status.Failed(area, error);
        LogFailed(logger, area, error);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving content from Umbraco, version {Version}")]
    private static partial void LogServed(ILogger logger, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Area}: {Error}")]
    private static partial void LogFailed(ILogger logger, string area, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure while reading Umbraco")]
    private static partial void LogUnexpected(ILogger logger, Exception exception);
}
