namespace Portal.Places;

/// <summary>
/// What a resident needs to know about a support point right now: whether to go there, what it offers at the moment,
/// the municipality's short message in each language, and when that was last confirmed on site.
/// </summary>
/// <param name="ChangedAt">When the state last changed; null when it was never set (a point on standby since it was designated).</param>
/// <param name="CheckedAt">When someone last confirmed the status; may be later than <paramref name="ChangedAt"/>.</param>
/// <param name="ServicesNow">What the point offers now, a subset of its services; null when not stated (then its usual services).</param>
/// <param name="Messages">Short message per language code ("open until 22:00, bring a bottle"); a language without one shows the default language's.</param>
/// <param name="BackupSlug">Where to go when this point is full or closed; null lets the portal pick the nearest open point.</param>
public sealed record SupportPointStatus(
    SupportPointState State,
    DateTimeOffset? ChangedAt,
    DateTimeOffset? CheckedAt,
    IReadOnlyList<SupportPointService>? ServicesNow,
    IReadOnlyDictionary<string, string> Messages,
    string? BackupSlug)
{
    public static SupportPointStatus Standby { get; } = new(SupportPointState.Standby, null, null, null, new Dictionary<string, string>(), null);

    /// <summary>A resident can go there now (open, not full).</summary>
    public bool TakesVisitors => State == SupportPointState.Open;

    /// <summary>When the municipality last said something about this point: the check, else the change.</summary>
    public DateTimeOffset? LastConfirmedAt => CheckedAt is { } checkedAt && (ChangedAt is null || checkedAt > ChangedAt) ? checkedAt : ChangedAt;

    public string? Message(string culture, string defaultCulture) =>
        Messages.GetValueOrDefault(culture) ?? Messages.GetValueOrDefault(defaultCulture);

    /// <summary>Value equality (lists and messages compared by content): a republish with the same status changes nothing.</summary>
    public bool Equals(SupportPointStatus? other) =>
        other is not null && State == other.State && ChangedAt == other.ChangedAt && CheckedAt == other.CheckedAt
        && BackupSlug == other.BackupSlug
        && (ServicesNow is null ? other.ServicesNow is null : other.ServicesNow is not null && ServicesNow.SequenceEqual(other.ServicesNow))
        && Messages.Count == other.Messages.Count
        && Messages.All(m => other.Messages.TryGetValue(m.Key, out var text) && text == m.Value);

    public override int GetHashCode() => HashCode.Combine(State, ChangedAt, CheckedAt, BackupSlug);
}
