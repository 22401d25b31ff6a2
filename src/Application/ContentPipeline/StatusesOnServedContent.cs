using Portal.Application.Publishing;
using Portal.Content.Drafts;

namespace Portal.Application.ContentPipeline;

/// <summary>
/// When a read of content/ or Umbraco is refused, its support point statuses still reach residents: checked against
/// the points being served and applied to the last good content. A half-finished page never holds back "this point is full".
/// </summary>
public sealed class StatusesOnServedContent(ContentPipeline pipeline, PortalDataStore store, ContentPublisher publisher)
{
    /// <summary>The served data with these statuses, or null when they are unreadable or not valid for the served points.</summary>
    public PortalData? On(IReadOnlyList<StatusDraft>? statuses) =>
        store.IsLoaded && statuses is not null ? pipeline.WithStatuses(store.Current, statuses).Data : null;

    /// <summary>Serves and publishes it, when it changes anything (call after reporting what was refused).</summary>
    public void Serve(PortalData data)
    {
        if (!ContentChange.Between(store.Current, data).IsNone)
        {
            store.Replace(data);
            _ = publisher.Published(data);
        }
    }
}
