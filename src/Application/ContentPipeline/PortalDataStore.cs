using Portal.Search;

namespace Portal.Application.ContentPipeline;

/// <summary>The data being served now, with its search index; both are swapped together when content is republished.</summary>
public sealed record PortalState(PortalData Data, SearchIndex Search, DateTimeOffset LoadedAt);

/// <summary>
/// Holds the current immutable <see cref="PortalState"/>. Requests read one consistent state; a republish builds the
/// next state fully before swapping it in, so nobody ever sees half-updated content.
/// </summary>
public sealed class PortalDataStore(TimeProvider time, ContentSourceStatus status) : IDisposable
{
    /// <summary>Searches that started on the old index may still be running; give them time before it is dropped.</summary>
    private static readonly TimeSpan RetireAfter = TimeSpan.FromSeconds(30);

    private readonly Lock _writing = new();
    private PortalState? _state;

    public PortalState State => Volatile.Read(ref _state) ?? throw new InvalidOperationException("no content has been loaded yet");

    public PortalData Current => State.Data;

    public bool IsLoaded => Volatile.Read(ref _state) is not null;

    public void Replace(PortalData data)
    {
        // One writer at a time: a search rebuild can never put back data that a publish has just replaced.
        lock (_writing)
        {
            Swap(data);
        }
    }

    /// <summary>The same data with a newly built search index (once the Polish and Ukrainian dictionaries have been read).</summary>
    public void RebuildSearch()
    {
        lock (_writing)
        {
            if (IsLoaded)
            {
                Swap(Current);
            }
        }
    }

    private void Swap(PortalData data)
    {
        var search = SearchIndex.Build(SearchDocuments.From(data.Content, data.Places, data.Cultures));
        if (search.Warnings.Count > 0)
        {
            status.Failed("search", string.Join("; ", search.Warnings));
        }
        else
        {
            status.Succeeded("search");
        }

        var next = new PortalState(data, search, time.GetUtcNow());
        var old = Interlocked.Exchange(ref _state, next);
        if (old is not null)
        {
            _ = Task.Delay(RetireAfter).ContinueWith(_ => old.Search.Dispose(), TaskScheduler.Default);
        }
    }

    public void Dispose() => Volatile.Read(ref _state)?.Search.Dispose();
}
