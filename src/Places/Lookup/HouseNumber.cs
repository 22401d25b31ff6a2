using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Portal.Places.Lookup;

/// <summary>A house number with an optional letter or addition ("11", "11a", "11-2", "11 bis").</summary>
public readonly partial record struct HouseNumber(int Number, string Addition)
{
    public static bool TryParse([NotNullWhen(true)] string? input, out HouseNumber houseNumber)
    {
        houseNumber = default;
        var match = input is null ? Match.Empty : Pattern().Match(input);
        if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number is < 1 or > 99999)
        {
            return false;
        }

        var addition = match.Groups[2].Success ? match.Groups[2].Value : match.Groups[3].Value;
        houseNumber = new HouseNumber(number, addition.ToUpperInvariant());
        return true;
    }

    public override string ToString() => Addition.Length == 0 ? Number.ToString(CultureInfo.InvariantCulture) : $"{Number}{Addition}";

    // An addition follows a separator ("11-2", "11 bis") or starts with a letter ("11a"); "123456" is not 12345 + 6.
    [GeneratedRegex(@"^\s*(\d{1,5})(?:\s*[-\s]\s*([A-Za-z0-9]{1,4})|\s*([A-Za-z][A-Za-z0-9]{0,3}))?\s*$")]
    private static partial Regex Pattern();
}
