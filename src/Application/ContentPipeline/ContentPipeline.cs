using Portal.Content.Cultures;
using Portal.Content.Drafts;
using Portal.Content.Files;
using Portal.Content.Markdown;
using Portal.Content.Text;
using Portal.Content.Validation;
using Portal.Places;
using Portal.Places.Catalog;

namespace Portal.Application.ContentPipeline;

/// <summary>
/// What a load produced: the data from every valid item (null when what concerns everything is wrong: the geography, no
/// home page or settings), and every problem; <see cref="Refused"/> says which items are not served as offered.
/// </summary>
public sealed record ContentLoad(PortalData? Data, IReadOnlyList<DataProblem> Problems)
{
    public IReadOnlyList<ItemRefusal> Refused { get; init; } = [];

    public string Summary => string.Join("; ", Problems.Take(5)) + (Problems.Count > 5 ? $"; and {Problems.Count - 5} more" : "");
}

/// <summary>
/// The one way content becomes served data, whatever the source: a draft from content/ or Umbraco goes through the one
/// validator, its support points are checked against the geography, and the result is immutable <see cref="PortalData"/>.
/// The geography (content/data) and the interface texts (content/{language}/ui.yml) always come from the content folder.
/// </summary>
public sealed class ContentPipeline(ContentFolders folders, GeographyFiles geography, CultureSet cultures)
{
    /// <summary>One municipality's content/ on its own: its data/ under the default names.</summary>
    public ContentPipeline(string contentPath, CultureSet cultures)
        : this(ContentFolders.Single(contentPath), new GeographyFiles(Path.Combine(contentPath, "data")), cultures)
    {
    }

    private readonly PageFileCache _pages = new();
    private readonly Lock _frameGate = new();
    private (string Stamp, Task<(PlaceCatalog? Places, UiTextCatalog? Texts, IReadOnlyList<DataProblem> Problems, IReadOnlyList<DataProblem> Skipped)> Load)? _frame;

    public CultureSet Cultures => cultures;

    /// <summary>What content/ last gave that was served: a refused file or entry keeps its version from here.</summary>
    private ContentDraft? _folderLastGood;

    /// <summary>The embedded source: content/ as a whole, each refused file or entry on its last good version or left out.</summary>
    public ContentLoad LoadContentFolder() => ReadContentFolder().Load;

    /// <summary>content/ as read (what `umbraco seed` turns into documents) and as loaded.</summary>
    public (ContentDraft Draft, ContentLoad Load) ReadContentFolder()
    {
        var draft = ReadContentFolderDraft();
        var (accepted, load) = Accept(draft, Volatile.Read(ref _folderLastGood));
        if (load.Data is not null)
        {
            Volatile.Write(ref _folderLastGood, accepted);
        }

        return (draft, load);
    }

    /// <summary>A draft under the one rule of <see cref="ItemIsolation"/>: every valid item served, a refused one on its last good version.</summary>
    public (ContentDraft Accepted, ContentLoad Load) Accept(ContentDraft draft, ContentDraft? lastGood) =>
        ItemIsolation.Accept(draft, Build, (offered, decisions) => offered.WithItemsFrom(lastGood, decisions));

    /// <summary>content/ as read, not yet built (for a caller that builds it itself, such as <see cref="ContentServing"/>).</summary>
    public ContentDraft ReadContentFolderDraft()
    {
        // Independent files: the geography and texts load beside the pages, which every start and export waits for.
        var frame = Frame();
        var draft = MarkdownContentSource.Read(folders, cultures, _pages);
        frame.GetAwaiter().GetResult();
        return draft;
    }

