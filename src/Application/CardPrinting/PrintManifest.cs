using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using Portal.Cards;

namespace Portal.Application.CardPrinting;

/// <summary>
/// Spare cards per buurt on top of one per household (damaged, missed, new residents): a number of cards ("10") or a
/// share of the households, rounded up ("5%").
/// </summary>
public sealed partial record CardOverrun(int Cards, double Percent)
{
    public static CardOverrun None { get; } = new(0, 0);

    public int For(int households) => Cards + (int)Math.Ceiling(households * Percent / 100);

    public static CardOverrun? Parse(string? text)
    {
        var match = Pattern().Match(text?.Trim() ?? "");
        if (!match.Success)
        {
            return null;
        }

        var number = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Success ? new CardOverrun(0, number) : number == Math.Floor(number) ? new CardOverrun((int)number, 0) : null;
    }

    public override string ToString() => Percent > 0 ? $"{Percent.ToString(CultureInfo.InvariantCulture)}%" : Cards.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d{1,4}(?:\.\d+)?)(%)?$")]
    private static partial Regex Pattern();
}

/// <summary>
/// manifest.csv, the one file for the print order and the distribution lists: a row per buurt (households, spare
/// cards, print quantity, its files and QR address), grouped by wijk with a total row per wijk, and a grand total.
/// The column "regel" says which kind a row is (buurt, wijktotaal, totaal).
/// </summary>
public static class PrintManifest
{
    public static readonly string[] Columns =
        ["buurtcode", "buurtnaam", "wijk", "noodsteunpunt", "adres", "huishoudens", "reserve", "oplage", "pdf", "png", "qr_url", "taal", "formaat", "inhoudsversie", "regel"];

    public static void Write(string path, IReadOnlyList<MeterkastCard> cards, IReadOnlyDictionary<string, (string? Pdf, string? Png)> files,
        string contentVersion, CardOverrun overrun)
    {
        using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        using var csv = SpreadsheetCsv.Writer(writer);
        foreach (var row in Rows(cards, files, contentVersion, overrun).Prepend(Columns.Cast<object>().ToArray()))
        {
            foreach (var field in row)
            {
                csv.WriteField(field);
            }

            csv.NextRecord();
        }
    }

    public static IEnumerable<object[]> Rows(IReadOnlyList<MeterkastCard> cards, IReadOnlyDictionary<string, (string? Pdf, string? Png)> files,
        string contentVersion, CardOverrun overrun)
    {
        var (households, spare) = (0, 0);
        var first = cards[0];
        foreach (var wijk in cards.GroupBy(c => c.Wijk.Code, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var (wijkHouseholds, wijkSpare) = (0, 0);
            foreach (var card in wijk.OrderBy(c => c.Buurt.Code, StringComparer.Ordinal))
            {
                var point = card.Assignment.Primary;
                var (pdf, png) = files.GetValueOrDefault(card.Buurt.Code);
                var extra = overrun.For(card.Buurt.Households);
                (wijkHouseholds, wijkSpare) = (wijkHouseholds + card.Buurt.Households, wijkSpare + extra);
                yield return [card.Buurt.Code, card.Buurt.Name, card.Wijk.Name, point.Name, $"{point.Address.StreetLine}, {point.Address.FormattedPostcode} {point.Address.City}",
                    card.Buurt.Households, extra, card.Buurt.Households + extra, pdf ?? "", png ?? "", card.QrUrl, card.Culture.Code, card.Size.Name, contentVersion, "buurt"];
            }

            yield return Total($"Totaal {wijk.First().Wijk.Name}", wijk.First().Wijk.Name, wijkHouseholds, wijkSpare, "wijktotaal");
            (households, spare) = (households + wijkHouseholds, spare + wijkSpare);
        }

        yield return Total("Totaal", "", households, spare, "totaal");

        object[] Total(string name, string wijk, int h, int s, string kind) =>
            ["", name, wijk, "", "", h, s, h + s, "", "", "", first.Culture.Code, first.Size.Name, contentVersion, kind];
    }
}
