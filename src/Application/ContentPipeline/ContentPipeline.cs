using Portal.Content.Cultures;
using Portal.Content.Drafts;
using Portal.Content.Markdown;
using Portal.Content.Text;
using Portal.Content.Validation;
using Portal.Places;
using Portal.Places.Catalog;

namespace Portal.Application.ContentPipeline;

/// <summary>What a load produced: the data when everything is valid, else every problem.</summary>
public sealed record ContentLoad(PortalData? Data, IReadOnlyList<DataProblem> Problems)
{
    public string Summary => string.Join("; ", Problems.Take(5)) + (Problems.Count > 5 ? $"; and {Problems.Count - 5} more" : "");
}

/// <summary>
/// The one way content becomes served data, whatever the source: a draft from content/ or Umbraco goes through the one
/// validator, its support points are checked against the geography, and the result is immutable <see cref="PortalData"/>.
/// The geography (content/data) and the interface texts (content/{language}/ui.yml) always come from the content folder.
/// </summary>
public sealed class ContentPipeline(string contentPath, CultureSet cultures)
{
    private readonly Lazy<(PlaceCatalog? Places, UiTextCatalog? Texts, IReadOnlyList<DataProblem> Problems)> _frame = new(() => LoadFrame(contentPath, cultures));

    public CultureSet Cultures => cultures;

    /// <summary>The embedded source: content/ as a whole.</summary>
    public ContentLoad LoadContentFolder() => ReadContentFolder().Load;

    /// <summary>content/ as read (what `umbraco seed` turns into documents) and as loaded.</summary>
    public (ContentDraft Draft, ContentLoad Load) ReadContentFolder()
    {
        // Independent files: the geography and texts load beside the pages, which every start and export waits for.
        var frame = Task.Run(() => _frame.Value);
        var draft = MarkdownContentSource.Read(contentPath, cultures);
        frame.GetAwaiter().GetResult();
        return (draft, Build(draft));
    }

    /// <summary>Any source's draft: validate, merge with the geography, and build the data, or say what is wrong.</summary>
    public ContentLoad Build(ContentDraft draft)
    {
        var (places, texts, frameProblems) = _frame.Value;
        var (content, problems) = ContentValidator.Validate(draft, cultures);
        var all = frameProblems.Concat(problems).ToList();
        if (places is null || texts is null || content is null || all.Count > 0)
        {
            return new ContentLoad(null, all);
        }

        var merged = PlaceCatalogLoader.WithSupportPoints(places, draft.SupportPoints ?? places.SupportPoints,
            draft.SupportPoints is null ? DataProblem.DisplayPath(Path.Combine(contentPath, "data", PlaceCatalogLoader.SupportPointsFile)) : draft.Source);
        return merged.Catalog is null
            ? new ContentLoad(null, merged.Problems)
            : new ContentLoad(new PortalData(merged.Catalog, texts, cultures, content), []);
    }

    private static (PlaceCatalog?, UiTextCatalog?, IReadOnlyList<DataProblem>) LoadFrame(string contentPath, CultureSet cultures)
    {
        var placesLoading = Task.Run(() => PlaceCatalogLoader.Load(Path.Combine(contentPath, "data")));
        var (texts, textProblems) = UiTextCatalog.Load(contentPath, cultures);
        var places = placesLoading.GetAwaiter().GetResult();
        return (places.Catalog, texts, [.. places.Problems, .. textProblems]);
    }
}
