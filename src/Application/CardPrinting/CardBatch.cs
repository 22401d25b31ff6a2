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
public sealed record CardBatchResult(int Cards, TimeSpan Elapsed, TimeSpan CombinedPdf, string Folder, TimeSpan PdfX = default, TimeSpan Pngs = default)
{
    public double CardsPerSecond => Cards / Elapsed.TotalSeconds;

    public double CombinedCardsPerSecond => Cards / CombinedPdf.TotalSeconds;
}

/// <summary>What to make in a print run: the profile, which formats (PDF, PNG), crop marks, spare cards, and for PDF/X
/// the output intent.</summary>
public sealed record PrintRunOptions(PrintProfile Profile, bool Pdf = true, bool Png = true, bool? CropMarks = null, CardOverrun? Overrun = null,
    PdfXSettings? PdfX = null, bool PngsFromPdf = true)
{
    public static PrintRunOptions Office { get; } = new(PrintProfile.Office);

    public bool WithCropMarks => CropMarks ?? Profile.CropMarks;

    public bool WithPngs => Png && Profile.Pngs;

    public bool WithSheets => Pdf && Profile.Sheets;
}

/// <summary>
/// One print run (<see cref="PrintProfile"/>): a PDF per buurt, one combined PDF, for the office profile A4 sheets and
/// 300 dpi PNGs, for the print-shop profile PDF/X in CMYK, and manifest.csv with print quantities per buurt and wijk
/// (<see cref="PrintManifest"/>). Chromium prints the combined document once; every other file is made from that PDF
/// while Chromium prints the next (qpdf cuts the pages, pdftoppm renders the PNGs, PDFsharp imposes the A4 sheets,
/// Ghostscript converts to PDF/X). Built in a folder beside the target and swapped in at the end, so the output folder is complete
/// or untouched, never half-written.
/// </summary>
public sealed class CardBatch(CardPrinter printer, CardDocuments documents, IProgress<CardBatchStep> progress)
{
    public async Task<CardBatchResult> RunAsync(IReadOnlyList<MeterkastCard> cards, string outputFolder, string contentVersion, PrintRunOptions run)
    {
        if (cards.Count == 0)
        {
            throw new ArgumentException("no cards to render", nameof(cards));
        }

        var clock = Stopwatch.StartNew();
        var total = (run.Pdf ? 1 + cards.Count : 0) + (run.WithSheets ? 1 : 0) + (run.WithPngs ? 1 : 0);
        var done = 0;
        void Step(string what) => progress.Report(new CardBatchStep(Interlocked.Increment(ref done), total, what));
        var target = Path.GetFullPath(outputFolder);
        var building = Portal.Content.Files.AtomicFolder.Building(target);
        Task<IReadOnlyList<byte[]>>? rasterising = null;
        Task? sheets = null;
        try
        {
            var (size, language) = (cards[0].Size, cards[0].Culture.Code);
            var all = await documents.PrintHtmlAsync(cards, run.WithCropMarks);
            var stem = $"meterkastkaarten-{language}-{size.Name}";
            var combinedFile = Path.Combine(building, $"{stem}.pdf");
            // The RGB print every other file is made from; for PDF/X it is only a step on the way.
            var rgbFile = run.Profile.PdfX ? Path.Combine(building, "rgb.pdf") : combinedFile;
            var files = new Dictionary<string, (string? Pdf, string? Png)>(StringComparer.Ordinal);
            var pngClock = new Stopwatch();
            var combinedTime = await printer.PrintAsync(all, async session =>
            {
                var combinedClock = Stopwatch.StartNew();
                await File.WriteAllBytesAsync(rgbFile, await session.PdfAsync(size));
                var combined = combinedClock.Elapsed;
                if (run.Pdf && !run.Profile.PdfX)
                {
                    Step($"PDF {stem}.pdf ({cards.Count} cards)");
                }

                if (run.WithPngs && run.PngsFromPdf && PdfRaster.Available)
                {
                    pngClock.Start();
                    rasterising = PdfRaster.PngsAsync(rgbFile, cards.Count, CardPrinter.PngDpi);
                }

                if (run.WithSheets)
                {
                    sheets = Task.Run(() => PdfSheets.Impose(rgbFile, Path.Combine(building, $"{stem}-a4-vellen.pdf"), size));
                }

                if (run.Pdf && !run.Profile.PdfX)
                {
                    await CutPerBuurtAsync(session, cards, building, combinedFile, files, run.WithCropMarks, Step);
                }

                if (run.WithPngs && rasterising is null)
                {
                    // Without pdftoppm: a Chromium screenshot per card.
                    pngClock.Start();
                    await WritePngsAsync(building, (await session.PngsAsync(all, size, CardPrinter.PngDpi)).Select(p => (p.Key, p.Value)), files);
                    pngClock.Stop();
                    Step($"PNG at {CardPrinter.PngDpi} dpi: {cards.Count} cards");
                }

                return combined;
            });

            var pdfXTime = TimeSpan.Zero;
            if (run.Pdf && run.Profile.PdfX)
            {
                var pdfXClock = Stopwatch.StartNew();
                var settings = run.PdfX ?? PdfXSettings.Default;
                await PdfXConverter.ConvertAsync(rgbFile, cards.Count, combinedFile, settings, $"Meterkastkaarten {cards[0].Settings.MunicipalityName}");
                Step($"{settings.Name} {stem}.pdf ({cards.Count} cards, CMYK)");
                var names = cards.Select(c => $"pdf/{c.Buurt.Code}.pdf").ToList();
                Directory.CreateDirectory(Path.Combine(building, "pdf"));
                await PdfPages.ExtractEachAsync(combinedFile, [.. names.Select(n => Path.Combine(building, n))]);
                for (var i = 0; i < cards.Count; i++)
                {
                    files[cards[i].Buurt.Code] = (names[i], null);
                    Step($"{settings.Name} {cards[i].Buurt.Code} {cards[i].Buurt.Name}");
                }

                pdfXTime = pdfXClock.Elapsed;
            }

            if (sheets is not null)
            {
                // Said here, not when it ends: the steps keep their numbers from run to run.
                await sheets;
                Step($"PDF {stem}-a4-vellen.pdf (A4 sheets)");
            }

            if (rasterising is not null)
            {
                await WritePngsAsync(building, (await rasterising).Select((png, i) => (cards[i].Buurt.Code, png)), files);
                pngClock.Stop();
                Step($"PNG at {CardPrinter.PngDpi} dpi: {cards.Count} cards");
            }

            if (rgbFile != combinedFile)
            {
                File.Delete(rgbFile);
            }

            PrintManifest.Write(Path.Combine(building, "manifest.csv"), cards, files, contentVersion, run.Overrun ?? CardOverrun.None);
            Portal.Content.Files.AtomicFolder.Replace(building, target);
            return new CardBatchResult(cards.Count, clock.Elapsed, combinedTime, target, pdfXTime, pngClock.Elapsed);
        }
        catch
        {
            // What runs beside Chromium writes into the folder being removed: let it end first.
            foreach (var beside in new Task?[] { sheets, rasterising })
            {
                if (beside is not null)
                {
                    await beside.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }

            if (Directory.Exists(building))
            {
                Directory.Delete(building, recursive: true);
            }

            throw;
        }
    }

    /// <summary>A PDF per buurt, cut from the combined print by qpdf; without qpdf, a Chromium print per card.</summary>
    private async Task CutPerBuurtAsync(PrintSession session, IReadOnlyList<MeterkastCard> cards, string building, string combinedFile,
        Dictionary<string, (string? Pdf, string? Png)> files, bool cropMarks, Action<string> step)
    {
        Directory.CreateDirectory(Path.Combine(building, "pdf"));
        var split = await PdfPages.SplitAsync(combinedFile, cards.Count, Path.Combine(building, "split"));
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
                await session.SetAsync(await documents.PrintHtmlAsync([card], cropMarks));
                await File.WriteAllBytesAsync(Path.Combine(building, name), await session.PdfAsync(card.Size));
            }

            files[card.Buurt.Code] = (name, null);
            step($"PDF {card.Buurt.Code} {card.Buurt.Name}");
        }

        if (split is not null)
        {
            Directory.Delete(Path.Combine(building, "split"), recursive: true);
        }
    }

    private static async Task WritePngsAsync(string building, IEnumerable<(string Code, byte[] Png)> pngs,
        Dictionary<string, (string? Pdf, string? Png)> files)
    {
        Directory.CreateDirectory(Path.Combine(building, "png"));
        foreach (var (code, bytes) in pngs)
        {
            var name = $"png/{code}.png";
            await File.WriteAllBytesAsync(Path.Combine(building, name), bytes);
            files[code] = (files.GetValueOrDefault(code).Pdf, name);
        }
    }
}
