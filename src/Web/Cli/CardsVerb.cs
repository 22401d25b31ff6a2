using System.CommandLine;
using System.Globalization;
using Portal.Application.CardPrinting;
using Portal.Application.ContentPipeline;
using Portal.Application.Deployment;
using Portal.Cards;
using Spectre.Console;

namespace Portal.Web.Cli;

/// <summary>
/// portal cards --out DIR [--profile office|print-shop] [--crop-marks true|false] [--pdfx x3|x1a] [--size a6|a5] [--lang nl]
/// [--format pdf,png] [--overrun 5%] [--allow-non-public-qr]: every buurt's meterkastkaart for the office printer or the print shop, with
/// quantities per buurt and wijk, in a folder that appears complete or not at all.
/// </summary>
public static class CardsVerb
{
    public static Command Command(VerbContext verb)
    {
        var output = new Option<string>("--out") { Description = "the folder to write (built beside it, then swapped in)", Required = true };
        var size = new Option<string>("--size") { Description = "a6 or a5", DefaultValueFactory = _ => "a6" };
        size.AcceptOnlyFromAmong([.. CardSize.All.Select(s => s.Name)]);
        var language = new Option<string?>("--lang") { Description = "the language of the cards (default: the default language)" };
        var formats = new Option<string>("--format") { Description = "pdf, png or pdf,png", DefaultValueFactory = _ => "pdf,png" };
        var publicUrl = new Option<string?>("--public-url") { Description = "the address QR codes lead to (default: Portal:PublicBaseUrl)" };
        var overrun = new Option<string?>("--overrun") { Description = "spare cards per buurt in manifest.csv: a number (10) or a share of its households (5%); default Portal:CardOverrun" };
        var profile = new Option<string>("--profile")
        {
            Description = "office: RGB PDFs, A4 sheets and PNGs; print-shop: PDF/X in CMYK with an output intent", DefaultValueFactory = _ => PrintProfile.Office.Name,
        };
        profile.AcceptOnlyFromAmong([.. PrintProfile.All.Select(p => p.Name)]);
        var cropMarks = new Option<bool?>("--crop-marks") { Description = "crop marks in the bleed: true or false (default: on for office, off for print-shop)" };
        var pdfX = new Option<string?>("--pdfx") { Description = "PDF/X flavour for print-shop: x3 or x1a (default Portal:PdfX, x3)" };
        var allowNonPublicQr = new Option<bool>("--allow-non-public-qr") { Description = "print-shop: print although the QR codes lead to a non-public address (a proof)" };
        var command = new Command("cards", "every buurt's meterkastkaart for the office printer or the print shop, with manifest.csv")
        {
            output, profile, cropMarks, pdfX, size, language, formats, publicUrl, overrun, allowNonPublicQr,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new PrintRunRequest(PrintProfile.Find(parse.GetValue(profile))!,
                parse.GetResult(formats) is { Implicit: false } ? parse.GetValue(formats)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null,
                parse.GetValue(cropMarks), parse.GetValue(pdfX), CardSize.Find(parse.GetValue(size)), parse.GetValue(language),
                parse.GetValue(allowNonPublicQr));
            if (PrintRuns.RequestProblem(request) is { } problem)
            {
                verb.Error.WriteLine($"portal cards: {problem}");
                return 2;
            }

            var address = new Dictionary<string, string?>();
            if (parse.GetValue(publicUrl) is { } url)
            {
                address["Portal:PublicBaseUrl"] = url;
            }

            var settings = new Dictionary<string, string?>();
            if (parse.GetValue(overrun) is { } spare)
            {
                settings["Portal:CardOverrun"] = spare;
            }

            // Chromium takes a second and a half to start: let it start while the content is read.
            static void WarmUp(IServiceProvider services) => _ = services.GetRequiredService<CardPrinter>().WarmUpAsync();
            if (verb.Deployment(parse, address) is { } region)
            {
                return region.Deployment is null ? 2 : await PrintRegionAsync(verb, parse, region, request, parse.GetValue(output)!, settings, WarmUp, cancellationToken);
            }

            return await verb.WithContentAsync(parse, async (services, data) => (await PrintAsync(verb, services, data, request, parse.GetValue(output)!, quiet: false)).Exit,
                cancellationToken, settings.Concat(address).ToDictionary(), meanwhile: WarmUp);
        });
        return command;
    }

    /// <summary>
    /// A print run per municipality in DIR/{slug}/, its QR codes leading to its own site, one Chromium for all, and the
    /// region's manifest.csv in DIR with the totals per wijk, per municipality and for the region.
    /// </summary>
    private static async Task<int> PrintRegionAsync(VerbContext verb, ParseResult parse, DeploymentSites region, PrintRunRequest request, string folder,
        Dictionary<string, string?> settings, Action<IServiceProvider> warmUp, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var municipalities = region.Sites.Where(s => !s.IsRegion).ToList();
        var runs = new List<MunicipalityPrintRun>();
        var exit = await verb.ForEachSiteAsync(parse, municipalities, async run =>
        {
            var (exit, plan) = await PrintAsync(run.Verb, run.Services, run.Data, request, Path.Combine(folder, run.Site.Slug), quiet: true);
            if (plan is not null)
            {
                lock (runs)
                {
                    runs.Add(new MunicipalityPrintRun(run.Site.Municipality!.Code, run.Site.Name, run.Site.Slug, plan.Cards, plan.Options.Overrun ?? CardOverrun.None));
                }
            }

            return exit;
        }, cancellationToken, settings, warmUp, shareCardPrinter: true, sideBySide: 2);
        if (exit != 0)
        {
            verb.Error.WriteLine($"portal cards: {municipalities.Count - runs.Count} of {municipalities.Count} municipalities' print runs failed (said above); " +
                $"the others are in {Path.GetFullPath(folder)}; the region's manifest.csv was not written.");
            return exit;
        }

        RegionPrintManifest.Write(Path.Combine(folder, RegionPrintManifest.FileName), runs);
        verb.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Done: {runs.Sum(r => r.Cards.Count)} cards for {runs.Count} municipalities of {region.Deployment!.Name} in {clock.Elapsed.TotalSeconds:0.0} s, " +
            $"each in {Path.GetFullPath(folder)}/{{municipality}}/. Print quantities per wijk, municipality and region: {Path.Combine(Path.GetFullPath(folder), RegionPrintManifest.FileName)}."));
        return 0;
    }

    /// <param name="quiet">One line when done, not a line per step (a region's sixteen runs).</param>
    private static async Task<(int Exit, PrintRunPlan? Plan)> PrintAsync(VerbContext verb, IServiceProvider services, PortalData data, PrintRunRequest request,
        string folder, bool quiet)
    {
        var runs = services.GetRequiredService<PrintRuns>();
        var (plan, problem) = runs.Plan(data, request);
        if (plan is null)
        {
            verb.Error.WriteLine($"portal cards: {problem}. Nothing was written.");
            return (2, null);
        }

        var run = plan.Options;
        if (plan.QrTargetWarning is { } warning)
        {
            verb.Error.WriteLine($"portal cards: WARNING: {warning}. Set Portal:PublicBaseUrl or --public-url before printing for residents.");
        }

        try
        {
            if (!quiet)
            {
                verb.Output.WriteLine($"Rendering {plan.Cards.Count} cards ({plan.Size.Name}, {plan.Culture.Code}, {run.Profile.Name}{(run.Profile.PdfX ? $", {run.PdfX!.Name} CMYK" : "")}, " +
                    $"crop marks {(run.WithCropMarks ? "on" : "off")}) into {Path.GetFullPath(folder)} ...");
            }

            // A progress bar for a person at a terminal; plain lines for CI logs, pipes and files.
            var interactive = !quiet && ReferenceEquals(verb.Output, Console.Out) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") is null;
            var result = interactive
                ? await AnsiConsole.Progress().StartAsync(async context => await runs.RunAsync(data, plan, folder, new Progress(context.AddTask("Kaarten", maxValue: 1))))
                : await runs.RunAsync(data, plan, folder, quiet ? LineProgress.None : new LineProgress(verb.Output));
            verb.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Done: {result.Cards} cards in {result.Elapsed.TotalSeconds:0.0} s ({result.CardsPerSecond:0.0} cards/s overall; combined PDF {result.CombinedCardsPerSecond:0} cards/s")
                + (run.Profile.PdfX ? string.Create(CultureInfo.InvariantCulture, $"; {run.PdfX!.Name} {result.PdfX.TotalSeconds:0.0} s") : "")
                + (run.WithPngs ? string.Create(CultureInfo.InvariantCulture, $"; PNGs {result.Pngs.TotalSeconds:0.0} s") : "")
                + "). Print quantities: manifest.csv.");
            return (0, plan);
        }
        catch (CardOverflowException e)
        {
            verb.Error.WriteLine($"portal cards: {e.Message}. Shorten the text in content (card texts or the interface texts); nothing was written.");
        }
        catch (Exception e) when (e is FileNotFoundException or IOException or UnauthorizedAccessException)
        {
            verb.Error.WriteLine($"portal cards: {e.Message}; nothing was written.");
        }

        return (1, null);
    }

    /// <summary>A print run's steps on a Spectre.Console progress bar.</summary>
    private sealed class Progress(ProgressTask bar) : IProgress<CardBatchStep>
    {
        public void Report(CardBatchStep value)
        {
            bar.MaxValue = value.Total;
            bar.Value = value.Done;
            bar.Description = value.What.EscapeMarkup();
        }
    }
}
