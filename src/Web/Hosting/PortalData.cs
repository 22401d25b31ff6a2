using Portal.Content.Cultures;
using Portal.Content.Markdown;
using Portal.Content.Model;
using Portal.Content.Text;
using Portal.Places;
using Portal.Places.Catalog;

namespace Portal.Web.Hosting;

/// <summary>Everything the portal serves, loaded and validated together: all of it or none of it.</summary>
public sealed record PortalData(PlaceCatalog Places, UiTextCatalog Texts, CultureSet Cultures, SiteContent Content)
{
    /// <summary>Loads places, interface texts and pages from a content folder (the embedded source).</summary>
    public static (PortalData? Data, IReadOnlyList<DataProblem> Problems) Load(string contentPath, CultureSet cultures)
    {
        // Independent files: read them side by side, which every start and every export waits for.
        var placesLoading = Task.Run(() => PlaceCatalogLoader.Load(Path.Combine(contentPath, "data")));
        var textsLoading = Task.Run(() => UiTextCatalog.Load(contentPath, cultures));
        var (content, contentProblems) = MarkdownContentSource.Load(contentPath, cultures);
        var places = placesLoading.GetAwaiter().GetResult();
        var (texts, textProblems) = textsLoading.GetAwaiter().GetResult();
        var problems = places.Problems.Concat(textProblems).Concat(contentProblems).ToList();
        return problems.Count == 0 && places.Catalog is not null && texts is not null && content is not null
            ? (new PortalData(places.Catalog, texts, cultures, content), problems)
            : (null, problems);
    }
}
