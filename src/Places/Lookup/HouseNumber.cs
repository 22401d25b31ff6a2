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

        houseNumber = new HouseNumber(number, match.Groups[2].Value.ToUpperInvariant());
        return true;
    }

    public override string ToString() => Addition.Length == 0 ? Number.ToString(CultureInfo.InvariantCulture) : $"{Number}{Addition}";

    [GeneratedRegex(@"^\s*(\d{1,5})\s*[-\s]?\s*([A-Za-z0-9]{0,4})\s*$")]
    private static partial Regex Pattern();
}
