using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Application.ContentPipeline;
using Portal.Application.Publishing;
using Portal.Content.Umbraco;

namespace Portal.Application.Umbraco;

/// <summary>
/// Keeps the served content in step with Umbraco: reads everything (in the background after start, and when the cheap
/// periodic check sees a change) or the items of a batch of webhooks, passes them through the content pipeline item by
/// item (<see cref="ItemIsolation"/>), and only then replaces what is served and the last-known-good snapshot. An invalid
/// item keeps its last good version (or stays out) and is reported until it is fixed; a failed or empty read changes
/// nothing. Nothing here ever stops the process.
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

    /// <summary>What Umbraco publishes now, as last read: each webhook changes one item of it, and every refusal is judged on it.</summary>
    private UmbracoSnapshot? _offered;

    /// <summary>What is served (and saved as the snapshot): every valid item, and the last good version of a refused one.</summary>
    private UmbracoSnapshot? _served;

    private string? _lastLoggedRefusals;

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

        // Rules may have changed since it was saved: an item they now refuse stays out, the rest is served.
        var (accepted, load) = Accept(saved, lastGood: null);
        if (load.Data is null)
        {
            Fail(SnapshotArea, $"snapshot {options.Value.SnapshotPath} not used: {load.Summary}");
            return null;
        }

        (_offered, _served) = (saved, accepted);
        status.SnapshotSaved(saved.SavedAt);
        status.ItemsRefused("umbraco-snapshot", load.Refused, time.GetUtcNow());
        return load;
    }

    /// <summary>Reads all of Umbraco and serves its valid items.</summary>
    public async Task ReadAllAsync(CancellationToken cancellationToken)
    {
        try
        {
            await GuardedAsync(async () => Serve(await ReadEverythingAsync(cancellationToken), fullRead: true), cancellationToken);
        }
        finally
        {
            _firstRead.TrySetResult();
        }
    }

    /// <summary>One full read through the pipeline, without serving or saving it (the CLI verbs): the valid items, and what was refused.</summary>
    public async Task<ContentLoad> ReadOnceAsync(CancellationToken cancellationToken) =>
        Accept(await ReadEverythingAsync(cancellationToken), lastGood: null).Load;

    /// <summary>On a webhook: re-read one item in every culture. Idempotent, so Umbraco's retries are harmless.</summary>
    public Task RefreshItemAsync(Guid id, CancellationToken cancellationToken) => RefreshItemsAsync([id], cancellationToken);

    /// <summary>
    /// A batch of webhooks: each item re-read in every culture, and all of them served at once (one build, one snapshot).
    /// Ids Umbraco does not publish and Portal does not serve change nothing and cost nothing more; a batch that would cost
    /// more requests than a full read is one full read instead.
    /// </summary>
    public Task RefreshItemsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) => GuardedAsync(async () =>
    {
        if (_offered is null || ids.Count * pipeline.Cultures.All.Count >= FullReadRequests(_offered))
        {
            // Nothing from Umbraco is read yet (it was down at start), or reading them one by one costs more than all.
            Serve(await ReadEverythingAsync(cancellationToken), fullRead: true);
            return;
        }

        var next = _offered;
        var roots = options.Value.Roots;
        foreach (var id in ids)
        {
            if (roots.IsLayered && !next.Items.Values.Any(items => items.Any(i => i.Id == id))
                && await client.GetItemAsync(id.ToString(), pipeline.Cultures.Default.Code, cancellationToken) is { } probe
                && roots.Of(probe).Layer == RootLayer.Outside)
            {
                // In a region one webhook reaches every site: another municipality's item costs this one request, and nothing more.
                continue;
            }

            foreach (var culture in pipeline.Cultures.All)
            {
                var item = await client.GetItemAsync(id.ToString(), culture.Code, cancellationToken);
                var known = next.Items.GetValueOrDefault(culture.Code, []).Where(i => i.Id == id).ToList();
                if (item is null ? known.Count > 0 : known.Count != 1 || known[0].Raw.GetRawText() != item.Raw.GetRawText())
                {
                    next = next.With(culture.Code, id, item, time.GetUtcNow());
                }
            }
        }

        if (!ReferenceEquals(next, _offered))
        {
            Serve(next, fullRead: false);
        }
    }, cancellationToken);

    /// <summary>
    /// The periodic check: one small request. When what Umbraco publishes differs from what was last read (a webhook was
    /// missed, this is one of several instances, or Umbraco has recovered), everything is read again.
    /// </summary>
    public Task CheckForChangesAsync(CancellationToken cancellationToken) => GuardedAsync(async () =>
    {
        var culture = pipeline.Cultures.Default.Code;
        var (total, newest) = await client.FingerprintAsync(culture, cancellationToken);
        var offered = _offered?.Items.GetValueOrDefault(culture);
        var unchanged = offered is not null && store.IsLoaded && status.Source == "umbraco"
            && offered.Count - options.Value.Roots.ReadOrder.Count == total && offered.Select(i => i.UpdateDate).DefaultIfEmpty().Max() >= newest;
        if (unchanged)
        {
            status.Succeeded(Area);
            return;
        }

        Serve(await ReadEverythingAsync(cancellationToken), fullRead: true);
    }, cancellationToken);

    /// <summary>
    /// An officer's preview: the item's latest draft in every culture (the Delivery API's preview) in place of its published
    /// version, built through the same pipeline as what is served — and then dropped: nothing is served, saved, exported,
    /// indexed or cached. Null when nothing from Umbraco has been read yet.
    /// </summary>
    public async Task<(ContentLoad Load, DeliveryItem? Draft)?> PreviewAsync(Guid id, CancellationToken cancellationToken)
    {
        if (_offered is not { } offered)
        {
            return null;
        }

        DeliveryItem? draft = null;
        foreach (var culture in pipeline.Cultures.All)
        {
            var item = await client.GetItemAsync(id.ToString(), culture.Code, cancellationToken, preview: true);
            draft ??= item;
            offered = offered.With(culture.Code, id, item, time.GetUtcNow());
        }

        return (Accept(offered, _served).Load, draft);
    }

    /// <summary>What reading everything costs: per culture each start item and the pages of their descendants.</summary>
    private int FullReadRequests(UmbracoSnapshot offered) =>
        offered.Items.Sum(c => options.Value.Roots.ReadOrder.Count + Math.Max(options.Value.Roots.ReadOrder.Count, (int)Math.Ceiling(c.Value.Count / (double)DeliveryApiClient.PageSize)));

    /// <summary>Umbraco's items under the one rule (<see cref="ItemIsolation"/>): a refused item keeps its version from <paramref name="lastGood"/>.</summary>
    private (UmbracoSnapshot Accepted, ContentLoad Load) Accept(UmbracoSnapshot offered, UmbracoSnapshot? lastGood) =>
        ItemIsolation.Accept(offered, items => pipeline.Build(mapper.Map(items.Items, pipeline.Cultures, options.Value.Roots)), (items, decisions) =>
        {
            var restored = decisions.Where(d => d.Value).Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
            var next = items.WithItemsFrom(null, decisions.Where(d => !d.Value).Select(d => d.Key).ToHashSet(StringComparer.Ordinal))
                .WithItemsFrom(lastGood, restored);
            return (next, restored.Where(key => lastGood?.Has(key) == true).ToHashSet(StringComparer.Ordinal));
        });

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

    private void Serve(UmbracoSnapshot offered, bool fullRead)
    {
        var (accepted, load) = Accept(offered, _served);
        _offered = offered;
        var offer = serving.Offer(load, load.Data is null ? mapper.Map(offered.Items, pipeline.Cultures, options.Value.Roots).Statuses : null, "umbraco", Area,
            (problems, kept) => $"Umbraco content not used: {problems}; serving {kept}", status.SnapshotSavedAt);
        if (load.Summary != _lastLoggedRefusals)
        {
            // Once per change of what is refused, not on every read that finds the same.
            _lastLoggedRefusals = load.Summary;
            if (load.Problems.Count > 0)
            {
                LogFailed(logger, Area, load.Data is null ? $"Umbraco content not used: {load.Summary}" : $"{load.Refused.Count} item(s) refused: {load.Summary}");
            }
        }

        if (offer == ContentOffer.Refused)
        {
            return;
        }

        // What changed nothing costs no snapshot write; a full read refreshes the snapshot's age, once per check interval
        // at most (a flood of webhooks is many full reads).
        var changed = !accepted.SameItems(_served);
        _served = accepted;
        if (changed || (fullRead && !(time.GetUtcNow() - status.SnapshotSavedAt < options.Value.CheckInterval)))
        {
            Save(accepted);
        }

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
