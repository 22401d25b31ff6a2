namespace Portal.Application.ContentPipeline;

/// <summary>
/// Where the served content came from, how fresh it is, and what is wrong now, by area ("umbraco", "snapshot",
/// "publishing"): an area that works again clears its own problem, so /health is healthy again once it is fixed.
/// </summary>
public sealed class ContentSourceStatus
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _problems = new(StringComparer.Ordinal);

    public string Source { get; private set; } = "content";

    public DateTimeOffset? SnapshotSavedAt { get; private set; }

    public DateTimeOffset? LastRefresh { get; private set; }

    /// <summary>Every current problem, one line each, area first.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_gate)
            {
                return [.. _problems.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}")];
            }
        }
    }

    public string? LastError => Problems is { Count: > 0 } all ? string.Join(" | ", all) : null;

    public void Served(string source, DateTimeOffset? snapshotSavedAt, DateTimeOffset now)
    {
        lock (_gate)
        {
            (Source, SnapshotSavedAt, LastRefresh) = (source, snapshotSavedAt, now);
        }
    }

    public void SnapshotSaved(DateTimeOffset savedAt)
    {
        lock (_gate)
        {
            SnapshotSavedAt = savedAt;
        }
    }

    public void Failed(string area, string problem)
    {
        lock (_gate)
        {
            _problems[area] = problem;
        }
    }

    public void Succeeded(string area)
    {
        lock (_gate)
        {
            _problems.Remove(area);
        }
    }
}
