using Microsoft.Extensions.Options;
using Portal.Application.ContentPipeline;
using Portal.Cards;
using Portal.Content.Cultures;

namespace Portal.Application.CardPrinting;

/// <summary>A print run as an officer asks for it.</summary>
/// <param name="Formats">pdf and/or png; null: what the profile makes.</param>
/// <param name="PdfX">The PDF/X flavour (x3, x1a) for the print shop; null: Portal:PdfX.</param>
/// <param name="Language">The cards' language; null: the default language.</param>
/// <param name="AllowNonPublicQrTarget">Lets a print-shop run go ahead although its QR codes lead to a non-public address (a proof).</param>
public sealed record PrintRunRequest(PrintProfile Profile, IReadOnlyCollection<string>? Formats = null, bool? CropMarks = null, string? PdfX = null,
    CardSize? Size = null, string? Language = null, bool AllowNonPublicQrTarget = false);

/// <summary>A print run checked and planned: the cards to print and how.</summary>
/// <param name="QrTargetWarning">Said on every run whose QR codes lead to an address residents cannot reach; null when public.</param>
public sealed record PrintRunPlan(IReadOnlyList<MeterkastCard> Cards, PortalCulture Culture, CardSize Size, PrintRunOptions Options,
    string? QrTargetWarning = null);

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

        // Thousands of printed cards with QR codes to localhost cannot be recalled: say so on every run, and the print
        // shop's run does not go ahead unless asked for explicitly (a proof).
        var qrWarning = QrTargetProblem(settings.PublicBaseUrl);
        if (qrWarning is not null && request.Profile.PdfX && !request.AllowNonPublicQrTarget)
        {
            return (null, $"{qrWarning}; set Portal:PublicBaseUrl or --public-url to the site's public https:// address, or pass --allow-non-public-qr for a proof");
        }

        var formats = request.Formats ?? (request.Profile.PdfX ? ["pdf"] : Formats);
        var size = request.Size ?? CardSize.A6;
        var run = new PrintRunOptions(request.Profile, formats.Contains("pdf"), formats.Contains("png"), request.CropMarks, settings.Overrun, pdfX,
            PngsFromPdf: settings.PngRenderer == "pdf");
        return (new PrintRunPlan(documents.All(data, culture, size), culture, size, run, qrWarning), null);
    }

    /// <summary>
    /// Why residents could not open the QR codes' address, or null: it must be https:// on a public host name (not
    /// localhost, a single-label or reserved name, or a loopback, private or link-local IP address).
    /// </summary>
    public static string? QrTargetProblem(Uri target)
    {
        var host = target.IdnHost.TrimEnd('.').ToLowerInvariant();
        string? why = System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var ip)
            ? (System.Net.IPAddress.IsLoopback(ip) || IsPrivate(ip) ? "a loopback or private IP address" : null)
            : host == "localhost" || !host.Contains('.') || ReservedSuffixes.Any(s => host.EndsWith(s, StringComparison.Ordinal)) ? "not a public host name" : null;
        why ??= target.Scheme != Uri.UriSchemeHttps ? "not https://" : null;
        return why is null ? null : $"the QR codes lead to {target}, {why}: residents who scan a printed card reach nothing";
    }

    private static readonly string[] ReservedSuffixes = [".localhost", ".local", ".internal", ".lan", ".home.arpa", ".test", ".example", ".invalid"];

    private static bool IsPrivate(System.Net.IPAddress ip)
    {
        if (ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || ip.IsIPv6UniqueLocal)
        {
            return true;
        }

        var b = ip.MapToIPv4().GetAddressBytes();
        return ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
            && (b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254) || b[0] == 0);
    }

    /// <summary>Prints the plan into <paramref name="folder"/> (complete or untouched).</summary>
    public Task<CardBatchResult> RunAsync(PortalData data, PrintRunPlan plan, string folder, IProgress<CardBatchStep> progress)
    {
        printer.EnsureInstalled();
        return new CardBatch(printer, documents, progress).RunAsync(plan.Cards, folder, data.Content.Version, plan.Options);
    }
}
