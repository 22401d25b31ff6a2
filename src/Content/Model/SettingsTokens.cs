namespace Portal.Content.Model;

/// <summary>
/// Site settings written into texts as {broadcaster}, {municipality-number}, ...: the facts stay in one place,
/// so a new broadcaster frequency is one edit, not one per page per language.
/// </summary>
public static class SettingsTokens
{
    public static string Fill(string text, SiteSettings? settings) =>
        settings is null ? text : text
            .Replace("{municipality}", settings.MunicipalityName, StringComparison.Ordinal)
            .Replace("{emergency-number}", settings.EmergencyNumber, StringComparison.Ordinal)
            .Replace("{police-number}", settings.PoliceNumber, StringComparison.Ordinal)
            .Replace("{municipality-number}", settings.MunicipalityNumber, StringComparison.Ordinal)
            .Replace("{broadcaster-frequencies}", settings.BroadcasterFrequencies, StringComparison.Ordinal)
            .Replace("{broadcaster}", settings.Broadcaster, StringComparison.Ordinal);
}
