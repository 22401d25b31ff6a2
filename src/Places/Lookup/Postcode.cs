using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Portal.Places.Lookup;

/// <summary>A Dutch postcode (PC6), normalised to "6525AG".</summary>
public readonly partial record struct Postcode
{
    private Postcode(string value) => Value = value;

    public string Value { get; }

    /// <summary>The four-digit area (PC4).</summary>
    public string Area => Value[..4];

    /// <summary>As written on letters: "6525 AG".</summary>
    public string Formatted => $"{Value[..4]} {Value[4..]}";

    /// <summary>Accepts "6525AG", "6525 ag", " 6525  Ag ". PostNL never issues the letter pairs SA, SD and SS.</summary>
    public static bool TryParse([NotNullWhen(true)] string? input, out Postcode postcode)
    {
        postcode = default;
        var match = input is null ? Match.Empty : Pattern().Match(input);
        if (!match.Success)
        {
            return false;
        }

        var letters = match.Groups[2].Value.ToUpperInvariant();
        if (letters is "SA" or "SD" or "SS")
        {
            return false;
        }

        postcode = new Postcode(match.Groups[1].Value + letters);
        return true;
    }

    public override string ToString() => Value;

    [GeneratedRegex(@"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})\s*$")]
    private static partial Regex Pattern();
}
