using Portal.Cards;

namespace Portal.Application.CardPrinting;

/// <summary>One municipality's print run in a region's: its cards, the folder they are in, and its spare cards.</summary>
/// <param name="Folder">Its print run's folder, relative to the region's ("wijchen").</param>
public sealed record MunicipalityPrintRun(string Code, string Name, string Folder, IReadOnlyList<MeterkastCard> Cards, CardOverrun Overrun);

/// <summary>
/// manifest.csv of a region's print run, for the region's print order: a row per wijk with its buurten, households,
/// spare cards and print quantity, a total per municipality and one for the region. Each municipality's own manifest.csv
/// (in its folder, named in the column "map") has the rows per buurt for its distribution lists.
/// </summary>
public static class RegionPrintManifest
{
    public const string FileName = "manifest.csv";

    public static readonly string[] Columns =
        ["gemeentecode", "gemeente", "wijkcode", "wijk", "kaarten", "huishoudens", "reserve", "oplage", "map", "regel"];

    public static void Write(string path, IReadOnlyList<MunicipalityPrintRun> runs) =>
        Portal.Content.Files.AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: -1, leaveOpen: true);
            using var csv = SpreadsheetCsv.Writer(writer);
            foreach (var row in Rows(runs).Prepend(Columns.Cast<object>().ToArray()))
            {
                foreach (var field in row)
                {
                    csv.WriteField(field);
                }

                csv.NextRecord();
            }
        });

    public static IEnumerable<object[]> Rows(IReadOnlyList<MunicipalityPrintRun> runs)
    {
        var region = new Tally();
        foreach (var run in runs.OrderBy(r => r.Code, StringComparer.Ordinal))
        {
            var municipality = new Tally();
            foreach (var wijk in run.Cards.GroupBy(c => c.Wijk.Code, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var tally = new Tally();
                foreach (var card in wijk)
                {
                    tally.Add(1, card.Buurt.Households, run.Overrun.For(card.Buurt.Households));
                }

                yield return [run.Code, run.Name, wijk.Key, wijk.First().Wijk.Name, .. tally.Fields, run.Folder, "wijk"];
                municipality.Add(tally);
            }

            yield return [run.Code, run.Name, "", $"Totaal {run.Name}", .. municipality.Fields, run.Folder, "gemeentetotaal"];
            region.Add(municipality);
        }

        yield return ["", "", "", "Totaal regio", .. region.Fields, "", "regiototaal"];
    }

    private sealed class Tally
    {
        private int _cards;
        private int _households;
        private int _spare;

        public object[] Fields => [_cards, _households, _spare, _households + _spare];

        public void Add(int cards, int households, int spare) => (_cards, _households, _spare) = (_cards + cards, _households + households, _spare + spare);

        public void Add(Tally other) => Add(other._cards, other._households, other._spare);
    }
}
