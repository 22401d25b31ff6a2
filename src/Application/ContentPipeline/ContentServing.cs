using Portal.Application.Publishing;
using Portal.Content.Drafts;

namespace Portal.Application.ContentPipeline;

/// <summary>What became of content a source offered.</summary>
public enum ContentOffer
{
    /// <summary>Not valid: the last good content stays served (with the draft's statuses when they are valid for it).</summary>
    Refused,

    /// <summary>Valid and the same as what is served.</summary>
    Unchanged,

    /// <summary>Valid and new: served, and published to the static site, cards and print run.</summary>
    Served,
}

/// <summary>
/// The one step every content source ends in (content/ re-read on a change, Umbraco read in full or per item): the draft
/// goes through the content pipeline; valid and different, it is served and published; refused, its support point
/// statuses still reach residents on the last good content — a half-finished page must never hold back "this point is
/// full" — and the reason goes to /health under the source's area until a later offer is used.
/// </summary>
public sealed class ContentServing(
    ContentPipeline pipeline,
    PortalDataStore store,
    ContentSourceStatus status,
    ContentPublisher publisher,
    PortalMetrics metrics,
    TimeProvider time)
{
    /// <param name="source">What /health and the metrics call the source: content or umbraco.</param>
    /// <param name="area">The /health area its problems are reported under.</param>
    /// <param name="refused">The /health message for a refused draft, given the problems and what is served instead.</param>
    public (ContentOffer Offer, ContentLoad Load) Offer(ContentDraft draft, string source, string area, Func<string, string, string> refused,
        DateTimeOffset? snapshotSavedAt = null)
    {
        var load = pipeline.Build(draft);
        if (load.Data is null)
        {
            var withStatuses = store.IsLoaded && draft.Statuses is { } drafts ? pipeline.WithStatuses(store.Current, drafts).Data : null;
            status.Failed(area, refused(load.Summary, withStatuses is not null ? "the last good content with the new statuses" : "the last good content"));
            metrics.Refreshed(source, "refused");
            if (withStatuses is not null && !ContentChange.Between(store.Current, withStatuses).IsNone)
            {
                store.Replace(withStatuses);
                _ = publisher.Published(withStatuses);
            }

            return (ContentOffer.Refused, load);
        }

        var changed = !store.IsLoaded || status.Source != source || !ContentChange.Between(store.Current, load.Data).IsNone;
        if (changed)
        {
            store.Replace(load.Data);
        }

        status.Served(source, snapshotSavedAt, time.GetUtcNow());
        status.Succeeded(area);
        metrics.Refreshed(source, changed ? "served" : "unchanged");
        if (changed)
        {
            _ = publisher.Published(load.Data);
        }

        return (changed ? ContentOffer.Served : ContentOffer.Unchanged, load);
    }
}
