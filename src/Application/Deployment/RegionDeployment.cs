using Portal.Application.ContentPipeline;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Portal.Application.Deployment;

/// <summary>One municipality of a region deployment, as deployment.yml describes it.</summary>
/// <param name="Code">CBS municipality code, "GM0296".</param>
/// <param name="Slug">Its path prefix (/wijchen/) and folder (gemeenten/wijchen).</param>
/// <param name="Hosts">Host names that serve its site without the prefix (wijchen.example).</param>
/// <param name="Theme">Its design tokens (a CSS file, relative to the deployment folder); null for the default theme.</param>
/// <param name="UmbracoStartItem">Its root in Umbraco (path or GUID), read with the Delivery API's Start-Item.</param>
public sealed record Municipality(string Code, string Name, string Slug, IReadOnlyList<string> Hosts, string? Theme, string? UmbracoStartItem)
{
    /// <summary>True for a buurt, wijk or municipality code (BU0296…, WK0296…, GM0296) of this municipality.</summary>
    public bool Owns(string cbsCode) => Portal.Places.CbsCodes.LiesIn(cbsCode, Code);
}

/// <summary>
/// A deployment that serves a whole safety region: the region site at / and a site per municipality under /{slug}/ and
/// on its host names. Everything about a municipality is data (deployment.yml and its folder), never code: a region adds
/// a municipality by adding it there.
/// </summary>
/// <param name="Folder">content/regions/{slug}: deployment.yml, data/, region/ and gemeenten/{slug}/.</param>
/// <param name="SharedContent">The campaign's pages every site shows (the content folder's language folders).</param>
public sealed record RegionDeployment(string Name, string Slug, string Folder, string SharedContent, RegionGeography Geography,
    IReadOnlyList<Municipality> Municipalities, string? RegionUmbracoStartItem)
{
    public const string FileName = "deployment.yml";

    public string RegionFolder => Path.Combine(Folder, "region");

    public string MunicipalityFolder(Municipality municipality) => Path.Combine(Folder, "gemeenten", municipality.Slug);

    public Municipality? FindBySlug(string slug) => Municipalities.FirstOrDefault(m => m.Slug == slug);

    /// <summary>
    /// The municipality whose support-points.csv lists the point: only the slug column of each file is read (a status
    /// change in a crisis must not wait for the region's geography). A file that cannot be read owns nothing; its own
    /// check says why.
    /// </summary>
    public Municipality? OwnerOfPoint(string slug) => Municipalities.FirstOrDefault(m => PointSlugs(Path.Combine(MunicipalityFolder(m), SupportPointsFile)).Contains(slug));

    private static HashSet<string> PointSlugs(string file)
    {
        try
        {
            using var reader = new StreamReader(file);
            using var csv = new CsvHelper.CsvReader(reader, System.Globalization.CultureInfo.InvariantCulture);
            var slugs = new HashSet<string>(StringComparer.Ordinal);
            if (csv.Read() && csv.ReadHeader())
            {
                while (csv.Read())
                {
                    if (csv.GetField("slug") is { Length: > 0 } slug)
                    {
                        slugs.Add(slug.Trim());
                    }
                }
            }

            return slugs;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CsvHelper.CsvHelperException)
        {
            return [];
        }
    }

    /// <summary>The municipality a buurt, wijk or municipality code belongs to.</summary>
    public Municipality? Owner(string cbsCode) => Municipalities.FirstOrDefault(m => m.Owns(cbsCode));

    /// <summary>
    /// The configuration that makes a municipality's site out of the same application: its folders, its rows of the
    /// region's geography, its address under the region's, and its own files beside everyone else's.
    /// </summary>
    public Dictionary<string, string?> SettingsFor(Municipality municipality, PortalOptions region, string snapshotPath)
    {
        var own = MunicipalityFolder(municipality);
        var settings = Common(region, snapshotPath, municipality.Slug);
        settings["Portal:ContentPath"] = own;
        settings["Portal:SharedContentPaths:0"] = SharedContent;
        settings["Portal:SharedContentPaths:1"] = RegionFolder;
        settings["Portal:Geography:MunicipalityCode"] = municipality.Code;
        settings["Portal:Geography:SupportPoints:0:Path"] = Path.Combine(own, SupportPointsFile);
        settings["Portal:PublicBaseUrl"] = new Uri(region.PublicBaseUrl, municipality.Slug + "/").ToString();
        settings["Portal:CapSender"] = $"{municipality.Slug}.{region.CapSender ?? region.PublicBaseUrl.Host}";
        if (municipality.Theme is { } theme)
        {
            settings["Portal:Theme"] = Path.Combine(Folder, theme);
        }

        // Umbraco multi-site: its own root over the region's, whose pages it shows unless it publishes its own.
        settings["Portal:Umbraco:StartItem"] = UmbracoRoot(municipality);
        settings["Portal:Umbraco:SharedStartItems:0"] = UmbracoRegionRoot;
        return settings;
    }

    /// <summary>The region site: every municipality's buurten and points, each buurt served as its municipality serves it.</summary>
    public Dictionary<string, string?> SettingsForRegion(PortalOptions region, string snapshotPath)
    {
        var settings = Common(region, snapshotPath, Slug);
        settings["Portal:ContentPath"] = RegionFolder;
        settings["Portal:SharedContentPaths:0"] = SharedContent;
        settings["Portal:Geography:RegionName"] = Name;
        for (var i = 0; i < Municipalities.Count; i++)
        {
            settings[$"Portal:StatusContentPaths:{i}"] = MunicipalityFolder(Municipalities[i]);
            settings[$"Portal:Geography:SupportPoints:{i}:Path"] = Path.Combine(MunicipalityFolder(Municipalities[i]), SupportPointsFile);
            settings[$"Portal:Geography:SupportPoints:{i}:MunicipalityCode"] = Municipalities[i].Code;
            settings[$"Portal:Umbraco:SupportPointRoots:{i}:StartItem"] = UmbracoRoot(Municipalities[i]);
            settings[$"Portal:Umbraco:SupportPointRoots:{i}:MunicipalityCode"] = Municipalities[i].Code;
        }

        // Umbraco multi-site: the region's root (its settings and the pages written once) and every municipality's points.
        settings["Portal:Umbraco:StartItem"] = UmbracoRegionRoot;
        return settings;
    }

    public const string SupportPointsFile = "support-points.csv";

    /// <summary>
    /// Every site of the deployment with its configuration, for a verb that works on each in turn: the municipalities
    /// in deployment.yml's order, then the region's own site.
    /// </summary>
    public IReadOnlyList<DeploymentSite> Sites(PortalOptions region, string snapshotPath) =>
    [
        .. Municipalities.Select(m => new DeploymentSite(m.Slug, m.Name, m, SettingsFor(m, region, snapshotPath))),
        new DeploymentSite(Slug, Name, null, SettingsForRegion(region, snapshotPath)),
    ];

    /// <summary>The stable keys `umbraco seed` gives a site's documents start with this ("gelderland-zuid/wijchen:").</summary>
    public string UmbracoScope(Municipality? municipality) => municipality is null ? $"{Slug}:" : $"{Slug}/{municipality.Slug}:";

    /// <summary>The region's Home in Umbraco: deployment.yml's umbraco-start-item, else the key `umbraco seed` gives it.</summary>
    public string UmbracoRegionRoot => RegionUmbracoStartItem ?? Portal.Content.Umbraco.Seeding.UmbracoDocument.StableKey(UmbracoScope(null) + "home").ToString();

    /// <summary>A municipality's Home in Umbraco: its umbraco-start-item, else the key `umbraco seed` gives it.</summary>
    public string UmbracoRoot(Municipality municipality) =>
        municipality.UmbracoStartItem ?? Portal.Content.Umbraco.Seeding.UmbracoDocument.StableKey(UmbracoScope(municipality) + "home").ToString();

    /// <summary>What every site of the region shares (the geography files) and keeps apart (its caches, ledgers and outputs).</summary>
    private Dictionary<string, string?> Common(PortalOptions region, string snapshotPath, string site)
    {
        string Apart(string path) => Path.Combine(Path.GetDirectoryName(path)!, site, Path.GetFileName(path));
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            // The site itself is one municipality (or the region's own site): it must not read the deployment again.
            ["Portal:Deployment"] = "",
            ["Portal:Geography:Folder"] = Path.Combine(Folder, Geography.Folder),
            ["Portal:Geography:Buurten"] = Geography.Buurten,
            ["Portal:Geography:Wijken"] = Geography.Wijken,
            ["Portal:Geography:Municipalities"] = Geography.Municipalities,
            ["Portal:Geography:Pc4"] = Geography.Pc4,
            ["Portal:Geography:PublicBuildings"] = Geography.PublicBuildings,
            ["Portal:CardCachePath"] = Path.Combine(region.CardCachePath, site),
            ["Portal:PrintCachePath"] = Path.Combine(region.PrintCachePath, site),
            ["Portal:CapLedgerPath"] = Apart(region.CapLedgerPath),
            ["Portal:RebuildLogPath"] = Apart(region.RebuildLogPath),
            ["Portal:Umbraco:SnapshotPath"] = Apart(snapshotPath),
        };
        if (region.StaticOutputPath is { } output)
        {
            settings["Portal:StaticOutputPath"] = Path.Combine(output, site);
        }

        if (region.CardOutputPath is { } cards)
        {
            settings["Portal:CardOutputPath"] = Path.Combine(cards, site);
        }

        return settings;
    }

    /// <summary>
    /// Reads deployment.yml: the name of a folder under content/regions/ ("gelderland-zuid") or a folder path. Null, with
    /// the problems, when it cannot be used — a region deployment with a wrong description does not start.
    /// </summary>
    public static (RegionDeployment? Deployment, IReadOnlyList<string> Problems) Load(string nameOrFolder, string contentPath)
    {
        var folder = Directory.Exists(nameOrFolder) ? Path.GetFullPath(nameOrFolder) : Path.Combine(contentPath, "regions", nameOrFolder);
        var file = Path.Combine(folder, FileName);
        if (!File.Exists(file))
        {
            return (null, [$"Portal:Deployment: '{nameOrFolder}' has no {FileName} (looked for {file})"]);
        }

        DeploymentFile? read;
        try
        {
            read = new DeserializerBuilder().WithNamingConvention(YamlDotNet.Serialization.NamingConventions.HyphenatedNamingConvention.Instance).Build().Deserialize<DeploymentFile>(File.ReadAllText(file));
        }
        catch (YamlException e)
        {
            return (null, [$"{file}: line {e.Start.Line}: not valid YAML: {Portal.Content.Files.YamlErrors.Reason(e)}"]);
        }

        var problems = new List<string>();
        if (read?.Region?.Name is not { Length: > 0 } name || read.Region.Slug is not { Length: > 0 } slug)
        {
            return (null, [$"{file}: region: name and slug are required"]);
        }

        var municipalities = new List<Municipality>();
        foreach (var (entry, index) in (read.Municipalities ?? []).Select((m, i) => (m, i + 1)))
        {
            var where = $"{file}: municipality {index}";
            if (entry.Code is not { } code || !System.Text.RegularExpressions.Regex.IsMatch(code, "^GM\\d{4}$"))
            {
                problems.Add($"{where}: code '{entry.Code}' is not a CBS municipality code like GM0296");
                continue;
            }

            if (entry.Slug is not { } mslug || !System.Text.RegularExpressions.Regex.IsMatch(mslug, "^[a-z0-9]+(-[a-z0-9]+)*$")
                || mslug is "api" or "css" or "js" or "open-data" or "health" or "en" or "ar" or "tr" or "pl" or "uk")
            {
                problems.Add($"{where}: slug '{entry.Slug}' must be lower-case letters, digits and single hyphens, and not a path the site uses itself");
                continue;
            }

            if (municipalities.Any(m => m.Slug == mslug || m.Code == code))
            {
                problems.Add($"{where}: slug '{mslug}' or code {code} is given twice");
                continue;
            }

            if (!Directory.Exists(Path.Combine(folder, "gemeenten", mslug)))
            {
                problems.Add($"{where}: folder gemeenten/{mslug} not found");
            }

            municipalities.Add(new Municipality(code, entry.Name ?? mslug, mslug, entry.Hosts ?? [], entry.Theme, entry.UmbracoStartItem));
        }

        if (municipalities.Count == 0)
        {
            problems.Add($"{file}: no municipalities");
        }

        var geography = read.Geography ?? new RegionGeography();
        return problems.Count > 0
            ? (null, problems)
            : (new RegionDeployment(name, slug, folder, contentPath, geography, municipalities, read.Region.UmbracoStartItem), []);
    }

    private sealed class DeploymentFile
    {
        public RegionEntry? Region { get; set; }

        public RegionGeography? Geography { get; set; }

        public List<MunicipalityEntry>? Municipalities { get; set; }
    }

    private sealed class RegionEntry
    {
        public string? Name { get; set; }

        public string? Slug { get; set; }

        [YamlMember(Alias = "umbraco-start-item")]
        public string? UmbracoStartItem { get; set; }
    }

    private sealed class MunicipalityEntry
    {
        public string? Code { get; set; }

        public string? Name { get; set; }

        public string? Slug { get; set; }

        public List<string>? Hosts { get; set; }

        public string? Theme { get; set; }

        [YamlMember(Alias = "umbraco-start-item")]
        public string? UmbracoStartItem { get; set; }
    }
}

/// <summary>One site of a region deployment as a verb runs it: a municipality's, or the region's own (no municipality).</summary>
/// <param name="Slug">Its folder in a verb's output (DIR/{slug}/) and its path prefix.</param>
/// <param name="Settings">The configuration that makes this site out of the same application.</param>
public sealed record DeploymentSite(string Slug, string Name, Municipality? Municipality, IReadOnlyDictionary<string, string?> Settings)
{
    public bool IsRegion => Municipality is null;
}

/// <summary>The region's geography files (deployment.yml, geography:), relative to the deployment folder.</summary>
public sealed class RegionGeography
{
    public string Folder { get; set; } = "data";

    public string Buurten { get; set; } = "vrgz_buurten_2015.geojson";

    public string Wijken { get; set; } = "vrgz_wijken_2015.geojson";

    public string Municipalities { get; set; } = "vrgz_gemeenten_2015.geojson";

    public string Pc4 { get; set; } = "vrgz_pc4_centroids_approx.csv";

    [YamlMember(Alias = "public-buildings")]
    public string PublicBuildings { get; set; } = "vrgz_publieke_gebouwen_2016.csv";
}
