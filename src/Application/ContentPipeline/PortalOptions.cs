using Portal.Content.Cultures;

namespace Portal.Application.ContentPipeline;

/// <summary>Section Portal, bound once and validated at start. Paths default to the folders shipped beside the binary.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>The languages Portal is published in when configuration names none: Dutch (the default) first.</summary>
    public static readonly IReadOnlyList<string> DefaultCultures = ["nl", "en", "ar", "tr", "pl", "uk"];

    /// <summary>Languages, default first. Null until configured: the binder would otherwise add to a default list.</summary>
    public string[]? Cultures { get; set; }

    /// <summary>The content folder: data/ plus one folder per language. Default: content/ beside the binary.</summary>
    public string ContentPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "content");

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

    public string ChromiumPath { get; set; } = Portal.Cards.ChromiumCardRenderer.DefaultExecutable;

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

        if (!Uri.TryCreate(OpenDataLicense, UriKind.Absolute, out _))
        {
            yield return $"Portal:OpenDataLicense: '{OpenDataLicense}' is not a licence URI like {OpenData.SupportPointOpenData.DefaultLicense}";
        }

        if (!Directory.Exists(ContentPath))
        {
            yield return $"Portal:ContentPath: folder '{ContentPath}' not found";
        }
    }
}
