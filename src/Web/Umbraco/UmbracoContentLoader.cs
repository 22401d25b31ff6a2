using Microsoft.Extensions.Options;
using Portal.Content.Umbraco;
using Portal.Places.Catalog;
using Portal.Web.Hosting;

namespace Portal.Web.Umbraco;

/// <summary>
/// Builds the served data from Umbraco: reads everything (at start) or one item (on a webhook), maps and validates it,
/// and only then replaces what is served and the last-known-good snapshot. A failed, empty or invalid read changes
/// nothing; the reason goes to /health.
/// </summary>
public sealed partial class UmbracoContentLoader(
    DeliveryApiClient client,
    UmbracoContentMapper mapper,
    IOptions<UmbracoOptions> options,
    PortalDataStore store,
    EmbeddedContent embedded,
    ContentSourceStatus status,
    TimeProvider time,
    ILogger<UmbracoContentLoader> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private UmbracoSnapshot? _snapshot;

    /// <summary>At start: Umbraco if it answers with valid content, else the snapshot on disk, else the embedded content/.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            try
            {
                var read = await ReadAllAsync(cancellationToken);
                if (TryServe(read, "umbraco"))
                {
                    return;
                }
            }
            catch (UmbracoUnavailableException e)
            {
                Fail(e.Message);
            }

            var saved = UmbracoSnapshot.TryLoad(options.Value.SnapshotPath, out var snapshotError);
            if (snapshotError is not null)
            {
                Fail(snapshotError);
            }

            if (saved is not null && TryServe(saved, "umbraco-snapshot", save: false))
            {
                return;
            }

            status.Served("content (Umbraco unavailable and no usable snapshot)", null, time.GetUtcNow());
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>On a webhook: re-read one item in every culture and serve the result if it is valid. Idempotent.</summary>
    public async Task RefreshItemAsync(Guid id, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is null)
            {
                // Nothing from Umbraco is served yet (it was down at start): this is the moment to read it all.
                var read = await ReadAllAsync(cancellationToken);
                TryServe(read, "umbraco");
                return;
            }

            var next = _snapshot;
            foreach (var culture in embedded.Data.Cultures.All)
            {
                var item = await client.GetItemAsync(id.ToString(), culture.Code, cancellationToken);
                next = next.With(culture.Code, id, item, time.GetUtcNow());
            }

            TryServe(next, "umbraco");
        }
        catch (UmbracoUnavailableException e)
        {
            Fail(e.Message);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<UmbracoSnapshot> ReadAllAsync(CancellationToken cancellationToken)
    {
        var items = new Dictionary<string, IReadOnlyList<DeliveryItem>>(StringComparer.Ordinal);
        foreach (var culture in embedded.Data.Cultures.All)
        {
            items[culture.Code] = await client.GetAllAsync(culture.Code, cancellationToken);
        }

        return new UmbracoSnapshot(time.GetUtcNow(), items);
    }

    private bool TryServe(UmbracoSnapshot snapshot, string source, bool save = true)
    {
        var (content, problems) = mapper.Map(snapshot.Items, embedded.Data.Cultures);
        if (content is null)
        {
            Fail($"Umbraco content not used: {string.Join("; ", problems)}");
            return false;
        }

        var places = content.SupportPoints.Count == 0
            ? new PlaceLoadResult(embedded.Data.Places, [])
            : PlaceCatalogLoader.WithSupportPoints(embedded.Data.Places, content.SupportPoints, "umbraco");
        if (places.Catalog is null)
        {
            Fail($"Umbraco support points not used: {string.Join("; ", places.Problems)}");
            return false;
        }

        store.Replace(embedded.Data with { Content = content.Content, Places = places.Catalog });
        _snapshot = snapshot;
        if (save)
        {
            snapshot.Save(options.Value.SnapshotPath);
        }

        status.Served(source, snapshot.SavedAt, time.GetUtcNow());
        LogServed(logger, source, content.Content.Version);
        return true;
    }

    private void Fail(string error)
    {
        status.Failed(error);
        LogFailed(logger, error);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving content from {Source}, version {Version}")]
    private static partial void LogServed(ILogger logger, string source, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}

/// <summary>The content/ data the portal started from: geography and interface texts always come from here.</summary>
public sealed record EmbeddedContent(PortalData Data);

/// <summary>Reads Umbraco (or the snapshot) once at start, when Umbraco is configured.</summary>
public sealed class UmbracoStartup(IOptions<UmbracoOptions> options, UmbracoContentLoader loader) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        options.Value.IsConfigured ? loader.InitializeAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
