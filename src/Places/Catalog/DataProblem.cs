namespace Portal.Places.Catalog;

/// <summary>One thing wrong in a data file, located precisely enough to fix it by hand.</summary>
/// <param name="Location">"line 7" for CSV, "feature 12 (BU02680202)" for GeoJSON.</param>
public sealed record DataProblem(string File, string Location, string Field, string Message)
{
    /// <summary>
    /// The content item the problem belongs to (a page file, an Umbraco item), when it belongs to one: that item alone is
    /// refused and the rest served. Null for what concerns everything (the geography, a missing home page).
    /// </summary>
    public string? Item { get; init; }

    /// <summary>
    /// The same problem for a communication officer, in plain Dutch (B1): what is wrong and what to do. Written where the
    /// problem is made, beside the English <see cref="Message"/> (logs, /health and the operators' CLI keep English), so the
    /// one who writes a rule words it for both. Set on every problem that refuses an item; null on what only an operator
    /// fixes (the geography, configuration).
    /// </summary>
    public string? Dutch { get; init; }

    /// <summary>A path as a person at the terminal would type it: relative to where they are, unless it lies elsewhere.</summary>
    public static string DisplayPath(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    public override string ToString() =>
        Field.Length == 0 ? $"{File}, {Location}: {Message}" : $"{File}, {Location}, field '{Field}': {Message}";
}
