namespace Portal.Content.Files;

/// <summary>
/// The folders one site's content is read from. Pages, card texts and interface texts are looked up layer by layer: the
/// shared layers first (the Denk Vooruit campaign written once, then a region's own pages), the site's own folder last,
/// and the last layer that has a file wins — so a municipality overrides a shared page by writing its own with the same
/// name, and adds pages of its own. Settings (site.yml) and statuses (status.yml) belong to the site itself only.
/// </summary>
/// <param name="Own">The site's own folder: its site.yml, status.yml and the pages only it shows.</param>
/// <param name="Shared">Folders whose language folders the site shows unless it has its own file, the most general first.</param>
/// <param name="StatusFolders">Where status.yml files are read: the site's own, or on a region site every municipality's.</param>
public sealed record ContentFolders(string Own, IReadOnlyList<string> Shared, IReadOnlyList<string> StatusFolders)
{
    /// <summary>One municipality's content/ on its own, as the quick start serves it.</summary>
    public static ContentFolders Single(string folder) => new(folder, [], [folder]);

    /// <summary>Every layer, the most general first and the site's own last.</summary>
    public IEnumerable<string> Layers => Shared.Append(Own);

    /// <summary>The file at a path below a layer, from the last layer that has it; the own folder's path when none has.</summary>
    public string Find(params string[] relative)
    {
        foreach (var layer in Layers.Reverse())
        {
            var path = Path.Combine([layer, .. relative]);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return Path.Combine([Own, .. relative]);
    }

    /// <summary>The folder at a path below a layer, from the last layer that has it; the own folder's path when none has.</summary>
    public string FindFolder(params string[] relative) =>
        Layers.Reverse().Select(layer => Path.Combine([layer, .. relative])).FirstOrDefault(Directory.Exists) ?? Path.Combine([Own, .. relative]);

    /// <summary>The files matching a pattern in a folder below the layers, one per file name, each from the last layer that has it.</summary>
    public IReadOnlyList<string> Files(string relativeFolder, string pattern) =>
        [.. Drafts.ContentLayers.Merge(Layers.Select(layer => Path.Combine(layer, relativeFolder)).Select(folder => Directory.Exists(folder) ? Directory.GetFiles(folder, pattern) : []),
                Path.GetFileName)
            .OrderBy(Path.GetFileName, StringComparer.Ordinal)];

    /// <summary>True when any layer has the folder (a language's pages may live in a shared layer only).</summary>
    public bool HasFolder(string relativeFolder) => Layers.Any(layer => Directory.Exists(Path.Combine(layer, relativeFolder)));
}
