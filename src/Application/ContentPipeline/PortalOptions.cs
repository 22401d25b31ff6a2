using Portal.Content.Cultures;

namespace Portal.Application.ContentPipeline;

/// <summary>Section Portal, bound once and validated at start. Paths default to the folders shipped beside the binary.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>The languages Portal is published in when configuration names none: Dutch (the default) first.</summary>
    public static readonly IReadOnlyList<string> DefaultCultures = ShippedLanguages.Codes;

    /// <summary>Languages, default first. Null until configured: the binder would otherwise add to a default list.</summary>
    public string[]? Cultures { get; set; }

    /// <summary>The content folder: data/ plus one folder per language. Default: content/ beside the binary.</summary>
    public string ContentPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "content");

    /// <summary>
    /// Folders whose pages, card texts and interface texts this site shows unless its own folder has the same file (the
    /// campaign's pages, a region's own), most general first. Null: the content folder alone.
    /// </summary>
    public string[]? SharedContentPaths { get; set; }

    /// <summary>Where status.yml is read: null for the content folder's; a region site reads every municipality's.</summary>
    public string[]? StatusContentPaths { get; set; }

    /// <summary>Where the geography comes from (Portal:Geography): by default the Nijmegen demo's files in content/data.</summary>
    public GeographyOptions Geography { get; set; } = new();

    /// <summary>
    /// The deployment: a name ("gelderland-zuid", a folder under content/regions/) or a folder holding deployment.yml.
    /// Null: one municipality, from the content folder (the quick start).
    /// </summary>
    public string? Deployment { get; set; }

    public bool IsRegion => Deployment is { Length: > 0 };

    /// <summary>The site's folders: its own content folder, with the shared layers below it.</summary>
    public Portal.Content.Files.ContentFolders ContentFolders() =>
        new(ContentPath, SharedContentPaths ?? [], StatusContentPaths is { Length: > 0 } statuses ? statuses : [ContentPath]);

    public Portal.Places.Catalog.GeographyFiles GeographyFiles() => Geography.Files(Path.Combine(ContentPath, "data"));

    public string WebRootPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "wwwroot");

    /// <summary>The address residents reach the portal on: QR codes on printed cards point here.</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://localhost:5000/");

    /// <summary>Rendered card files for /kaart/{code}.pdf and .png, one set per content version.</summary>
    public string CardCachePath { get; set; } = Path.Combine(AppContext.BaseDirectory, "var", "cards");

    /// <summary>The static export's card PDFs, by the cards they show: an export whose cards did not change reuses them.</summary>
    public string PrintCachePath { get; set; } = Path.Combine(AppContext.BaseDirectory, "var", "card-prints");

    /// <summary>When set, a print run (`portal cards`) is rebuilt into this folder after every publish.</summary>
    public string? CardOutputPath { get; set; }

    /// <summary>Spare cards per buurt in a print run's quantities: a number ("10") or a share of its households ("5%").</summary>
    public string CardOverrun { get; set; } = "0";

    public CardPrinting.CardOverrun Overrun => CardPrinting.CardOverrun.Parse(CardOverrun) ?? CardPrinting.CardOverrun.None;

    /// <summary>When set, the static fallback site is re-exported into this folder after every publish.</summary>
    public string? StaticOutputPath { get; set; }

    /// <summary>The licence of the open-data files (a URI); default CC0 1.0, the Dutch government's default for open data.</summary>
    public string OpenDataLicense { get; set; } = OpenData.SupportPointOpenData.DefaultLicense;

    /// <summary>CAP messages' status: Actual, or Test while the municipality rehearses (aggregators show Test to nobody).</summary>
    public string CapStatus { get; set; } = "Actual";

    /// <summary>CAP's sender: globally unique, by default the host residents reach the portal on (Portal:PublicBaseUrl).</summary>
    public string? CapSender { get; set; }

    /// <summary>Every CAP message sent (identifiers, references): shared by the server and the command line on this machine.</summary>
    public string CapLedgerPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "var", "cap-ledger.json");

    /// <summary>What was rebuilt after the last publishes and when (the officers' overview; `portal content status` reads it from another process).</summary>
    public string RebuildLogPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "var", "rebuilds.json");

    /// <summary>The PDF/X flavour of print-shop runs: x3 (PDF/X-3:2002, default) or x1a (PDF/X-1a:2001).</summary>
    public string PdfX { get; set; } = "x3";

    /// <summary>The CMYK ICC profile the print shop prints to (default: Ghostscript's CMYK profile).</summary>
    public string? PrintOutputProfile { get; set; }

    /// <summary>The name the print shop knows its printing condition by, e.g. FOGRA39; "Custom" for an unregistered profile.</summary>
    public string? PrintOutputConditionIdentifier { get; set; }

    /// <summary>A description of the printing condition, e.g. "Offset, coated paper (ISO 12647-2)".</summary>
    public string? PrintOutputCondition { get; set; }

    public Portal.Cards.PdfXSettings PdfXSettings => new(
        Portal.Cards.PdfXSettings.ParseFlavour(PdfX) ?? Portal.Cards.PdfXFlavour.X3,
        PrintOutputProfile ?? Portal.Cards.PdfXSettings.Default.OutputProfile,
        PrintOutputConditionIdentifier ?? (PrintOutputProfile is null ? Portal.Cards.PdfXSettings.Default.OutputConditionIdentifier : "Custom"),
        PrintOutputCondition ?? (PrintOutputProfile is null ? Portal.Cards.PdfXSettings.Default.OutputCondition : Path.GetFileNameWithoutExtension(PrintOutputProfile)));

    /// <summary>How print runs make PNGs: "pdf" renders the printed PDF with poppler's pdftoppm (default; Chromium
    /// screenshots when poppler-utils is missing), "chromium" takes a Chromium screenshot per card (the earlier way).</summary>
    public string PngRenderer { get; set; } = "pdf";

    /// <summary>The design tokens (a CSS file of custom properties, e.g. a municipality's NL Design System theme);
    /// default the NL Design System's neutral example theme in wwwroot/css/nlds/themes/voorbeeld.css.</summary>
    public string? Theme { get; set; }

    public string ThemePath => Theme is { Length: > 0 } theme ? Path.GetFullPath(theme) : Portal.Pages.Styles.SiteStyles.DefaultTheme(WebRootPath);

    public string ChromiumPath { get; set; } = Portal.Cards.ChromiumCardRenderer.DefaultExecutable;

    /// <summary>
    /// Searches answered at the same time; a few more wait (<see cref="SearchQueue"/>), the rest get 429 with a page that
    /// leads to the postcode form. Half the cores by default: a flood of distinct queries must leave the other half to
    /// the home page, lookups and support point pages.
    /// </summary>
    public int SearchConcurrency { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Searches that may wait for a free slot; they hold a connection, not a core.</summary>
    public int SearchQueue { get; set; } = 8;

    public CultureSet CultureSet() => new(Cultures is { Length: > 0 } configured ? configured : DefaultCultures);

    /// <summary>What is wrong with the settings, worded for the operator; empty when they are usable.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var code in Cultures ?? [])
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(code.Trim(), "^[a-z]{2,3}$"))
            {
                yield return $"Portal:Cultures: '{code}' is not a language code like nl or en";
            }
        }

        if (!PublicBaseUrl.IsAbsoluteUri || PublicBaseUrl.Scheme is not ("http" or "https"))
        {
            yield return $"Portal:PublicBaseUrl: '{PublicBaseUrl}' is not an http(s) address";
        }

        if (CardPrinting.CardOverrun.Parse(CardOverrun) is null)
        {
            yield return $"Portal:CardOverrun: '{CardOverrun}' is not a number of spare cards per buurt (10) or a share of its households (5%)";
        }

        if (SearchConcurrency < 1 || SearchQueue < 0)
        {
            yield return $"Portal:SearchConcurrency must be at least 1 and Portal:SearchQueue at least 0 (given {SearchConcurrency} and {SearchQueue})";
        }

        if (CapStatus is not ("Actual" or "Test"))
        {
            yield return $"Portal:CapStatus: '{CapStatus}' is not Actual or Test";
        }

        if (CapSender is { Length: > 0 } sender && sender.Any(c => char.IsWhiteSpace(c) || c is ',' or '<' or '&'))
        {
            yield return $"Portal:CapSender: '{sender}' has a space, comma, < or &, which CAP does not allow in a sender";
        }

        if (PngRenderer is not ("pdf" or "chromium"))
        {
            yield return $"Portal:PngRenderer: '{PngRenderer}' is not pdf or chromium";
        }

        if (Portal.Cards.PdfXSettings.ParseFlavour(PdfX) is null)
        {
            yield return $"Portal:PdfX: '{PdfX}' is not a PDF/X flavour Portal writes: x3 (PDF/X-3) or x1a (PDF/X-1a). PDF/X-4 needs a newer Ghostscript than Debian's 10.0";
        }

        // Only a profile someone chose is checked here: the default one matters only to print-shop runs, which say so.
        if (PrintOutputProfile is { } profile && Portal.Cards.PdfXSettings.ProfileProblem(profile) is { } problem)
        {
            yield return $"Portal:PrintOutputProfile: {problem}";
        }

        if (!Uri.TryCreate(OpenDataLicense, UriKind.Absolute, out _))
        {
            yield return $"Portal:OpenDataLicense: '{OpenDataLicense}' is not a licence URI like {OpenData.SupportPointOpenData.DefaultLicense}";
        }

        if (Portal.Pages.Styles.SiteStyles.ThemeProblem(ThemePath) is { } themeProblem)
        {
            yield return $"Portal:Theme: {themeProblem}";
        }

        foreach (var shared in (SharedContentPaths ?? []).Concat(StatusContentPaths ?? []).Where(folder => !Directory.Exists(folder)))
        {
            yield return $"Portal:SharedContentPaths/StatusContentPaths: folder '{shared}' not found";
        }

        if (!Directory.Exists(ContentPath))
        {
            yield return $"Portal:ContentPath: folder '{ContentPath}' not found";
        }
    }
}

