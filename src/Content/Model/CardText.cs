namespace Portal.Content.Model;

/// <summary>The editable texts of the meterkastkaart in one language (labels live with the interface texts).</summary>
/// <param name="TieIn">The line that ties the card to the national campaign.</param>
/// <param name="Actions">What to do during a long power cut: 3 to 5 short sentences.</param>
public sealed record CardText(string Title, string TieIn, IReadOnlyList<string> Actions, int Version, int SourceVersion)
{
    public const int MinActions = 3;
    public const int MaxActions = 5;
}
