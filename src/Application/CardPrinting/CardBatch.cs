using System.Diagnostics;
using Portal.Cards;

namespace Portal.Application.CardPrinting;

/// <summary>One step of a print run done, of how many: a line on a CI log, a progress bar in a terminal.</summary>
public sealed record CardBatchStep(int Done, int Total, string What);

/// <summary>Steps as plain lines ("[3/46] PDF BU02680101 Stadscentrum"), written as they happen.</summary>
public sealed class LineProgress(TextWriter writer) : IProgress<CardBatchStep>
{
    public static LineProgress None { get; } = new(TextWriter.Null);

    public void Report(CardBatchStep value) => writer.WriteLine($"[{value.Done}/{value.Total}] {value.What}");
}

/// <summary>What a print run produced, for the terminal and the benchmark.</summary>
public sealed record CardBatchResult(int Cards, TimeSpan Elapsed, TimeSpan CombinedPdf, string Folder)
{
    public double CardsPerSecond => Cards / Elapsed.TotalSeconds;

    public double CombinedCardsPerSecond => Cards / CombinedPdf.TotalSeconds;
}

/// <summary>
/// One print run for the print shop: a PDF per buurt, one combined PDF, A4 sheets for office printers, 300 dpi PNGs
/// and manifest.csv with print quantities per buurt and wijk (<see cref="PrintManifest"/>). Built in a folder beside the target and swapped in at the end, so the
/// output folder is complete or untouched, never half-written.
/// </summary>
public sealed class CardBatch(CardPrinter printer, CardDocuments documents, IProgress<CardBatchStep> progress)
{
    /// <param name="overrun">Spare cards per buurt in the print quantities; none when null.</param>
    public async Task<CardBatchResult> RunAsync(IReadOnlyList<MeterkastCard> cards, string outputFolder, bool pdf, bool png, string contentVersion,
        CardOverrun? overrun = null)
    {
        if (cards.Count == 0)
        {
            throw new ArgumentException("no cards to render", nameof(cards));
        }

        var clock = Stopwatch.StartNew();
        var total = (pdf ? 1 + cards.Count : 0) + (png ? 1 : 0);
        var target = Path.GetFullPath(outputFolder);
        var building = $"{target}.building-{Guid.NewGuid():N}";
        Directory.CreateDirectory(building);
        try
        {
            var (size, language) = (cards[0].Size, cards[0].Culture.Code);
            var all = await documents.PrintHtmlAsync(cards, false);
            var stem = $"meterkastkaarten-{language}-{size.Name}";
            var files = new Dictionary<string, (string? Pdf, string? Png)>(StringComparer.Ordinal);
            var combinedTime = await printer.PrintAsync(all, async session =>
            {
                var combinedClock = Stopwatch.StartNew();
                if (pdf)
                {
                    await File.WriteAllBytesAsync(Path.Combine(building, $"{stem}.pdf"), await session.PdfAsync(size));
                }

                var combined = combinedClock.Elapsed;
                if (pdf)
                {
                    progress.Report(new CardBatchStep(1, total, $"PDF {stem}.pdf ({cards.Count} cards)"));
                    await session.SetAsync(await documents.PrintHtmlAsync(cards, true));
                    await File.WriteAllBytesAsync(Path.Combine(building, $"{stem}-a4-vellen.pdf"), await session.SheetPdfAsync());
                    Directory.CreateDirectory(Path.Combine(building, "pdf"));
                    var split = await PdfPageSplitter.SplitAsync(Path.Combine(building, $"{stem}.pdf"), cards.Count, Path.Combine(building, "split"));
                    for (var i = 0; i < cards.Count; i++)
                    {
                        var card = cards[i];
                        var name = $"pdf/{card.Buurt.Code}.pdf";
                        if (split is not null)
                        {
                            File.Move(split[i], Path.Combine(building, name));
                        }
                        else
                        {
                            await session.SetAsync(await documents.PrintHtmlAsync([card], false));
                            await File.WriteAllBytesAsync(Path.Combine(building, name), await session.PdfAsync(size));
                        }

                        files[card.Buurt.Code] = (name, null);
                        progress.Report(new CardBatchStep(i + 2, total, $"PDF {card.Buurt.Code} {card.Buurt.Name}"));
                    }

                    if (split is not null)
                    {
                        Directory.Delete(Path.Combine(building, "split"), recursive: true);
                    }
                }

                if (png)
                {
                    Directory.CreateDirectory(Path.Combine(building, "png"));
                    foreach (var (code, bytes) in await session.PngsAsync(all, size, CardPrinter.PngDpi))
                    {
                        var name = $"png/{code}.png";
                        await File.WriteAllBytesAsync(Path.Combine(building, name), bytes);
                        files[code] = (files.GetValueOrDefault(code).Pdf, name);
                    }

                    progress.Report(new CardBatchStep(total, total, $"PNG at {CardPrinter.PngDpi} dpi: {cards.Count} cards"));
                }

                return combined;
            });

            PrintManifest.Write(Path.Combine(building, "manifest.csv"), cards, files, contentVersion, overrun ?? CardOverrun.None);
            Portal.Content.Files.AtomicFolder.Replace(building, target);
            return new CardBatchResult(cards.Count, clock.Elapsed, combinedTime, target);
        }
        catch
        {
            if (Directory.Exists(building))
            {
                Directory.Delete(building, recursive: true);
            }

            throw;
        }
    }
}
