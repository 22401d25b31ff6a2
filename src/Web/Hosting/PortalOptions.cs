namespace Portal.Web.Hosting;

/// <summary>Section Portal. Paths default to the folders shipped beside the binary.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

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

    /// <summary>When set, the static fallback site is re-exported into this folder after every publish.</summary>
    public string? StaticOutputPath { get; set; }

    public string ChromiumPath { get; set; } = Portal.Cards.ChromiumCardRenderer.DefaultExecutable;
}
