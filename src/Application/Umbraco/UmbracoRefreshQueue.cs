using System.Threading.Channels;

namespace Portal.Application.Umbraco;

/// <summary>Item ids waiting to be re-read; a retried webhook for an id already waiting adds nothing.</summary>
public sealed class UmbracoRefreshQueue
{
    private readonly Channel<Guid> _channel = Channel.CreateUnbounded<Guid>();
    private readonly HashSet<Guid> _pending = [];
    private readonly Lock _gate = new();

    public bool Enqueue(Guid id)
    {
        lock (_gate)
        {
            if (!_pending.Add(id))
            {
                return false;
            }
        }

        return _channel.Writer.TryWrite(id);
    }

    /// <summary>The next id to re-read; waits until there is one or the token is cancelled.</summary>
    public async Task<Guid> ReadAsync(CancellationToken cancellationToken)
    {
        var id = await _channel.Reader.ReadAsync(cancellationToken);
        lock (_gate)
        {
            _pending.Remove(id);
        }

        return id;
    }
}

