using System.Text.RegularExpressions;
using NetTopologySuite.Geometries;
using Portal.Places.Geography;

namespace Portal.Places.Catalog;

/// <summary>The outcome of loading: a catalog when the data is entirely valid, else the full list of problems.</summary>
public sealed record PlaceLoadResult(PlaceCatalog? Catalog, IReadOnlyList<DataProblem> Problems)
{
    /// <summary>
    /// On a region site: a municipality's support-point file that could not be read, left out with its problems (each
    /// an item of its own) so that one municipality's mistake does not take the region site down.
    /// </summary>
    public IReadOnlyList<DataProblem> Skipped { get; init; } = [];

    public PlaceCatalog CatalogOrThrow() => Catalog ?? throw new DataValidationException(Problems);
}

/// <summary>
/// Loads and validates the place data of one municipality from a folder (content/data). Every file is checked
/// completely so that one run lists every problem; any problem means no catalog at all.
/// </summary>
public static partial class PlaceCatalogLoader
{
    /// <summary>A PC4 area lists at most this many buurten: enough to choose from, short enough to read.</summary>
    private const int MaxBuurtenPerPc4 = 5;

    /// <summary>One municipality's own files in a folder, under the default names (the Nijmegen demo's content/data).</summary>
    public static PlaceLoadResult Load(string directory) => Load(new GeographyFiles(directory));

    public static PlaceLoadResult Load(GeographyFiles files)
    {
        var problems = new List<DataProblem>();
        ProblemCollector For(string file) => new(DataProblem.DisplayPath(files.PathOf(file)), problems);

        var missing = new[] { files.Buurten, files.Wijken, files.Municipalities, files.Pc4, files.PublicBuildings }
            .Concat(files.SupportPoints.Select(f => f.Path))
            .Where(f => !File.Exists(files.PathOf(f))).ToList();
        foreach (var file in missing)
        {
            For(file).Add("file", "", "file not found");
        }

        if (missing.Count > 0)
        {
            return new PlaceLoadResult(null, problems);
        }

        var (municipalityName, municipality) = LoadMunicipality(files, For(files.Municipalities));
        var wijken = LoadWijken(files, For(files.Wijken));
        var (buurten, declaredBuurten) = LoadBuurten(files, For(files.Buurten), wijken);
        var supportPoints = new List<SupportPoint>();
        var explicitOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        var skipped = new List<DataProblem>();
        foreach (var file in files.SupportPoints)
        {
            var own = new List<DataProblem>();
            var points = LoadSupportPoints(files.PathOf(file.Path), new ProblemCollector(DataProblem.DisplayPath(files.PathOf(file.Path)), own),
                declaredBuurten, municipality, explicitOwners);
            if (own.Count > 0 && files.RegionName is not null && file.MunicipalityCode is not null)
            {
                var item = DataProblem.DisplayPath(files.PathOf(file.Path));
                skipped.AddRange(own.Select(p => p with
                {
                    Item = item,
                    Dutch = "De steunpunten van deze gemeente zijn niet te lezen. De site van de regio laat ze weg tot het bestand hersteld is; de site van de gemeente zegt wat er mis is.",
                }));
                continue;
            }

            problems.AddRange(own);
            supportPoints.AddRange(points.Select(point => point with { MunicipalityCode = file.MunicipalityCode }));
        }

        foreach (var slug in supportPoints.GroupBy(p => p.Slug).Where(g => g.Count() > 1))
        {
            For(files.SupportPoints[0].Path).Add("slug", "", $"'{slug.Key}' is used by {slug.Count()} support points in {string.Join(", ", files.SupportPoints.Select(f => f.Path))}; a slug names one point in the whole site");
        }

        var pc4Areas = LoadPc4Areas(files, For(files.Pc4), For(files.PublicBuildings), buurten, declaredBuurten, municipality);

        if (supportPoints.Count == 0 && problems.Count == 0)
        {
            For(files.SupportPoints[0].Path).Add("file", "", "no support points: every buurt needs one to be served");
        }

        if (problems.Count > 0 || municipality is null)
        {
            return new PlaceLoadResult(null, problems);
        }

        return new PlaceLoadResult(
            new PlaceCatalog(municipalityName, municipality, wijken.Values, buurten.Values, supportPoints, pc4Areas),
            problems) { Skipped = skipped };
    }

