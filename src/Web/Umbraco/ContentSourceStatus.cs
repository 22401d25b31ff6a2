namespace Portal.Web.Umbraco;

/// <summary>Where the served content came from and how fresh it is: what /health reports.</summary>
public sealed class ContentSourceStatus
{
    private readonly Lock _gate = new();

    public string Source { get; private set; } = "content";

    public DateTimeOffset? SnapshotSavedAt { get; private set; }

    public DateTimeOffset? LastRefresh { get; private set; }

    public string? LastError { get; private set; }

    public void Served(string source, DateTimeOffset? snapshotSavedAt, DateTimeOffset now)
    {
        lock (_gate)
        {
            (Source, SnapshotSavedAt, LastRefresh) = (source, snapshotSavedAt, now);
        }
    }

    public void Failed(string error)
    {
        lock (_gate)
        {
            LastError = error;
        }
    }
}
