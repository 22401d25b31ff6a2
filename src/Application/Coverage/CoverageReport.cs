using System.Globalization;
using CsvHelper;
using Portal.Content.Files;
using Portal.Pages;
using Portal.Pages.Reports;
using Portal.Places;
using Portal.Places.Coverage;

namespace Portal.Application.Coverage;

/// <summary>What a coverage report wrote; or, with problems, why the alternative placement could not be compared (nothing written).</summary>
public sealed record CoverageReportResult(string Folder, IReadOnlyList<CoverageScenario> Scenarios, IReadOnlyList<Places.Catalog.DataProblem>? Problems = null);

/// <summary>
/// `portal coverage`: the placement of support points measured for officers choosing them — the current one, and an
/// alternative side by side when given — as report.html (tables and a map per placement) and CSV files per buurt and
/// per point, in a folder that appears complete or not at all.
/// </summary>
public sealed class CoverageReport(PageRenderer renderer, TimeProvider time)
{
    /// <summary>
    /// The served placement, and the alternative in <paramref name="candidatesFile"/> (shaped like
    /// content/data/support-points.csv) beside it when given, measured against the norms into <paramref name="folder"/>.
    /// </summary>
    public async Task<CoverageReportResult> CompareAsync(PlaceCatalog current, string? candidatesFile, CoverageNorms norms, string folder)
    {
        var placements = new List<(string, PlaceCatalog)> { ("Huidige noodsteunpunten", current) };
        if (candidatesFile is not null)
        {
            var alternative = Places.Catalog.PlaceCatalogLoader.LoadAlternative(current, Path.GetFullPath(candidatesFile));
            if (alternative.Catalog is null)
            {
                return new CoverageReportResult(Path.GetFullPath(folder), [], alternative.Problems);
            }

            placements.Add(($"Alternatief ({Path.GetFileName(candidatesFile)})", alternative.Catalog));
        }

        return await WriteAsync(placements, norms, folder);
    }

    public async Task<CoverageReportResult> WriteAsync(IReadOnlyList<(string Name, PlaceCatalog Places)> placements, CoverageNorms norms, string folder)
    {
        var scenarios = placements.Select(p => CoverageAnalysis.Analyse(p.Name, p.Places, norms)).ToList();
        var places = placements[0].Places;
        var html = await renderer.RenderAsync<CoverageReportView>(new Dictionary<string, object?>
        {
            [nameof(CoverageReportView.Scenarios)] = scenarios,
            [nameof(CoverageReportView.Municipality)] = places.MunicipalityName,
            [nameof(CoverageReportView.Boundary)] = places.MunicipalityBoundary,
            [nameof(CoverageReportView.Made)] = Portal.Content.Model.MunicipalTime.ToLocal(time.GetUtcNow()),
        });

        var target = Path.GetFullPath(folder);
        var building = Portal.Content.Files.AtomicFolder.Building(target);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(building, "report.html"), html);
            WriteCsv(Path.Combine(building, "buurten.csv"),
                ["scenario", "buurtcode", "buurtnaam", "wijk", "inwoners", "huishoudens", "noodsteunpunt", "afstand_m", "aandeel_binnen_loopafstand", "norm_gemist"],
                scenarios.SelectMany(s => s.Buurten.Select(b => new object[]
                {
                    s.Name, b.Buurt.Code, b.Buurt.Name, b.Wijk.Name, b.Buurt.Inhabitants, b.Buurt.Households, b.Point.Slug,
                    Math.Round(b.DistanceMeters), Math.Round(b.ShareWithin, 3), b.MissesNorm ? "ja" : "nee",
                })));
            WriteCsv(Path.Combine(building, "steunpunten.csv"),
                ["scenario", "slug", "naam", "lat", "lon", "buurten", "huishoudens", "inwoners", "belasting_tov_norm", "boven_norm"],
                scenarios.SelectMany(s => s.Points.Select(p => new object[]
                {
                    s.Name, p.Point.Slug, p.Point.Name, p.Point.Location.Latitude, p.Point.Location.Longitude,
                    string.Join(';', p.Buurten.Select(b => b.Code)), p.Households, p.Residents, Math.Round(p.Load, 3), p.Overloaded ? "ja" : "nee",
                })));
            AtomicFolder.Replace(building, target);
            return new CoverageReportResult(target, scenarios);
        }
        catch
        {
            Directory.Delete(building, recursive: true);
            throw;
        }
    }

    private static void WriteCsv(string path, string[] header, IEnumerable<object[]> rows)
    {
        using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        using var csv = SpreadsheetCsv.Writer(writer);
        foreach (var row in rows.Prepend(header.Cast<object>().ToArray()))
        {
            foreach (var field in row)
            {
                csv.WriteField(field);
            }

            csv.NextRecord();
        }
    }
}
