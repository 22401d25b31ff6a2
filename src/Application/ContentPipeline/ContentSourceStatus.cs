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

    /// <summary>The /health area of refused items: reported until each is fixed or removed, whatever else is published.</summary>
    public const string ItemsArea = "items";

    private IReadOnlyList<RefusedItem> _refused = [];

    /// <summary>The items of the served source that are not served as offered, and since when.</summary>
    public IReadOnlyList<RefusedItem> Refused
    {
        get
        {
            lock (_gate)
            {
                return _refused;
            }
        }
    }

    /// <summary>
    /// What the source's last read refused, all of it: an item no longer in the list was fixed or removed. An item
    /// refused before keeps its first time, so "since" says how long residents have seen the old version.
    /// </summary>
    public void ItemsRefused(string source, IReadOnlyList<ItemRefusal> refusals, DateTimeOffset now)
    {
        lock (_gate)
        {
            var before = _refused.ToDictionary(r => r.Refusal.Item, r => r.Since, StringComparer.Ordinal);
            _refused = [.. refusals.Select(r => new RefusedItem(r, source, before.GetValueOrDefault(r.Item, now)))];
            if (refusals.Count == 0)
            {
                _problems.Remove(ItemsArea);
            }
            else
            {
                _problems[ItemsArea] = $"{refusals.Count} item(s) from {source} refused: " + string.Join("; ", refusals.Take(5))
                    + (refusals.Count > 5 ? $"; and {refusals.Count - 5} more (portal content status lists them all)" : "");
            }
        }
    }

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

/// <param name="Source">content or umbraco.</param>
/// <param name="Since">When this item was first refused (and not fixed since).</param>
public sealed record RefusedItem(ItemRefusal Refusal, string Source, DateTimeOffset Since);
