namespace Portal.Content.Model;

/// <summary>Document types of the content model, as Umbraco aliases them.</summary>
public static class ContentTypes
{
    public const string Home = "home";
    public const string ContentPage = "contentPage";
    public const string Checklist = "checklist";
    public const string SupportPoint = "supportPoint";
    public const string Alert = "alert";
    public const string SiteSettings = "siteSettings";
    public const string ChecklistItem = "checklistItem";
    public const string CardTexts = "cardTexts";
}

/// <summary>One page in one language. The body is sanitised HTML, safe to write into a page as is.</summary>
/// <param name="Key">Stable across languages and sources; also the URL slug ("noodpakket"). The home page is "home".</param>
/// <param name="Version">The Dutch source's revision; a translation carries the revision it was made from in <see cref="SourceVersion"/>.</param>
public sealed record ContentPage(
    string Key,
    string ContentType,
    string Title,
    string Summary,
    string BodyHtml,
    CampaignStep Step,
    int SortOrder,
    int Version,
    int SourceVersion,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<ChecklistItem> Checklist)
{
    public bool IsHome => Key == "home";

    public string SitePath => Routing.SitePaths.ContentPage(Key);
}

/// <summary>A thing to have at home. Quantities apply per person per day where given (water: 3 litres).</summary>
public sealed record ChecklistItem(string Text, double? PerPersonPerDay, string Unit);
