using Portal.Content.Cultures;
using Portal.Content.Model;
using Portal.Content.Text;
using Portal.Places;

namespace Portal.Cards;

/// <summary>Everything printed on one buurt's card, in one language and size. No personal data, ever.</summary>
public sealed record MeterkastCard(
    Buurt Buurt,
    Wijk Wijk,
    BuurtAssignment Assignment,
    CardText Text,
    SiteSettings Settings,
    UiText T,
    string QrUrl,
    string QrSvg,
    CardSize Size)
{
    public PortalCulture Culture => T.Culture;

    /// <summary>The short, stable URL on the card: it names the buurt, not the support point, so it survives a reassignment.</summary>
    public static string ShortUrl(Uri publicBaseUrl, string buurtCode) => new Uri(publicBaseUrl, $"s/{buurtCode}").ToString();

    public static MeterkastCard For(Buurt buurt, PlaceCatalog places, SiteContent content, UiTextCatalog texts, PortalCulture culture, CultureSet cultures,
        CardSize size, Uri publicBaseUrl)
    {
        var text = content.For(culture).Card ?? content.For(cultures.Default).Card
            ?? throw new InvalidOperationException("the content has no card texts");
        var url = ShortUrl(publicBaseUrl, buurt.Code);
        return new MeterkastCard(buurt, places.WijkOf(buurt), places.AssignmentFor(buurt), text, content.Settings, texts.For(culture), url, QrCode.Svg(url), size);
    }
}
