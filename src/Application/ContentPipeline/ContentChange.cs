using Portal.Places;

namespace Portal.Application.ContentPipeline;

/// <summary>
/// What differs between the served data and newly loaded data. A status change (the crisis-time edit) touches only
/// the pages that show those points; anything else is new content for every page, card and index.
/// </summary>
/// <param name="Content">Pages, settings, alerts, card texts, interface texts, geography or a point's fixed data changed.</param>
/// <param name="Statuses">Slugs of the points whose live status changed.</param>
/// <param name="Shown">Points whose status block reads differently now: the changed ones, those whose "go instead" answer
/// changed with them, and all of them when the first point opens or the last one closes (pages then say "no point open").</param>
public sealed record ContentChange(bool Content, IReadOnlySet<string> Statuses, IReadOnlySet<string> Shown)
{
    public bool IsNone => !Content && Statuses.Count == 0;

    public static ContentChange Between(PortalData? before, PortalData after)
    {
        if (before is null || before.Content.Version != after.Content.Version || !ReferenceEquals(before.Texts, after.Texts)
            || !before.Places.Buurten.SequenceEqual(after.Places.Buurten) || !before.Places.Wijken.SequenceEqual(after.Places.Wijken)
            || before.Places.SupportPoints.Count != after.Places.SupportPoints.Count
            || !before.Places.SupportPoints.Select(FixedData).SequenceEqual(after.Places.SupportPoints.Select(FixedData)))
        {
            var all = after.Places.SupportPoints.Select(p => p.Slug).ToHashSet(StringComparer.Ordinal);
            return new ContentChange(true, all, all);
        }

        var statuses = after.Places.SupportPoints
            .Where(p => !Equals(before.Places.FindSupportPoint(p.Slug)?.Status, p.Status))
            .Select(p => p.Slug)
            .ToHashSet(StringComparer.Ordinal);
        var shown = before.Places.AnyActivated != after.Places.AnyActivated
            ? after.Places.SupportPoints.Select(p => p.Slug).ToHashSet(StringComparer.Ordinal)
            : statuses.Concat(after.Places.SupportPoints
                .Where(p => before.Places.GoInstead(before.Places.FindSupportPoint(p.Slug)!)?.Slug != after.Places.GoInstead(p)?.Slug)
                .Select(p => p.Slug)).ToHashSet(StringComparer.Ordinal);
        return new ContentChange(false, statuses, shown);
    }

    /// <summary>A point without its status, as text: records compare their lists by reference, this by content.</summary>
    private static string FixedData(SupportPoint point) => string.Join('|',
        point.Slug, point.Name, point.Address, point.Location, point.Kind, string.Join(',', point.Services), string.Join(',', point.Accessibility),
        string.Join(',', point.ExplicitBuurtCodes), point.IsExample, point.Source);
}
