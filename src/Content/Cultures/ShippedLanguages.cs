namespace Portal.Content.Cultures;

/// <summary>
/// The languages Portal ships texts for (content/{code}/ui.yml), Dutch first, with the culture Umbraco names each by:
/// the one list that configuration's defaults (Portal:Cultures, Portal:Umbraco:CultureMap) are made from.
/// </summary>
public static class ShippedLanguages
{
    public static readonly IReadOnlyList<(string Code, string UmbracoCulture)> All =
        [("nl", "nl-NL"), ("en", "en-US"), ("ar", "ar"), ("tr", "tr-TR"), ("pl", "pl-PL"), ("uk", "uk-UA")];

    public static IReadOnlyList<string> Codes { get; } = [.. All.Select(l => l.Code)];
}
