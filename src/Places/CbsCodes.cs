namespace Portal.Places;

/// <summary>
/// CBS numbers buurten and wijken inside their municipality's code: BU0296 01 14 and WK0296 01 lie in GM0296. The one
/// place that reads that nesting (a region's files filtered per municipality, a point serving its own buurten, the
/// municipality of a lookup's answer).
/// </summary>
public static class CbsCodes
{
    /// <summary>True when a buurt, wijk or municipality code lies in the municipality ("GM0296").</summary>
    public static bool LiesIn(string cbsCode, string municipalityCode) =>
        cbsCode.Length >= 6 && municipalityCode.Length == 6 && cbsCode.AsSpan(2, 4).SequenceEqual(municipalityCode.AsSpan(2));

    /// <summary>"GM0296" for a buurt or wijk code ("BU02960114").</summary>
    public static string MunicipalityOf(string cbsCode) => $"GM{cbsCode[2..6]}";
}
