namespace Portal.Places.Catalog;

/// <summary>
/// Where one site's geography comes from. A municipality of its own reads its own files (the Nijmegen demo's names are
/// the defaults); a municipality in a region reads the region's files and takes the rows whose CBS codes nest in its
/// code; a region site reads every row and joins the municipal boundaries into one.
/// </summary>
/// <param name="Folder">The folder the file names are relative to.</param>
public sealed record GeographyFiles(string Folder)
{
    public string Buurten { get; init; } = "nijmegen_buurten_2015.geojson";

    public string Wijken { get; init; } = "nijmegen_wijken_2015.geojson";

    /// <summary>The municipal boundary: one feature, or one per municipality in a region file.</summary>
    public string Municipalities { get; init; } = "nijmegen_gemeentegrens_2015.geojson";

    public string Pc4 { get; init; } = "nijmegen_pc4_centroids_approx.csv";

    public string PublicBuildings { get; init; } = "nijmegen_publieke_gebouwen_2016.csv";

    /// <summary>
    /// The support points (support-points.csv): paths relative to <see cref="Folder"/> or absolute. A region site reads
    /// one file per municipality, each with the municipality's CBS code (its points serve only its own buurten).
    /// </summary>
    public IReadOnlyList<SupportPointFile> SupportPoints { get; init; } = [new("support-points.csv", null)];

    /// <summary>Only this municipality's rows (CBS code "GM0296"); null reads every row.</summary>
    public string? MunicipalityCode { get; init; }

    /// <summary>Set for a region site: the municipal boundaries are joined into one area under this name.</summary>
    public string? RegionName { get; init; }

    public string PathOf(string file) => Path.Combine(Folder, file);

    /// <summary>True when a CBS code (BU0296…, WK0296…, GM0296) belongs to the municipality read, or every code is read.</summary>
    public bool Includes(string cbsCode) =>
        MunicipalityCode is not { } municipality || CbsCodes.LiesIn(cbsCode, municipality);
}

/// <summary>A support-points CSV and the municipality (CBS code) whose points it lists; null when the site is one municipality.</summary>
public sealed record SupportPointFile(string Path, string? MunicipalityCode);
