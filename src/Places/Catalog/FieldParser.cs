using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Portal.Places.Catalog;

/// <summary>Parses typed values out of a CSV row or GeoJSON properties, reporting each bad field once.</summary>
internal sealed partial class FieldParser
{
    private readonly Func<string, string?> _get;
    private readonly ProblemCollector _problems;

    private FieldParser(Func<string, string?> get, string location, ProblemCollector problems)
    {
        _get = get;
        Location = location;
        _problems = problems;
    }

    public string Location { get; }

    public bool HasProblems { get; private set; }

    public static FieldParser ForCsv(CsvRecord record, ProblemCollector problems) =>
        new(name => record.Fields.TryGetValue(name, out var v) ? v : null, record.Location, problems);

    public static FieldParser ForJson(JsonElement properties, string location, ProblemCollector problems) =>
        new(name => properties.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null
            ? (v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())
            : null, location, problems);

    public void Fail(string field, string message)
    {
        HasProblems = true;
        _problems.Add(Location, field, message);
    }

    public string Text(string field)
    {
        var value = _get(field)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            Fail(field, "is required but empty");
            return "";
        }

        return value;
    }

    public string OptionalText(string field) => _get(field)?.Trim() ?? "";

    public string Matching(string field, Regex pattern, string expected)
    {
        var value = Text(field);
        if (value.Length > 0 && !pattern.IsMatch(value))
        {
            Fail(field, $"'{value}' is not {expected}");
        }

        return value;
    }

    public double Number(string field)
    {
        var value = Text(field);
        if (value.Length == 0)
        {
            return double.NaN;
        }

        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            Fail(field, $"'{value}' is not a number (use a dot as decimal separator)");
            return double.NaN;
        }

        return number;
    }

    public int Count(string field)
    {
        var value = Text(field);
        if (value.Length > 0 && (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count)))
        {
            Fail(field, $"'{value}' is not a whole number of zero or more");
            return 0;
        }

        return value.Length == 0 ? 0 : int.Parse(value, CultureInfo.InvariantCulture);
    }

    public bool Boolean(string field)
    {
        var value = Text(field);
        switch (value.ToLowerInvariant())
        {
            case "true": return true;
            case "false": return false;
            case "": return false;
            default:
                Fail(field, $"'{value}' is not true or false");
                return false;
        }
    }

    /// <summary>Reads one token of a kebab-case vocabulary, e.g. "drinking-water" for DrinkingWater.</summary>
    public TEnum Token<TEnum>(string field) where TEnum : struct, Enum
    {
        var value = Text(field);
        return value.Length == 0 ? default : ParseToken<TEnum>(field, value);
    }

    /// <summary>Reads a ';'-separated list of kebab-case tokens; empty means none.</summary>
    public IReadOnlyList<TEnum> Tokens<TEnum>(string field) where TEnum : struct, Enum =>
        List(field).Select(token => ParseToken<TEnum>(field, token)).Distinct().ToList();

    public IReadOnlyList<string> List(string field) =>
        OptionalText(field).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private TEnum ParseToken<TEnum>(string field, string token) where TEnum : struct, Enum
    {
        if (KebabTokens<TEnum>.ByToken.TryGetValue(token, out var parsed))
        {
            return parsed;
        }

        Fail(field, $"'{token}' is not one of: {string.Join(", ", KebabTokens<TEnum>.ByToken.Keys)}");
        return default;
    }
}

/// <summary>The kebab-case spelling of enum members used in data files and JSON: DrinkingWater is "drinking-water".</summary>
public static partial class KebabTokens<TEnum> where TEnum : struct, Enum
{
    public static IReadOnlyDictionary<string, TEnum> ByToken { get; } =
        Enum.GetValues<TEnum>().ToDictionary(KebabCase.Of, v => v, StringComparer.Ordinal);
}

public static partial class KebabCase
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Boundary().Replace(value.ToString(), "$1-$2").ToLowerInvariant();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex Boundary();
}
