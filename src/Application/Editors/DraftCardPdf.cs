using Portal.Application.CardPrinting;
using Portal.Application.ContentPipeline;
using Portal.Cards;
using Portal.Content.Cultures;
using Portal.Places;

namespace Portal.Application.Editors;

/// <summary>
/// The PDF of a card as it will print once a draft is published, for an officer's preview: printed from the draft's data
/// on each request, never put in <see cref="CardFileCache"/> or the print cache, never written anywhere.
/// </summary>
public sealed class DraftCardPdf(CardDocuments documents, CardPrinter printer)
{
    public async Task<byte[]> PdfAsync(PortalData draft, Buurt buurt, PortalCulture culture)
    {
        var html = await documents.PrintHtmlAsync([documents.Card(draft, buurt, culture, CardSize.A6)]);
        return await printer.PdfAsync(html, CardSize.A6);
    }
}
