using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Cli;

namespace Portal.Tests.Web;

/// <summary>
/// Every verb with --Portal:Deployment, on a small region of two real municipalities of the demo (Culemborg, 8 buurten;
/// Heumen, 19) beside the region's own site: each municipality's output in its own folder, the region's beside them,
/// and one municipality's problem said with its name without holding back the other.
/// </summary>
public sealed class RegionVerbTests : IDisposable
{
    private const string Region = "mini";

    private readonly TestContent _content = new();

    private readonly string _scratch = Path.Combine(Path.GetTempPath(), $"portal-region-{Guid.NewGuid():N}");

    public RegionVerbTests()
    {
        // A deployment folder of its own: two municipalities of the demo region, their rows of its geography, and the
        // region's pages.
        var demo = Path.Combine(_content.Root, "regions", "gelderland-zuid");
        var folder = Path.Combine(_content.Root, "regions", Region);
        TestContent.Copy(Path.Combine(demo, "region"), Path.Combine(folder, "region"));
        Directory.CreateDirectory(Path.Combine(folder, "data"));
        string[] codes = ["GM0216", "GM0252"];
        foreach (var file in Directory.GetFiles(Path.Combine(demo, "data"), "vrgz_*"))
        {
            var target = Path.Combine(folder, "data", Path.GetFileName(file));
            if (file.EndsWith(".geojson", StringComparison.Ordinal))
            {
                var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file))!;
                var features = json["features"]!.AsArray();
                foreach (var feature in features.Where(f => !codes.Contains((string?)f!["properties"]!["gemeentecode"])).ToList())
                {
                    features.Remove(feature);
                }

                File.WriteAllText(target, json.ToJsonString());
            }
            else
            {
                var lines = File.ReadAllLines(file);
                File.WriteAllLines(target, [lines[0], .. lines.Skip(1).Where(line => codes.Any(code => line.Contains(code, StringComparison.Ordinal)))]);
            }
        }

        foreach (var slug in new[] { "culemborg", "heumen" })
        {
            TestContent.Copy(Path.Combine(demo, "gemeenten", slug), Path.Combine(folder, "gemeenten", slug));
        }

        File.WriteAllText(Path.Combine(folder, "deployment.yml"), """
            region:
              name: Regio Klein
              slug: mini
            municipalities:
              - code: GM0216
                name: Culemborg
                slug: culemborg
              - code: GM0252
                name: Heumen
                slug: heumen
            """);
    }

    private string MunicipalityFolder(string slug) => Path.Combine(_content.Root, "regions", Region, "gemeenten", slug);

    [Fact]
    public async Task Check_data_checks_every_site_and_names_the_municipality_whose_content_is_broken()
    {
        var (exit, output, _) = await Cli("check-data");
        Assert.True(exit == 0, output);
        Assert.Contains("culemborg: Data OK (content): 8 buurten", output);
        Assert.Contains("heumen: Data OK (content): 19 buurten", output);
        Assert.Contains("mini: Data OK (content): 27 buurten in 3 wijken, 5 support points", output);

        File.AppendAllText(Path.Combine(MunicipalityFolder("heumen"), "support-points.csv"), "kapot,\"half\n");
        (exit, output, var error) = await Cli("check-data");

        Assert.Equal(1, exit);
        Assert.Contains("culemborg: Data OK", output);
        Assert.Matches(@"(?m)^heumen: .*support-points\.csv", error);
        Assert.DoesNotMatch(@"(?m)^culemborg: .*support-points\.csv", error);
    }

    [Fact]
    public async Task Status_set_writes_the_status_file_of_the_municipality_that_owns_the_point()
    {
        var culemborg = Path.Combine(MunicipalityFolder("culemborg"), "status.yml");
        var before = File.ReadAllText(culemborg);

        var (exit, output, error) = await Cli("status", "set", "gemeentehuis-heumen", "open");

        Assert.True(exit == 0, error);
        Assert.Contains(Path.Combine(MunicipalityFolder("heumen"), "status.yml"), output);
        Assert.Contains("gemeentehuis-heumen:\n    status: open", File.ReadAllText(Path.Combine(MunicipalityFolder("heumen"), "status.yml")));
        Assert.Equal(before, File.ReadAllText(culemborg));

        (exit, output, _) = await Cli("status");
        Assert.Equal(0, exit);
        Assert.Matches(@"(?m)^heumen\s+gemeentehuis-heumen\s+open", output);
        Assert.Matches(@"(?m)^culemborg\s+gemeentehuis-culemborg\s+standby", output);

        (exit, _, error) = await Cli("status", "set", "gemeentehuis-nijmegen", "open");
        Assert.Equal(2, exit);
        Assert.Contains("no municipality of Regio Klein has a support point 'gemeentehuis-nijmegen'", error);
    }

    [Fact]
    public async Task Coverage_writes_a_report_per_municipality_and_one_for_the_region()
    {
        var (exit, output, error) = await Cli("coverage", "--out", _scratch);

        Assert.True(exit == 0, error);
        foreach (var site in new[] { "culemborg", "heumen", "mini" })
        {
            Assert.True(File.Exists(Path.Combine(_scratch, site, "report.html")), site);
            Assert.Matches($@"(?m)^{site}: Huidige noodsteunpunten: \d+ points \(the norm asks \d+\)", output);
        }

        // The region's report counts every buurt of the region, not one municipality's.
        Assert.Equal(27, File.ReadLines(Path.Combine(_scratch, "mini", "buurten.csv")).Count() - 1);
    }

    [Fact]
    public async Task Export_static_writes_a_site_per_municipality_under_its_own_address_and_the_regions_beside_them()
    {
        var (exit, output, error) = await Cli("export-static", "--out", _scratch, "--no-pdf", "--base-url", "https://regio.example/");

        Assert.True(exit == 0, error + output);
        Assert.Contains("Exported 3 of 3 sites of Regio Klein", output);
        foreach (var site in new[] { "culemborg", "heumen", "mini" })
        {
            Assert.True(File.Exists(Path.Combine(_scratch, site, "index.html")), site);
            Assert.True(File.Exists(Path.Combine(_scratch, $"{site}.zip")), site);
            Assert.Contains($"<loc>https://regio.example/{site}/index.html</loc>", File.ReadAllText(Path.Combine(_scratch, site, "sitemap.xml")));
        }

        // The region's home leads to each municipality's site: its sibling folder, so the copies work side by side anywhere.
        Assert.Contains("href=\"../culemborg/index.html\"", File.ReadAllText(Path.Combine(_scratch, "mini", "index.html")));
        Assert.Contains("href=\"../../heumen/en/index.html\"", File.ReadAllText(Path.Combine(_scratch, "mini", "en", "index.html")));

        // Each municipality's site has its own buurten; the region's has all of them.
        Assert.Equal(8, Directory.GetFiles(Path.Combine(_scratch, "culemborg", "buurt")).Length);
        Assert.Equal(27, Directory.GetFiles(Path.Combine(_scratch, "mini", "buurt")).Length);
    }

    [Fact]
    public void A_region_export_links_into_its_municipalities_sibling_folders_and_nowhere_else_outside()
    {
        var siblings = new HashSet<string>(StringComparer.Ordinal) { "wijchen" };
        const string html = "<a href=\"../../../wijchen/en/noodplan.html\">Wijchen</a><a href=\"../../../elders/x.html\">x</a><a href=\"../noodplan.html\">plan</a>";

        var (links, problems) = Portal.Application.StaticSite.InternalLinks.Of("en/steunpunt/x.html", html, siblings);

        Assert.Equal([("../noodplan.html", "en/noodplan.html")], links);
        Assert.Equal(["en/steunpunt/x.html: link '../../../elders/x.html' leads outside the site"], problems);
    }

    [Fact]
    [Trait("Category", "Chromium")]
    public async Task Cards_print_a_run_per_municipality_and_the_region_manifest_totals_them()
    {
        var (exit, output, error) = await Cli("cards", "--out", _scratch, "--format", "pdf", "--Portal:PrintCachePath=" + Path.Combine(_scratch, "prints"));

        Assert.True(exit == 0, error + output);
        Assert.Equal(8, Directory.GetFiles(Path.Combine(_scratch, "culemborg", "pdf")).Length);
        Assert.Equal(19, Directory.GetFiles(Path.Combine(_scratch, "heumen", "pdf")).Length);
        var culemborgManifest = File.ReadAllText(Path.Combine(_scratch, "culemborg", "manifest.csv"));
        Assert.Contains("http://localhost:5000/culemborg/s/BU02160000", culemborgManifest);

        var rows = File.ReadAllLines(Path.Combine(_scratch, "manifest.csv"))[1..].Select(line => line.Split(',')).ToList();
        var municipalities = rows.Where(r => r[^1] == "gemeentetotaal").ToDictionary(r => r[1]);
        Assert.Equal("8", municipalities["Culemborg"][4]);
        Assert.Equal("19", municipalities["Heumen"][4]);
        var region = Assert.Single(rows, r => r[^1] == "regiototaal");
        Assert.Equal("27", region[4]);
        Assert.Equal(municipalities.Values.Sum(r => int.Parse(r[5], System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture), region[5]);
        Assert.Equal(municipalities["Heumen"][5],
            rows.Where(r => r[1] == "Heumen" && r[^1] == "wijk").Sum(r => int.Parse(r[5], System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    [Trait("Category", "Chromium")]
    public async Task A_status_set_on_a_running_region_portal_updates_the_static_pages_of_the_municipality_and_the_region()
    {
        // The region portal as it is run, in a process of its own (WebApplicationFactory's settings reach the host only
        // after the deployment has been read).
        var output = Path.Combine(_scratch, "static");
        using var portal = new PortalProcess(["--content", _content.Root, $"--Portal:Deployment={Region}",
            $"--Portal:StaticOutputPath={output}", $"--Portal:PrintCachePath={Path.Combine(_scratch, "prints")}", $"--Portal:CardCachePath={Path.Combine(_scratch, "cards")}",
            $"--Portal:CapLedgerPath={Path.Combine(_scratch, "cap-ledger.json")}", $"--Portal:RebuildLogPath={Path.Combine(_scratch, "rebuilds.json")}"]);
        await UpdatesBothStaticCopies(output, () => portal.Log);
    }

    private async Task UpdatesBothStaticCopies(string output, Func<string> log)
    {
        // Each site exports itself when it starts, into its own folder under the one static output path.
        string[] pages = [Path.Combine(output, "heumen", "steunpunt", "gemeentehuis-heumen.html"), Path.Combine(output, Region, "steunpunt", "gemeentehuis-heumen.html")];
        // Another municipality's site does not show the point; nor does a page about something else.
        string[] untouched = [Path.Combine(output, "culemborg", "steunpunt", "gemeentehuis-culemborg.html"), Path.Combine(output, Region, "privacy.html")];
        Assert.True(await Within(120, () => pages.Concat(untouched).All(File.Exists)), log());
        Assert.All(pages, page => Assert.Contains("Stand-by", File.ReadAllText(page)));
        var before = untouched.ToDictionary(page => page, File.GetLastWriteTimeUtc);

        var (exit, _, error) = await Cli("status", "set", "gemeentehuis-heumen", "open", "--message", "nl=Open tot 22.00 uur");
        Assert.True(exit == 0, error);

        // The municipality's site and the region's both show the point: both static copies change, the pages without it do not.
        Assert.True(await Within(60, () => pages.All(page => File.ReadAllText(page).Contains("Open tot 22.00 uur", StringComparison.Ordinal))), log());
        Assert.All(untouched, page => Assert.Equal(before[page], File.GetLastWriteTimeUtc(page)));
    }

    private static async Task<bool> Within(int seconds, Func<bool> condition)
    {
        for (var waited = 0; waited < seconds * 10 && !condition(); waited++)
        {
            await Task.Delay(100);
        }

        return condition();
    }

    private async Task<(int Exit, string Output, string Error)> Cli(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PortalCommandLine.RunAsync([.. args, "--content", _content.Root, $"--Portal:Deployment={Region}"], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        _content.Dispose();
        TestContent.DeleteScratch(_scratch);
    }
}
