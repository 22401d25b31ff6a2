using Portal.Search;

namespace Portal.Application.ContentPipeline;

/// <summary>The data being served now, with its search index; both are swapped together when content is republished.</summary>
/// <param name="Documents">What the index was built from: a republish that changes none of it (a status change) keeps the index.</param>
/// <param name="Index">
/// Built on the first search, not with the data: a region starts seventeen sites, and pages, lookups and cards need no
/// index (building them all at start cost most of its start time).
/// </param>
public sealed record PortalState(PortalData Data, Lazy<SearchIndex> Index, IReadOnlyList<SearchDocument> Documents, DateTimeOffset LoadedAt)
{
    public SearchIndex Search => Index.Value;
}

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
            // An index not built yet will be built with the dictionaries; only one already built is built again.
            if (IsLoaded && State.Index.IsValueCreated)
            {
                _rebuildSearch = true;
                Swap(Current);
            }
        }
    }

    /// <summary>Rebuilds the search index on the next swap even when its documents did not change (new dictionaries).</summary>
    private bool _rebuildSearch;

    private void Swap(PortalData data)
    {
        var documents = SearchDocuments.From(data.Content, data.Places, data.Cultures).ToList();
        var current = Volatile.Read(ref _state);
        if (current is not null && !_rebuildSearch && current.Documents.SequenceEqual(documents))
        {
            Volatile.Write(ref _state, current with { Data = data, LoadedAt = time.GetUtcNow() });
            return;
        }

        _rebuildSearch = false;
        var search = new Lazy<SearchIndex>(() =>
        {
            var index = SearchIndex.Build(documents);
            if (index.Warnings.Count > 0)
            {
                status.Failed("search", string.Join("; ", index.Warnings));
            }
            else
            {
                status.Succeeded("search");
            }

            return index;
        }, LazyThreadSafetyMode.ExecutionAndPublication);

        var next = new PortalState(data, search, documents, time.GetUtcNow());
        var old = Interlocked.Exchange(ref _state, next);
        if (old is not null)
        {
            _ = Task.Delay(RetireAfter).ContinueWith(_ => Retire(old), TaskScheduler.Default);
        }
    }

    private static void Retire(PortalState state)
    {
        if (state.Index.IsValueCreated)
        {
            state.Index.Value.Dispose();
        }
    }

    public void Dispose()
    {
        if (Volatile.Read(ref _state) is { } state)
        {
            Retire(state);
        }
    }
}