    /// <summary>
    /// Another placement of support points for the same geography, from a CSV in the same shape as support-points.csv
    /// (an officer copies the file and edits it): checked like it, every problem naming the file, line and field.
    /// </summary>
    public static PlaceLoadResult LoadAlternative(PlaceCatalog geography, string csvPath)
    {
        var problems = new List<DataProblem>();
        var file = new ProblemCollector(DataProblem.DisplayPath(csvPath), problems);
        if (!File.Exists(csvPath))
        {
            file.Add("file", "", "file not found");
            return new PlaceLoadResult(null, problems);
        }

        var points = LoadSupportPoints(csvPath, file, [.. geography.Buurten.Select(b => b.Code)], geography.MunicipalityBoundary, []);
        return problems.Count > 0 ? new PlaceLoadResult(null, problems) : WithSupportPoints(geography, points, DataProblem.DisplayPath(csvPath));
    }

    /// <summary>
    /// The same geography with support points from another source (the CMS), validated like the CSV rows:
    /// slugs unique, inside the municipality, explicit buurten known and assigned once.
    /// </summary>
    public static PlaceLoadResult WithSupportPoints(PlaceCatalog geography, IReadOnlyList<SupportPoint> points, string sourceName)
    {
        var problems = new List<DataProblem>();
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var point in points)
        {
            // A CMS point is an item of its own: refused alone. A CSV row is part of the geography, checked as a whole.
            var item = point.Source.StartsWith("umbraco:", StringComparison.Ordinal) ? point.Source : null;
            void Fail(string field, string message, string dutch) =>
                problems.Add(new DataProblem(sourceName, $"support point '{point.Slug}' ({point.Source})", field, message) { Item = item, Dutch = dutch });
            if (string.IsNullOrWhiteSpace(point.Name)) { Fail("name", "is required", "De naam van het steunpunt is leeg. Vul die in."); }
            if (!SlugPattern().IsMatch(point.Slug))
            {
                Fail("slug", $"'{point.Slug}' is not a slug (lower-case letters, digits and single hyphens)",
                    $"Het webadres '{point.Slug}' mag alleen kleine letters, cijfers en losse streepjes hebben. Pas het webadres (de URL-naam) aan.");
            }

            if (!slugs.Add(point.Slug)) { Fail("slug", $"duplicate slug '{point.Slug}'", $"Een ander steunpunt heeft ook het webadres '{point.Slug}'. Geef dit steunpunt een eigen webadres."); }
            if (!point.Location.IsValid || !geography.IsInMunicipality(point.Location))
            {
                Fail("latitude/longitude", "lies outside the municipality",
                    "De plek van het steunpunt (breedtegraad en lengtegraad) ligt buiten de gemeente. Controleer de twee getallen: zijn ze niet omgedraaid?");
            }

            if (!PostcodePattern().IsMatch(point.Address.Postcode))
            {
                Fail("postcode", $"'{point.Address.Postcode}' is not a postcode like 6525AG", $"'{point.Address.Postcode}' is geen postcode zoals 6525 AG. Vul de postcode opnieuw in.");
            }

            foreach (var code in point.ExplicitBuurtCodes)
            {
                if (geography.FindBuurt(code) is null)
                {
                    Fail("serves", $"unknown buurt code '{code}'", $"Buurt '{code}' bestaat niet in deze gemeente. Controleer de buurtcode (zoals BU02680000).");
                }
                else if (!owners.TryAdd(code, point.Slug))
                {
                    Fail("serves", $"buurt {code} is already assigned to '{owners[code]}'",
                        $"Buurt {code} hoort al bij steunpunt '{owners[code]}'. Een buurt hoort bij één steunpunt: haal de buurt bij een van de twee weg.");
                }
            }
        }

