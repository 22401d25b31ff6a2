namespace Portal.Places;

/// <summary>Which support point serves a buurt, and the next one to try if that one is full or closed.</summary>
/// <param name="IsExplicit">The municipality assigned this point in the data; otherwise it is the nearest one.</param>
public sealed record BuurtAssignment(
    Buurt Buurt,
    SupportPoint Primary,
    double PrimaryDistanceMeters,
    bool IsExplicit,
    SupportPoint? Secondary,
    double? SecondaryDistanceMeters);
