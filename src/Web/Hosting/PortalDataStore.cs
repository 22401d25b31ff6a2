using Portal.Search;

namespace Portal.Web.Hosting;

/// <summary>The data being served now, with its search index; both are swapped together when content is republished.</summary>
public sealed record PortalState(PortalData Data, SearchIndex Search, DateTimeOffset LoadedAt);

/// <summary>Runs after new content is live: later capabilities (cards, static site) plug in here.</summary>
public interface IContentPublishedHandler
{
    Task ContentPublishedAsync(PortalData data, CancellationToken cancellationToken);
}

/// <summary>
/// Holds the current immutable <see cref="PortalState"/>. Requests read one consistent state; a republish builds the
/// next state fully before swapping it in, so nobody ever sees half-updated content.
/// </summary>
public sealed class PortalDataStore(PortalData initial, TimeProvider time) : IDisposable
{
    /// <summary>Searches that started on the old index may still be running; give them time before it is dropped.</summary>
    private static readonly TimeSpan RetireAfter = TimeSpan.FromSeconds(30);

    private volatile PortalState _state = Create(initial, time);

    public PortalState State => _state;

    public PortalData Current => _state.Data;

    public void Replace(PortalData data)
    {
        var old = _state;
        _state = Create(data, time);
        _ = Task.Delay(RetireAfter).ContinueWith(_ => old.Search.Dispose(), TaskScheduler.Default);
    }

    public void Dispose() => _state.Search.Dispose();

    private static PortalState Create(PortalData data, TimeProvider time) =>
        new(data, SearchIndex.Build(SearchDocuments.From(data.Content, data.Places, data.Cultures)), time.GetUtcNow());
}
