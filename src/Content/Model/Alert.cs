namespace Portal.Content.Model;

public enum AlertSeverity
{
    Info,
    Warning,
    Danger,
}

/// <summary>A crisis banner shown on every page while active.</summary>
public sealed record Alert(string Id, AlertSeverity Severity, string Text, string? LinkUrl, string? LinkText, DateTimeOffset ActiveFrom, DateTimeOffset? ActiveUntil)
{
    public bool IsActiveAt(DateTimeOffset now) => now >= ActiveFrom && (ActiveUntil is null || now < ActiveUntil);
}
