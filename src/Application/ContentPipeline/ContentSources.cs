using Microsoft.Extensions.Options;
using Portal.Application.Umbraco;
using Portal.Content.Umbraco;
using Portal.Places.Catalog;

namespace Portal.Application.ContentPipeline;

/// <summary>
/// Picks the configured source and loads it through the content pipeline: content/ by default, Umbraco when
/// Portal:Umbraco:BaseUrl is set. The server starts from what is on disk (content/, or the Umbraco snapshot) so the port
/// opens within seconds whatever Umbraco does; the CLI verbs read the configured source once.
/// </summary>
public sealed class ContentSources(
    ContentPipeline pipeline,
    IOptions<UmbracoOptions> umbraco,
    UmbracoContentSync sync,
    PortalDataStore store,
    ContentSourceStatus status,
    TimeProvider time)
{
    public bool UsesUmbraco => umbraco.Value.IsConfigured;

    /// <summary>Before the server opens its port: fills the store from disk, or says why nothing can be served.</summary>
    public ContentLoad StartServing()
    {
        // A valid snapshot is what Umbraco last published: content/ is only read when there is none.
        if (UsesUmbraco && sync.LoadSnapshot() is { Data: { } snapshot } load)
        {
            store.Replace(snapshot);
            status.Served("umbraco-snapshot", status.SnapshotSavedAt, time.GetUtcNow());
            return load;
        }

        var folder = pipeline.LoadContentFolder();
        if (folder.Data is null)
        {
            return folder;
        }

        store.Replace(folder.Data);
        status.ItemsRefused("content", folder.Refused, time.GetUtcNow());
        status.Served(UsesUmbraco ? "content (until Umbraco has been read)" : "content", null, time.GetUtcNow());
        return folder;
    }

    /// <summary>For the CLI verbs: the configured source, read once now (nothing is served or saved).</summary>
    public async Task<ContentLoad> ReadAsync(CancellationToken cancellationToken)
    {
        if (!UsesUmbraco)
        {
            return pipeline.LoadContentFolder();
        }

        try
        {
            return await sync.ReadOnceAsync(cancellationToken);
        }
        catch (UmbracoUnavailableException e)
        {
            return new ContentLoad(null, [new DataProblem("umbraco", umbraco.Value.BaseUrl!.ToString(), "", e.Message)]);
        }
    }
}
