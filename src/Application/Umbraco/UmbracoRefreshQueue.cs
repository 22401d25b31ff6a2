namespace Portal.Application.Umbraco;

/// <summary>What the waiting webhooks ask for: these items re-read, or (after a flood) everything.</summary>
public sealed record RefreshBatch(IReadOnlyCollection<Guid> Ids, bool Everything);

/// <summary>
/// Item ids waiting to be re-read, taken as one batch: however many webhooks arrive while a batch is read, the next
/// batch reads each id once. Bounded whatever the ids (a flood of unknown ones): past <see cref="MaxPending"/> ids the
/// batch becomes one full read, so a real publish in the flood waits for one read, not for a thousand.
/// </summary>
public sealed class UmbracoRefreshQueue
{
    public const int MaxPending = 100;

    private readonly HashSet<Guid> _pending = [];
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _signal = new(0, 1);
    private bool _everything;

    /// <returns>False when the id was already waiting (a retried webhook adds nothing).</returns>
    public bool Enqueue(Guid id)
    {
        lock (_gate)
        {
            if (_everything || _pending.Contains(id))
            {
                return false;
            }

            if (_pending.Count >= MaxPending)
            {
                _everything = true;
                _pending.Clear();
            }
            else
            {
                _pending.Add(id);
            }

            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }

        return true;
    }

    /// <summary>A batch with what arrived since it was taken.</summary>
    public RefreshBatch TakeMore(RefreshBatch batch)
    {
        lock (_gate)
        {
            var ids = batch.Ids.Union(_pending).ToList();
            var everything = batch.Everything || _everything || ids.Count > MaxPending;
            _pending.Clear();
            _everything = false;
            if (_signal.CurrentCount > 0)
            {
                _signal.Wait(0);
            }

            return new RefreshBatch(everything ? [] : ids, everything);
        }
    }

    /// <summary>Everything waiting now, as one batch; waits until something is, or the token is cancelled.</summary>
    public async Task<RefreshBatch> ReadBatchAsync(CancellationToken cancellationToken)
    {
        await _signal.WaitAsync(cancellationToken);
        lock (_gate)
        {
            var batch = new RefreshBatch([.. _pending], _everything);
            _pending.Clear();
            _everything = false;
            return batch;
        }
    }
}

/// <summary>
/// A region deployment's other sites, as the region host's webhook reaches them: Umbraco sends every webhook to one
/// address, and each id goes to every municipality's sync beside the region site's own. A site ignores an id outside its
/// roots at the cost of one request (<see cref="UmbracoContentSync.RefreshItemsAsync"/>), so a shared page published
/// once is re-read by every site that shows it.
/// </summary>
public sealed class UmbracoSiteQueues(IReadOnlyList<UmbracoRefreshQueue> queues)
{
    public IReadOnlyList<UmbracoRefreshQueue> Queues { get; } = queues;
}
