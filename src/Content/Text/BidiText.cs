namespace Portal.Content.Text;

/// <summary>
/// Invisible direction controls (embeddings, overrides, isolates: U+202A–U+202E, U+2066–U+2069) in text someone typed.
/// A right-to-left override left open reverses everything after it on the line — a resident's query echoed in a
/// sentence, an officer's message — so they are refused where text is published and removed where it is only echoed.
/// </summary>
public static class BidiText
{
    private const char FirstStrongIsolate = '\u2068';
    private const char PopDirectionalIsolate = '\u2069';

    public static bool IsControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>The first direction control in the text, or null.</summary>
    public static char? FirstControl(string text) => text.FirstOrDefault(IsControl) is var c && c != default ? c : null;

    public static string WithoutControls(string text) => text.Any(IsControl) ? string.Concat(text.Where(c => !IsControl(c))) : text;

    /// <summary>Typed text set inside a sentence: isolated, so its direction neither takes nor gives to the sentence around it.</summary>
    public static string Isolated(string text) => $"{FirstStrongIsolate}{WithoutControls(text)}{PopDirectionalIsolate}";
}
