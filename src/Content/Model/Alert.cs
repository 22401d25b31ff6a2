namespace Portal.Content.Model;

public enum AlertSeverity
{
    Info,
    Warning,
    Danger,
}

/// <summary>A crisis banner shown on every page while active.</summary>
/// <param name="TextLanguage">The language <paramref name="Text"/> is written in: this culture's when translated, else the default's (null: not known).</param>
public sealed record Alert(string Id, AlertSeverity Severity, string Text, string? LinkUrl, string? LinkText, DateTimeOffset ActiveFrom, DateTimeOffset? ActiveUntil,
    string? TextLanguage = null)
{
    public bool IsActiveAt(DateTimeOffset now) => now >= ActiveFrom && (ActiveUntil is null || now < ActiveUntil);
}
