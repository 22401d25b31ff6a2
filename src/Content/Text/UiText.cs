using System.Globalization;
using System.Text.RegularExpressions;
using Portal.Content.Cultures;

namespace Portal.Content.Text;

/// <summary>The interface texts of one language (labels, headings, messages), from content/{culture}/ui.yml.</summary>
public sealed partial class UiText(PortalCulture culture, IReadOnlyDictionary<string, string> texts)
{
    // Unicode's directional isolates: a left-to-right run (a postcode, a phone number, a Dutch name) inside a
    // right-to-left sentence keeps its own order and does not pull the punctuation around it ("6525 AG", not "AG 6525").
    private const char FirstStrongIsolate = '\u2068';
    private const char LeftToRightIsolate = '\u2066';
    private const char PopIsolate = '\u2069';

    private readonly IReadOnlyDictionary<string, string> _texts = culture.Direction == "rtl"
        ? texts.ToDictionary(t => t.Key, t => Postcode().Replace(t.Value, $"{LeftToRightIsolate}$0{PopIsolate}"), StringComparer.Ordinal)
        : texts;

    public PortalCulture Culture { get; } = culture;

    /// <summary>The text for a key. Keys are checked at load, so a missing one is a programming error.</summary>
    public string this[string key] =>
        _texts.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"No UI text '{key}' for culture '{Culture.Code}'");

    /// <summary>Fills {0}, {1}... in the text, formatting numbers and dates the way the language does.
    /// In a right-to-left language every filled-in value is isolated, so a Dutch name or a number keeps its own order.</summary>
    public string Format(string key, params object?[] arguments) => string.Format(Culture.Info, this[key],
        Culture.Direction == "rtl" ? [.. arguments.Select(a => (object?)$"{FirstStrongIsolate}{string.Format(Culture.Info, "{0}", a)}{PopIsolate}")] : arguments);

    /// <summary>"water, stroom, warmte" with the language's own separator (Arabic writes "،").</summary>
    public string List(IEnumerable<string> items) => string.Join(this["list.separator"], items);

    /// <summary>A moment as residents read it: on the municipality's clock (Dutch time), whatever offset the source gave it.</summary>
    public string Date(DateTimeOffset time) => Model.MunicipalTime.ToLocal(time).ToString("d MMMM yyyy, HH:mm", Culture.Info);

    public string Number(double value) => value.ToString("N0", Culture.Info);

    /// <summary>"850 m" or "1,2 km" with the language's decimal separator.</summary>
    public string Distance(double meters) =>
        meters < 1000
            ? Format("distance.meters", Math.Round(meters / 10) * 10)
            : Format("distance.kilometers", (Math.Round(meters / 100) / 10).ToString("0.0", Culture.Info));

    public IEnumerable<string> Keys => _texts.Keys;

    [GeneratedRegex(@"(?<![\d\p{L}])\d{4} ?[A-Z]{2}(?![\p{L}])")]
    private static partial Regex Postcode();
}