    /// <summary>Any source's draft: validate, merge with the geography, and build the data, or say what is wrong.</summary>
    public ContentLoad Build(ContentDraft draft)
    {
        var (places, texts, frameProblems, skipped) = Frame().GetAwaiter().GetResult();
        var (content, problems) = ContentValidator.Validate(draft, cultures);
        var (points, statusProblems) = places is null ? (null, []) : ContentValidator.ApplyStatuses(draft.Statuses ?? [], draft.SupportPoints ?? places.SupportPoints, cultures);
        var all = frameProblems.Concat(problems).Concat(statusProblems).ToList();
        if (places is null || texts is null || content is null || points is null || all.Count > 0)
        {
            return new ContentLoad(null, all);
        }

        var merged = PlaceCatalogLoader.WithSupportPoints(places, points,
            draft.SupportPoints is null ? DataProblem.DisplayPath(geography.PathOf(geography.SupportPoints[0].Path)) : draft.Source);
        return merged.Catalog is null
            ? new ContentLoad(null, merged.Problems)
            : new ContentLoad(new PortalData(merged.Catalog, texts, cultures, content), skipped);
    }

    /// <summary>
    /// The geography and texts, read again only when one of their files changed (the status file and pages change far
    /// more often, and a running portal re-reads content/ on every change).
    /// </summary>
    private Task<(PlaceCatalog? Places, UiTextCatalog? Texts, IReadOnlyList<DataProblem> Problems, IReadOnlyList<DataProblem> Skipped)> Frame()
    {
        var stamp = FrameStamp();
        lock (_frameGate)
        {
            if (_frame is not { } frame || frame.Stamp != stamp)
            {
                _frame = frame = (stamp, Task.Run(() => LoadFrame(folders, geography, cultures)));
            }

            return frame.Load;
        }
    }

    private string FrameStamp()
    {
        // The support point files themselves, not their folders: in a region a municipality's folder also holds its
        // status.yml, and a status change must not read the geography again (new data for every page, a full re-export).
        var files = (Directory.Exists(geography.Folder) ? Directory.EnumerateFiles(geography.Folder) : [])
            .Concat(geography.SupportPoints.Select(f => geography.PathOf(f.Path)))
            .Concat(cultures.All.Select(c => folders.Find(c.Code, UiTextCatalog.FileName)))
            .Distinct()
            .Order(StringComparer.Ordinal);
        return string.Join('|', files.Select(f => new FileInfo(f) is { Exists: true } info ? $"{f}:{info.Length}:{info.LastWriteTimeUtc.Ticks}" : f));
    }

    /// <summary>
    /// New live statuses on the served data, for when the rest of a read cannot be used: a half-finished page must never
    /// hold back "this point is full". The statuses are checked against the served support points only.
    /// </summary>
    public ContentLoad WithStatuses(PortalData served, IReadOnlyList<StatusDraft> statuses)
    {
        var standby = served.Places.SupportPoints.Select(p => p with { Status = SupportPointStatus.Standby }).ToList();
        var (points, problems) = ContentValidator.ApplyStatuses(statuses, standby, cultures);
        if (points is null)
        {
            return new ContentLoad(null, problems);
        }

        var merged = PlaceCatalogLoader.WithSupportPoints(served.Places, points, "statuses");
        return merged.Catalog is null ? new ContentLoad(null, merged.Problems) : new ContentLoad(served with { Places = merged.Catalog }, []);
    }

    /// <summary>What is wrong with statuses for content/'s support points (what `portal status set` checks before it writes).</summary>
    public IReadOnlyList<DataProblem> CheckStatuses(IReadOnlyList<StatusDraft> statuses)
    {
        var (places, _, frameProblems, _) = Frame().GetAwaiter().GetResult();
        return places is null ? frameProblems : ContentValidator.ApplyStatuses(statuses, places.SupportPoints, cultures).Problems;
    }

    private static (PlaceCatalog?, UiTextCatalog?, IReadOnlyList<DataProblem>, IReadOnlyList<DataProblem>) LoadFrame(ContentFolders folders, GeographyFiles geography, CultureSet cultures)
    {
        var placesLoading = Task.Run(() => PlaceCatalogLoader.Load(geography));
        var (texts, textProblems) = UiTextCatalog.Load(folders, cultures);
        var places = placesLoading.GetAwaiter().GetResult();
        return (places.Catalog, texts, [.. places.Problems, .. textProblems], places.Skipped);
    }
}
