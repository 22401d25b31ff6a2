namespace Portal.Content.Umbraco;

/// <summary>Section Portal:Umbraco. With a BaseUrl, content comes from Umbraco; without, from content/.</summary>
public sealed class UmbracoOptions
{
    public const string Section = "Portal:Umbraco";

    public Uri? BaseUrl { get; set; }

    /// <summary>
    /// Where officers open Umbraco's backoffice, for the editors' page's links to an item; default <see cref="BaseUrl"/>
    /// (set it when the Delivery API is reached on an internal address).
    /// </summary>
    public Uri? BackofficeUrl { get; set; }

    /// <summary>The Delivery API key (Umbraco:CMS:DeliveryApi:ApiKey on the Umbraco side). From the environment, never a file.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The root of this municipality in a multi-site tree: its path ("nijmegen") or GUID.</summary>
    public string StartItem { get; set; } = "";

    /// <summary>
    /// Roots whose pages and card texts this site shows unless its own root has one with the same URL segment, the most
    /// general first: in a region, the region's Home with the pages written once (set from deployment.yml).
    /// </summary>
    public string[]? SharedStartItems { get; set; }

    /// <summary>A region site's: every municipality's root, read for its support points (and their statuses) only.</summary>
    public SupportPointRoot[]? SupportPointRoots { get; set; }

    /// <summary>Every root this site reads, and what it takes from each.</summary>
    public UmbracoRoots Roots => new(StartItem, SharedStartItems ?? [], SupportPointRoots ?? []);

    /// <summary>The Management API user's client id (umbraco-back-office-…), for `portal umbraco provision` and `seed`.</summary>
    public string? ClientId { get; set; }

    /// <summary>That user's client secret. From the environment (PORTAL__UMBRACO__CLIENTSECRET), never a file or the command line.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The secret Umbraco's webhook sends as "Authorization: Bearer ...". Without it, every webhook is refused.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Last-known-good content, served when Umbraco is down. Default: var/umbraco-snapshot.json beside the binary.</summary>
    public string SnapshotPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "var", "umbraco-snapshot.json");

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public int Retries { get; set; } = 3;

    /// <summary>
    /// How often the cheap check for missed changes runs (newest update and item count): it re-reads a recovered Umbraco
    /// and keeps several Portal instances behind one load balancer in step, as a webhook reaches only one of them.
    /// </summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Portal language code to Umbraco culture (Accept-Language). Missing entries use the code itself.</summary>
    public IDictionary<string, string> CultureMap { get; } = Cultures.ShippedLanguages.All.ToDictionary(l => l.Code, l => l.UmbracoCulture);

    public bool IsConfigured => BaseUrl is not null;

    public string UmbracoCulture(string code) => CultureMap.TryGetValue(code, out var culture) ? culture : code;
}
