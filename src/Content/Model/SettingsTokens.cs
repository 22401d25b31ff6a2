namespace Portal.Content.Model;

/// <summary>
/// Site settings written into texts as {broadcaster}, {municipality-number}, ...: the facts stay in one place,
/// so a new broadcaster frequency is one edit, not one per page per language. Settings values are text, never markup.
/// </summary>
public static class SettingsTokens
{
    /// <summary>For plain text, which the pages encode when they write it.</summary>
    public static string Fill(string text, SiteSettings? settings) => Fill(text, settings, value => value);

    /// <summary>For sanitised HTML: each value is encoded, so a setting can never add markup to a page.</summary>
    public static string FillHtml(string html, SiteSettings? settings) => Fill(html, settings, Encode);

    /// <summary>Only what HTML needs: letters stay as they are (é and Arabic cost bytes as references).</summary>
    private static string Encode(string value) => value
        .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);

    private static string Fill(string text, SiteSettings? settings, Func<string, string> encode) =>
        settings is null ? text : text
            .Replace("{municipality}", encode(settings.MunicipalityName), StringComparison.Ordinal)
            .Replace("{emergency-number}", encode(settings.EmergencyNumber), StringComparison.Ordinal)
            .Replace("{police-number}", encode(settings.PoliceNumber), StringComparison.Ordinal)
            .Replace("{municipality-number}", encode(settings.MunicipalityNumber), StringComparison.Ordinal)
            .Replace("{broadcaster-frequencies}", encode(settings.BroadcasterFrequencies), StringComparison.Ordinal)
            .Replace("{broadcaster}", encode(settings.Broadcaster), StringComparison.Ordinal);
}
