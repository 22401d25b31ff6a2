using Microsoft.Extensions.Options;
using Portal.Application.ContentPipeline;
using Portal.Cards;
using Portal.Content.Cultures;

namespace Portal.Application.CardPrinting;

/// <summary>A print run as an officer asks for it.</summary>
/// <param name="Formats">pdf and/or png; null: what the profile makes.</param>
/// <param name="PdfX">The PDF/X flavour (x3, x1a) for the print shop; null: Portal:PdfX.</param>
/// <param name="Language">The cards' language; null: the default language.</param>
public sealed record PrintRunRequest(PrintProfile Profile, IReadOnlyCollection<string>? Formats = null, bool? CropMarks = null, string? PdfX = null,
    CardSize? Size = null, string? Language = null);

/// <summary>A print run checked and planned: the cards to print and how.</summary>
public sealed record PrintRunPlan(IReadOnlyList<MeterkastCard> Cards, PortalCulture Culture, CardSize Size, PrintRunOptions Options);

/// <summary>
/// Planning and running print runs, for `portal cards` and for the print run a publish rebuilds: which files a profile
/// makes, what a request may combine, and the settings every run takes (overrun, PDF/X profile, how PNGs are made).
/// </summary>
public sealed class PrintRuns(CardPrinter printer, CardDocuments documents, IOptions<PortalOptions> options)
{
    public static readonly IReadOnlyList<string> Formats = ["pdf", "png"];

    /// <summary>What is wrong with the request whatever the content holds, or null (checked before content is read).</summary>
    public static string? RequestProblem(PrintRunRequest request)
    {
        if (request.Formats is { } formats && (formats.Count == 0 || formats.Except(Formats).Any()))
        {
            return "--format takes pdf, png or pdf,png";
        }

        if (request.Profile.PdfX && request.Formats?.Contains("png") == true)
        {
            return "the print-shop profile writes PDF/X only; use --format pdf, or the office profile for PNGs";
        }

        if (request.PdfX is { } flavour && PdfXSettings.ParseFlavour(flavour) is null)
        {
            return $"--pdfx '{flavour}' is not x3 or x1a";
        }

        return !request.Profile.PdfX && request.PdfX is not null ? "--pdfx is for --profile print-shop" : null;
    }

    /// <summary>The run for this content, or why it cannot be made.</summary>
    public (PrintRunPlan? Plan, string? Problem) Plan(PortalData data, PrintRunRequest request)
    {
        if (RequestProblem(request) is { } problem)
        {
            return (null, problem);
        }

        if (data.Cultures.Find(request.Language ?? data.Cultures.Default.Code) is not { } culture)
        {
            return (null, $"--lang must be one of: {string.Join(", ", data.Cultures.All.Select(c => c.Code))}");
        }

        var settings = options.Value;
        var pdfX = request.PdfX is { } flavour && PdfXSettings.ParseFlavour(flavour) is { } chosen ? settings.PdfXSettings with { Flavour = chosen } : settings.PdfXSettings;
        if (request.Profile.PdfX && PdfXSettings.ProfileProblem(pdfX.OutputProfile) is { } profileProblem)
        {
            return (null, $"{profileProblem}; set Portal:PrintOutputProfile");
        }

        var formats = request.Formats ?? (request.Profile.PdfX ? ["pdf"] : Formats);
        var size = request.Size ?? CardSize.A6;
        var run = new PrintRunOptions(request.Profile, formats.Contains("pdf"), formats.Contains("png"), request.CropMarks, settings.Overrun, pdfX,
            PngsFromPdf: settings.PngRenderer == "pdf");
        return (new PrintRunPlan(documents.All(data, culture, size), culture, size, run), null);
    }

    /// <summary>Prints the plan into <paramref name="folder"/> (complete or untouched).</summary>
    public Task<CardBatchResult> RunAsync(PortalData data, PrintRunPlan plan, string folder, IProgress<CardBatchStep> progress)
    {
        printer.EnsureInstalled();
        return new CardBatch(printer, documents, progress).RunAsync(plan.Cards, folder, data.Content.Version, plan.Options);
    }
}