        if (points.Count == 0)
        {
            problems.Add(new DataProblem(sourceName, "support points", "", "none published: every buurt needs one to be served"));
        }

        return problems.Count > 0
            ? new PlaceLoadResult(null, problems)
            : new PlaceLoadResult(new PlaceCatalog(geography.MunicipalityName, geography.MunicipalityBoundary, geography.Wijken,
                geography.Buurten, points, geography.Pc4Areas), problems);
    }

    private static (string Name, Geometry? Boundary) LoadMunicipality(GeographyFiles files, ProblemCollector problems)
    {
        var features = GeoJsonFeatureReader.ReadPolygons(files.PathOf(files.Municipalities), problems, "gemeentecode", include: files.Includes);
        if (files.RegionName is { } region && features.Count > 0)
        {
            // A region site: its area is every municipality's, joined (lookups and "outside" answers are region-wide).
            return (region, NetTopologySuite.Operation.Union.CascadedPolygonUnion.Union([.. features.Select(f => f.Geometry)]));
        }

        if (features.Count != 1)
        {
            problems.Add("features", "", features.Count > 1
                ? $"expected exactly one municipal boundary, found {features.Count}"
                : $"no municipal boundary{(files.MunicipalityCode is { } code ? $" with gemeentecode {code}" : "")}");
            return ("", null);
        }

        var fields = FieldParser.ForJson(features[0].Properties, $"feature 1", problems);
        return (fields.Text("gemeentenaam"), features[0].Geometry);
    }

    private static Dictionary<string, Wijk> LoadWijken(GeographyFiles files, ProblemCollector problems)
    {
        var wijken = new Dictionary<string, Wijk>(StringComparer.Ordinal);
        foreach (var feature in GeoJsonFeatureReader.ReadPolygons(files.PathOf(files.Wijken), problems, "wijkcode", include: files.Includes))
        {
            var fields = FieldParser.ForJson(feature.Properties, $"feature {feature.Number}", problems);
            var code = fields.Matching("wijkcode", WijkCodePattern(), "a CBS wijk code like WK026802");
            var name = fields.Text("wijknaam");
            if (fields.HasProblems)
            {
                continue;
            }

            if (!wijken.TryAdd(code, new Wijk(code, name, feature.Geometry)))
            {
                fields.Fail("wijkcode", $"duplicate wijk code '{code}'");
            }
        }

        return wijken;
    }

    /// <returns>The valid buurten, and every buurt code the file declares (valid or not).</returns>
    private static (Dictionary<string, Buurt> Valid, HashSet<string> Declared) LoadBuurten(
        GeographyFiles files, ProblemCollector problems, Dictionary<string, Wijk> wijken)
    {
        var buurten = new Dictionary<string, Buurt>(StringComparer.Ordinal);
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var feature in GeoJsonFeatureReader.ReadPolygons(files.PathOf(files.Buurten), problems, "buurtcode", declared, files.Includes))
        {
            var code = feature.Properties.TryGetProperty("buurtcode", out var c) ? c.ToString() : "?";
            var fields = FieldParser.ForJson(feature.Properties, $"feature {feature.Number} ({code})", problems);
            code = fields.Matching("buurtcode", BuurtCodePattern(), "a CBS buurt code like BU02680202");
            var name = fields.Text("buurtnaam");
            var wijkCode = fields.Text("wijkcode");
            var inhabitants = fields.Count("aantal_inwoners");
            var households = fields.Count("aantal_huishoudens");
            var label = new GeoPoint(fields.Number("label_lat"), fields.Number("label_lon"));
            if (wijkCode.Length > 0 && !wijken.ContainsKey(wijkCode))
            {
                fields.Fail("wijkcode", $"unknown wijk '{wijkCode}' (not in {files.Wijken})");
            }
            else if (code.Length == 10 && wijkCode.Length == 8 && code[2..8] != wijkCode[2..])
            {
                fields.Fail("wijkcode", $"buurt {code} cannot lie in wijk {wijkCode}: CBS codes nest (BU gggg ww bb in WK gggg ww)");
            }

            if (label.IsValid && !feature.Geometry.Covers(new Point(label.Longitude, label.Latitude)))
            {
                fields.Fail("label_lat/label_lon", "the label point lies outside the buurt's own boundary");
            }

            if (fields.HasProblems)
            {
                continue;
            }

            if (!buurten.TryAdd(code, new Buurt(code, name, wijkCode, inhabitants, households, label, feature.Geometry)))
            {
                fields.Fail("buurtcode", $"duplicate buurt code '{code}'");
            }
        }

        return (buurten, declared);
    }

    private static readonly string[] SupportPointColumns =
        ["slug", "name", "kind", "street", "house_number", "postcode", "city", "lat", "lon",
         "services", "accessibility", "serves", "example", "source"];

    private static List<SupportPoint> LoadSupportPoints(
        string path, ProblemCollector problems, HashSet<string> buurten, Geometry? municipality, Dictionary<string, string> explicitOwners)
    {
        var points = new List<SupportPoint>();
        var slugs = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in CsvRecordReader.Read(path, SupportPointColumns, problems))
        {
            var fields = FieldParser.ForCsv(record, problems);
            var slug = fields.Matching("slug", SlugPattern(), "a slug (lower-case letters, digits and single hyphens)");
            var location = ReadLocation(fields, municipality);
            var postcode = fields.Matching("postcode", PostcodePattern(), "a postcode like 6525AG");
            var serves = fields.List("serves");
            foreach (var buurtCode in serves)
            {
                if (!buurten.Contains(buurtCode))
                {
                    fields.Fail("serves", $"unknown buurt code '{buurtCode}'");
                }
                else if (!explicitOwners.TryAdd(buurtCode, slug))
                {
                    fields.Fail("serves", $"buurt {buurtCode} is already assigned to '{explicitOwners[buurtCode]}'; a buurt has one support point");
                }
            }

            var point = new SupportPoint(
                slug,
                fields.Text("name"),
                new Address(fields.Text("street"), fields.Text("house_number"), postcode, fields.Text("city")),
                location,
                fields.Token<SupportPointKind>("kind"),
                fields.Tokens<SupportPointService>("services"),
                fields.Tokens<AccessibilityFeature>("accessibility"),
                SupportPointStatus.Standby,
                serves,
                fields.Boolean("example"),
                fields.OptionalText("source"));

            if (slug.Length > 0 && !slugs.TryAdd(slug, record.Line))
            {
                fields.Fail("slug", $"duplicate slug '{slug}' (first used on line {slugs[slug]})");
            }

            if (!fields.HasProblems)
            {
                points.Add(point);
            }
        }

        return points;
    }

    private static GeoPoint ReadLocation(FieldParser fields, Geometry? municipality)
    {
        var point = new GeoPoint(fields.Number("lat"), fields.Number("lon"));
        if (!double.IsNaN(point.Latitude) && !double.IsNaN(point.Longitude))
        {
            if (!point.IsValid)
            {
                fields.Fail("lat/lon", "not a valid WGS84 position");
            }
            else if (municipality is not null && !municipality.Covers(new Point(point.Longitude, point.Latitude)))
            {
                fields.Fail("lat/lon", FormattableString.Invariant(
                    $"{point.Latitude}, {point.Longitude} lies outside the municipality (check that lat and lon are not swapped)"));
            }
        }

        return point;
    }

    private static List<Pc4Area> LoadPc4Areas(GeographyFiles files, ProblemCollector pc4Problems, ProblemCollector buildingProblems,
        Dictionary<string, Buurt> buurten, HashSet<string> declaredBuurten, Geometry? municipality)
    {
        // The PC4 table gives one buurt per area (where its centroid lies). Public buildings with a full postcode
        // show which other buurten the same PC4 reaches; together they make the short, honest choice.
        var regionTable = files.MunicipalityCode is not null || files.RegionName is not null;
        var seenWith = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var record in CsvRecordReader.Read(files.PathOf(files.PublicBuildings), ["postcode", "buurtcode"], buildingProblems))
        {
            // A region's buildings file also lists buildings without a postcode (company fire brigades, sheds): they
            // say nothing about a postcode area. The municipality's own file has one for every building.
            if (!files.Includes(record.Fields["buurtcode"]) || (regionTable && record.Fields["postcode"].Length == 0))
            {
                continue;
            }

            var fields = FieldParser.ForCsv(record, buildingProblems);
            var postcode = fields.Matching("postcode", PostcodePattern(), "a postcode like 6525AG");
            var buurtCode = fields.Text("buurtcode");
            if (buurtCode.Length > 0 && !declaredBuurten.Contains(buurtCode))
            {
                fields.Fail("buurtcode", $"unknown buurt code '{buurtCode}'");
            }

            if (!fields.HasProblems && buurten.ContainsKey(buurtCode))
            {
                var set = seenWith.TryGetValue(postcode[..4], out var s) ? s : seenWith[postcode[..4]] = [];
                set.Add(buurtCode);
            }
        }

        // A municipality's own table has one row per PC4. A region table (GeoNames) has a row per PC4 and place name,
        // and a PC4 may reach into two municipalities: its rows are one area, each row's buurt a candidate.
        var areas = new Dictionary<string, (GeoPoint Centroid, List<string> Buurten)>(StringComparer.Ordinal);
        var pc4s = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in CsvRecordReader.Read(files.PathOf(files.Pc4), ["pc4", "lat", "lon", "buurtcode_centroid"], pc4Problems))
        {
            if (!files.Includes(record.Fields["buurtcode_centroid"]))
            {
                continue;
            }

            var fields = FieldParser.ForCsv(record, pc4Problems);
            var pc4 = fields.Matching("pc4", Pc4Pattern(), "a four-digit postcode area like 6525");
            var centroid = ReadLocation(fields, municipality);
            var centroidBuurt = fields.Text("buurtcode_centroid");
            if (centroidBuurt.Length > 0 && !declaredBuurten.Contains(centroidBuurt))
            {
                fields.Fail("buurtcode_centroid", $"unknown buurt code '{centroidBuurt}'");
            }

            if (pc4.Length > 0 && !pc4s.TryAdd(pc4, record.Line) && !regionTable)
            {
                fields.Fail("pc4", $"duplicate postcode area '{pc4}' (first on line {pc4s[pc4]})");
            }

            if (fields.HasProblems || !buurten.ContainsKey(centroidBuurt))
            {
                continue;
            }

            if (areas.TryGetValue(pc4, out var area))
            {
                if (!area.Buurten.Contains(centroidBuurt))
                {
                    area.Buurten.Add(centroidBuurt);
                }
            }
            else
            {
                areas[pc4] = (centroid, [centroidBuurt]);
            }
        }

        return [.. areas.Select(entry =>
        {
            var (centroid, centroidBuurten) = entry.Value;
            var others = seenWith.GetValueOrDefault(entry.Key, [])
                .Where(code => !centroidBuurten.Contains(code))
                .OrderBy(code => centroid.DistanceMetersTo(buurten[code].LabelPoint));
            return new Pc4Area(entry.Key, centroid, [.. centroidBuurten.Concat(others).Take(MaxBuurtenPerPc4)]);
        })];
    }

    [GeneratedRegex(@"^BU\d{8}$")]
    private static partial Regex BuurtCodePattern();

    [GeneratedRegex(@"^WK\d{6}$")]
    private static partial Regex WijkCodePattern();

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"^[1-9]\d{3}[A-Z]{2}$")]
    private static partial Regex PostcodePattern();

    [GeneratedRegex(@"^[1-9]\d{3}$")]
    private static partial Regex Pc4Pattern();
}