/// <summary>
/// Section Portal:Geography: which files hold the site's buurten, wijken, boundary, PC4 areas, public buildings and
/// support points. Every key is optional; unset keys keep the single-municipality defaults in content/data.
/// </summary>
public sealed class GeographyOptions
{
    public string? Folder { get; set; }

    public string? Buurten { get; set; }

    public string? Wijken { get; set; }

    public string? Municipalities { get; set; }

    public string? Pc4 { get; set; }

    public string? PublicBuildings { get; set; }

    /// <summary>Support-point files (absolute or relative to the folder), each with the municipality it lists (region sites).</summary>
    public SupportPointFileOptions[]? SupportPoints { get; set; }

    /// <summary>A municipality in a region: only its rows of the region files (CBS code GM0296).</summary>
    public string? MunicipalityCode { get; set; }

    /// <summary>A region site: every row, the municipal boundaries joined under this name.</summary>
    public string? RegionName { get; set; }

    public Portal.Places.Catalog.GeographyFiles Files(string defaultFolder)
    {
        var files = new Portal.Places.Catalog.GeographyFiles(Folder ?? defaultFolder) { MunicipalityCode = MunicipalityCode, RegionName = RegionName };
        return files with
        {
            Buurten = Buurten ?? files.Buurten,
            Wijken = Wijken ?? files.Wijken,
            Municipalities = Municipalities ?? files.Municipalities,
            Pc4 = Pc4 ?? files.Pc4,
            PublicBuildings = PublicBuildings ?? files.PublicBuildings,
            SupportPoints = SupportPoints is { Length: > 0 } points ? [.. points.Select(p => new Portal.Places.Catalog.SupportPointFile(p.Path, p.MunicipalityCode))] : files.SupportPoints,
        };
    }
}

public sealed class SupportPointFileOptions
{
    public string Path { get; set; } = "";

    public string? MunicipalityCode { get; set; }
}
