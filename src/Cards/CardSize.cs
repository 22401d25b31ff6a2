namespace Portal.Cards;

/// <summary>A print size: the trim (final card) plus 3 mm bleed on every side for a print shop.</summary>
public sealed record CardSize(string Name, double TrimWidthMm, double TrimHeightMm)
{
    public const double BleedMm = 3;
    public const double PointsPerMm = 72 / 25.4;

    public static CardSize A6 { get; } = new("a6", 105, 148);

    public static CardSize A5 { get; } = new("a5", 148, 210);

    public static IReadOnlyList<CardSize> All { get; } = [A6, A5];

    public double SheetWidthMm => TrimWidthMm + 2 * BleedMm;

    public double SheetHeightMm => TrimHeightMm + 2 * BleedMm;

    /// <summary>Layout unit: 1 mm on A6; everything scales with the card.</summary>
    public double Scale => TrimWidthMm / A6.TrimWidthMm;

    public static CardSize? Find(string? name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
