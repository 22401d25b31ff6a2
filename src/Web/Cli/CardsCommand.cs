using Portal.Pages;
using System.Globalization;
using Portal.Cards;
using Portal.Web.Cards;
using Portal.Web.Hosting;

namespace Portal.Web.Cli;

/// <summary>
/// portal cards --out DIR [--size a6|a5] [--lang nl] [--format pdf,png]: every buurt's meterkastkaart for the print shop,
/// in a folder that appears complete or not at all.
/// </summary>
public static class CardsCommand
{
    private static readonly Dictionary<string, string> Switches = new()
    {
        ["--out"] = "Cards:Out", ["--size"] = "Cards:Size", ["--lang"] = "Cards:Lang", ["--format"] = "Cards:Format",
        ["--content"] = "Portal:ContentPath", ["--public-url"] = "Portal:PublicBaseUrl",
    };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var configuration = PortalConfiguration.Build(args, Switches);
        var options = configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        var cultures = PortalServices.CulturesFrom(configuration);
        var outFolder = configuration["Cards:Out"];
        var size = CardSize.Find(configuration["Cards:Size"] ?? "a6");
        var culture = cultures.Find(configuration["Cards:Lang"] ?? cultures.Default.Code);
        var formats = (configuration["Cards:Format"] ?? "pdf,png").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(outFolder)) { problems.Add("--out DIR is required"); }
        if (size is null) { problems.Add($"--size must be one of: {string.Join(", ", CardSize.All.Select(s => s.Name))}"); }
        if (culture is null) { problems.Add($"--lang must be one of: {string.Join(", ", cultures.All.Select(c => c.Code))}"); }
        if (formats.Length == 0 || formats.Except(["pdf", "png"]).Any()) { problems.Add("--format takes pdf, png or pdf,png"); }
        if (problems.Count > 0)
        {
            error.WriteLine($"portal cards: {string.Join("; ", problems)}");
            return 2;
        }

        var (data, dataProblems) = PortalData.Load(options.ContentPath, cultures);
        if (data is null)
        {
            CheckDataCommand.Report(dataProblems, error);
            return 1;
        }

        await using var services = PortalConfiguration.RenderingServices(options);
        var documents = services.GetRequiredService<CardDocuments>();
        try
        {
            await using var chromium = await ChromiumCardRenderer.StartAsync(options.ChromiumPath);
            var cards = documents.All(data, culture!, size!);
            output.WriteLine($"Rendering {cards.Count} cards ({size!.Name}, {culture!.Code}) into {Path.GetFullPath(outFolder!)} ...");
            var result = await new CardBatch(chromium, documents.PrintHtmlAsync, output)
                .RunAsync(cards, outFolder!, formats.Contains("pdf"), formats.Contains("png"), data.Content.Version);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Done: {result.Cards} cards in {result.Elapsed.TotalSeconds:0.0} s ({result.CardsPerSecond:0.0} cards/s overall; combined PDF {result.CombinedCardsPerSecond:0} cards/s). Print quantities: manifest.csv."));
            return 0;
        }
        catch (CardOverflowException e)
        {
            error.WriteLine($"portal cards: {e.Message}. Shorten the text in content (card.yml or the interface texts); nothing was written.");
            return 1;
        }
        catch (FileNotFoundException e)
        {
            error.WriteLine($"portal cards: {e.Message}");
            return 1;
        }
    }
}
