using Microsoft.Extensions.Options;
using Portal.Application.ContentPipeline;
using Portal.Cards;
using Portal.Content.Cultures;
using Portal.Pages;
using Portal.Pages.Cards;
using Portal.Places;

namespace Portal.Application.CardPrinting;

/// <summary>Builds cards from the served data and renders them to the print document with the one Razor template.</summary>
public sealed class CardDocuments(PageRenderer renderer, IOptions<PortalOptions> options, Portal.Pages.Styles.SiteStyles styles)
{

    public Uri PublicBaseUrl => options.Value.PublicBaseUrl;

    public MeterkastCard Card(PortalData data, Buurt buurt, PortalCulture culture, CardSize size) =>
        MeterkastCard.For(buurt, data.Places, data.Content, data.Texts, culture, data.Cultures, size, PublicBaseUrl);

    public IReadOnlyList<MeterkastCard> All(PortalData data, PortalCulture culture, CardSize size) =>
        [.. data.Places.Buurten.Select(b => Card(data, b, culture, size))];

    /// <param name="cropMarks">Marks in the bleed where the card is cut; a print shop may want none.</param>
    public Task<string> PrintHtmlAsync(IReadOnlyList<MeterkastCard> cards, bool cropMarks = true) =>
        renderer.RenderAsync<CardPrintDocument>(new Dictionary<string, object?>
        {
            [nameof(CardPrintDocument.Cards)] = cards, [nameof(CardPrintDocument.Css)] = styles.Card.Text,
            [nameof(CardPrintDocument.CropMarks)] = cropMarks,
        });
}
