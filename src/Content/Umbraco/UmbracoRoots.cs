namespace Portal.Content.Umbraco;

/// <summary>Which of a site's start items an item lies under, and so what the site takes from it.</summary>
public enum RootLayer
{
    /// <summary>The site's own root: everything (settings, alerts, support points and statuses, its pages over the shared ones).</summary>
    Own,

    /// <summary>A shared root (the region's Home): its pages and card texts, unless the own root has the same.</summary>
    Shared,

    /// <summary>A municipality's root read by the region site: its support points and their statuses only.</summary>
    SupportPoints,

    /// <summary>None of the site's roots: another municipality's item, which this site ignores.</summary>
    Outside,
}

/// <summary>Where an item belongs: its layer, the shared root's place (0 the most general), the municipality of its support points.</summary>
public sealed record RootOf(RootLayer Layer, int SharedIndex = 0, string? MunicipalityCode = null);

/// <summary>A municipality's root as the region site reads it: for its support points, each with the municipality's CBS code.</summary>
public sealed class SupportPointRoot
{
    public string StartItem { get; set; } = "";

    public string MunicipalityCode { get; set; } = "";
}

/// <summary>
/// The start items one site reads in an Umbraco multi-site tree, each with the Delivery API's Start-Item: its own root,
/// the shared roots whose pages it shows unless its own root has a page with the same URL segment
/// (<see cref="Drafts.ContentLayers"/>), and — for a region site — the municipalities' roots whose support points it shows.
/// A single municipality has its own root only, and then every item read is its own.
/// </summary>
public sealed record UmbracoRoots(string Own, IReadOnlyList<string> Shared, IReadOnlyList<SupportPointRoot> SupportPoints)
{
    public bool IsLayered => Shared.Count > 0 || SupportPoints.Count > 0;

    /// <summary>Every root in the order they are read and layered: the shared ones (most general first), the municipalities', the own last.</summary>
    public IReadOnlyList<string> ReadOrder => [.. Shared, .. SupportPoints.Select(r => r.StartItem), Own];

    /// <summary>
    /// By the item's route.startItem (id or path, as Umbraco gives it). An item without one, or any item when the site has
    /// only its own root, is its own.
    /// </summary>
    public RootOf Of(DeliveryItem item)
    {
        if (!IsLayered || item.StartItem is not { } start || Matches(Own, start))
        {
            return new RootOf(RootLayer.Own);
        }

        for (var i = Shared.Count - 1; i >= 0; i--)
        {
            if (Matches(Shared[i], start))
            {
                return new RootOf(RootLayer.Shared, i);
            }
        }

        return SupportPoints.FirstOrDefault(r => Matches(r.StartItem, start)) is { } points
            ? new RootOf(RootLayer.SupportPoints, MunicipalityCode: points.MunicipalityCode)
            : new RootOf(RootLayer.Outside);
    }

    /// <summary>A configured start item (a GUID, or a path such as "wijchen") against an item's route.startItem.</summary>
    private static bool Matches(string configured, (Guid? Id, string? Path) start) =>
        Guid.TryParse(configured, out var id)
            ? start.Id == id
            : start.Path is { } path && string.Equals(path.Trim('/'), configured.Trim('/'), StringComparison.OrdinalIgnoreCase);
}
