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
/// The one step every content source ends in (content/ re-read on a change, Umbraco read in full or per item): the valid
/// items, different from what is served, are served and published; the refused ones are listed (/health, the editors'
/// page) until fixed. When nothing can be served (the geography or the home page is wrong), the support point statuses
/// still reach residents on the last good content — a half-finished page must never hold back "this point is full" —
/// and the reason goes to /health under the source's area until a later offer is used.
/// </summary>
public sealed class ContentServing(
    ContentPipeline pipeline,
    PortalDataStore store,
    ContentSourceStatus status,
    ContentPublisher publisher,
    PortalMetrics metrics,
    TimeProvider time)
{
    /// <param name="load">The source's content as <see cref="ItemIsolation"/> accepted it.</param>
    /// <param name="statuses">The support point statuses the source gave, for when the load as a whole cannot be used.</param>
    /// <param name="source">What /health and the metrics call the source: content or umbraco.</param>
    /// <param name="area">The /health area its problems are reported under.</param>
    /// <param name="refused">The /health message for a refused load, given the problems and what is served instead.</param>
    public ContentOffer Offer(ContentLoad load, IReadOnlyList<StatusDraft>? statuses, string source, string area, Func<string, string, string> refused,
        DateTimeOffset? snapshotSavedAt = null)
    {
        status.ItemsRefused(source, load.Refused, time.GetUtcNow());
        if (load.Data is null)
        {
            var withStatuses = store.IsLoaded && statuses is { } drafts ? pipeline.WithStatuses(store.Current, drafts).Data : null;
            status.Failed(area, refused(load.Summary, withStatuses is not null ? "the last good content with the new statuses" : "the last good content"));
            metrics.Refreshed(source, "refused");
            if (withStatuses is not null && !ContentChange.Between(store.Current, withStatuses).IsNone)
            {
                store.Replace(withStatuses);
                _ = publisher.Published(withStatuses);
            }

            return ContentOffer.Refused;
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

        return changed ? ContentOffer.Served : ContentOffer.Unchanged;
    }
}
