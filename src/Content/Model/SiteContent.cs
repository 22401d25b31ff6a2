using Portal.Content.Cultures;

namespace Portal.Content.Model;

/// <summary>The content of one language: its pages, alerts and the texts of the meterkastkaart.</summary>
public sealed record CultureContent(PortalCulture Culture, IReadOnlyList<ContentPage> Pages, IReadOnlyList<Alert> Alerts, CardText? Card = null)
{
    public ContentPage? Find(string key) => Pages.FirstOrDefault(p => p.Key == key);
}

/// <summary>All content, every language, from one source at one moment.</summary>
/// <param name="Version">Changes whenever any content changes; cards and exports record it.</param>
public sealed record SiteContent(SiteSettings Settings, IReadOnlyDictionary<string, CultureContent> ByCulture, string Source, string Version)
{
    public CultureContent For(PortalCulture culture) => ByCulture[culture.Code];
}
