using Portal.Tests.Web;

namespace Portal.Tests.Region;

/// <summary>
/// The region demo (Veiligheidsregio Gelderland-Zuid) as `portal --Portal:Deployment=gelderland-zuid` serves it: the region
/// site at / and the sixteen municipalities' sites under /{slug}/, each with its caches and ledgers in a scratch folder.
/// </summary>
public sealed class RegionPortalFactory : PortalFactory
{
    public const string Deployment = "gelderland-zuid";

    private readonly string _scratch;

    public RegionPortalFactory(string? contentPath = null, IDictionary<string, string>? settings = null)
    {
        _scratch = Path.Combine(Path.GetTempPath(), "portal-region-" + Guid.NewGuid().ToString("N")[..8]);
        ContentPath = contentPath ?? TestContent.RepositoryContent;
        Settings = new Dictionary<string, string>
        {
            ["Portal:Deployment"] = Deployment,
            ["Portal:CardCachePath"] = Path.Combine(_scratch, "cards"),
            ["Portal:CapLedgerPath"] = Path.Combine(_scratch, "cap-ledger.json"),
            ["Portal:Umbraco:SnapshotPath"] = Path.Combine(_scratch, "umbraco-snapshot.json"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            Settings[key] = value;
        }
    }

    /// <summary>A municipality's folder in the content this portal serves.</summary>
    public string MunicipalityFolder(string slug) => Path.Combine(ContentPath, "regions", Deployment, "gemeenten", slug);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        TestContent.DeleteScratch(_scratch);
    }
}
