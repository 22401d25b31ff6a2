using System.Globalization;

namespace Portal.Content.Model;

/// <summary>
/// The municipality's clock (Europe/Amsterdam). Residents read times on it, and a time given without an offset — as
/// Umbraco's date pickers give them, entered by an editor in the Netherlands — means a time on it.
/// </summary>
public static class MunicipalTime
{
    /// <summary>Europe/Amsterdam; the machine's own zone where the time-zone database is missing.</summary>
    public static TimeZoneInfo Zone { get; } =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Amsterdam", out var amsterdam) ? amsterdam : TimeZoneInfo.Local;

    public static DateTimeOffset ToLocal(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Zone);

    /// <summary>"2026-11-01T09:00:00+01:00" as given; "2026-11-01T09:00:00" as 09:00 in the Netherlands; null when not a time.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            return null;
        }

        return parsed.Kind switch
        {
            DateTimeKind.Unspecified => new DateTimeOffset(parsed, Zone.GetUtcOffset(parsed)),
            _ => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture),
        };
    }

    /// <summary>A time as Umbraco's date pickers keep it: on the municipality's clock, without an offset.</summary>
    public static string ToUmbraco(DateTimeOffset time) => ToLocal(time).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
