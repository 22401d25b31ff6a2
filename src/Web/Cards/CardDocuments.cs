using Portal.Pages;
using Microsoft.Extensions.Options;
using Portal.Cards;
using Portal.Content.Cultures;
using Portal.Pages.Cards;
using Portal.Web.Hosting;

namespace Portal.Web.Cards;

/// <summary>Builds cards from the current data and renders them to the print document with the Razor template.</summary>
public sealed class CardDocuments(PageRenderer renderer, IOptions<PortalOptions> options)
{
    private readonly Lazy<string> _css = new(() => File.ReadAllText(Path.Combine(options.Value.WebRootPath, "css", "card.css")));

    public Uri PublicBaseUrl => options.Value.PublicBaseUrl;

    public MeterkastCard Card(PortalData data, Portal.Places.Buurt buurt, PortalCulture culture, CardSize size) =>
        MeterkastCard.For(buurt, data.Places, data.Content, data.Texts, culture, data.Cultures, size, PublicBaseUrl);

    public IReadOnlyList<MeterkastCard> All(PortalData data, PortalCulture culture, CardSize size) =>
        [.. data.Places.Buurten.Select(b => Card(data, b, culture, size))];

    public Task<string> PrintHtmlAsync(IReadOnlyList<MeterkastCard> cards, bool sheets) =>
        renderer.RenderAsync<CardPrintDocument>(new Dictionary<string, object?> { ["Cards"] = cards, ["Css"] = _css.Value, ["Sheets"] = sheets });
}
