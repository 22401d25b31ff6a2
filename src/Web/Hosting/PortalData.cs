using Portal.Content.Cultures;
using Portal.Content.Text;
using Portal.Places;
using Portal.Places.Catalog;

namespace Portal.Web.Hosting;

/// <summary>Everything the portal serves, loaded and validated together: all of it or none of it.</summary>
public sealed record PortalData(PlaceCatalog Places, UiTextCatalog Texts, CultureSet Cultures)
{
    public static (PortalData? Data, IReadOnlyList<DataProblem> Problems) Load(string contentPath, CultureSet cultures)
    {
        var places = PlaceCatalogLoader.Load(Path.Combine(contentPath, "data"));
        var (texts, textProblems) = UiTextCatalog.Load(contentPath, cultures);
        var problems = places.Problems.Concat(textProblems).ToList();
        return problems.Count == 0 && places.Catalog is not null && texts is not null
            ? (new PortalData(places.Catalog, texts, cultures), problems)
            : (null, problems);
    }
}
