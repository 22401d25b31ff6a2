namespace Portal.Content.Validation;

/// <summary>
/// Phrases the officers' Dutch wording of problems shares (<see cref="Portal.Places.Catalog.DataProblem.Dutch"/>): one
/// rule per phrase, so "vul … in" and the names of languages read the same on every item.
/// </summary>
public static class OfficerWording
{
    private static readonly Dictionary<string, string> Languages = new(StringComparer.Ordinal)
    {
        ["nl"] = "het Nederlands", ["en"] = "het Engels", ["ar"] = "het Arabisch", ["tr"] = "het Turks", ["pl"] = "het Pools", ["uk"] = "het Oekraïens",
    };

    /// <summary>"het Nederlands" for nl; the code itself for a language the portal does not ship.</summary>
    public static string Language(string code) => Languages.GetValueOrDefault(code) ?? $"de taal '{code}'";

    /// <summary>An empty field that must be filled: "De titel is leeg. Vul die in."</summary>
    public static string Empty(string what) => $"{Capital(what)} is leeg. Vul {(what.StartsWith("het ", StringComparison.Ordinal) ? "dat" : "die")} in.";

    /// <summary>A date and time that could not be read.</summary>
    public static string NotATime(string? value, string what) =>
        $"'{value}' is geen datum met tijd. Kies {what} opnieuw (in een bestand: zoals 2026-11-23T08:00:00+01:00).";

    /// <summary>A value outside a fixed list.</summary>
    public static string NotOneOf(string? value, string what, IEnumerable<string> allowed) =>
        $"'{value}' is geen {what} die de site kent. Kies een van: {string.Join(", ", allowed)}.";

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
