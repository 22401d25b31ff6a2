namespace Portal.Content.Drafts;

/// <summary>
/// The one layering rule of a site's content, whatever the source: a site shows the pages (and card texts) of its shared
/// layers — the campaign written once, a region's own — unless a more specific layer has one with the same key, and the
/// most specific layer is the site's own. content/ applies it to files by name (<see cref="Files.ContentFolders"/>),
/// Umbraco to pages by URL segment across start items (<see cref="Umbraco.UmbracoRoots"/>). Settings, alerts, support
/// points and statuses are never layered: they belong to the site's own folder or root.
/// </summary>
public static class ContentLayers
{
    /// <summary>
    /// Every key's items from the last (most specific) layer that has the key, in the order the keys first appear. Items
    /// of one layer are never merged with each other: two with one key stay two, for the validator to name.
    /// </summary>
    public static IReadOnlyList<T> Merge<T>(IEnumerable<IEnumerable<T>> layersGeneralFirst, Func<T, string> key)
    {
        var order = new List<string>();
        var byKey = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        foreach (var layer in layersGeneralFirst)
        {
            var mine = new Dictionary<string, List<T>>(StringComparer.Ordinal);
            foreach (var item in layer)
            {
                var name = key(item);
                if (!mine.TryGetValue(name, out var items))
                {
                    mine[name] = items = [];
                    if (!byKey.ContainsKey(name))
                    {
                        order.Add(name);
                    }
                }

                items.Add(item);
            }

            foreach (var (name, items) in mine)
            {
                byKey[name] = items;
            }
        }

        return [.. order.SelectMany(name => byKey[name])];
    }
}
