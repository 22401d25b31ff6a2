namespace Portal.Application.Publishing;

/// <summary>
/// The whole-site rebuilds (a full static export, a print run) of every site in the process take turns, as many at a
/// time as there are cores: a region portal starting with a static copy configured had all seventeen sites export at
/// once (887 MB at the peak), though each export already renders on every core and the card printer prints one
/// document at a time. A status change's re-export of a few pages does not queue behind them. One per deployment: a
/// region's municipality sites are given the region's.
/// </summary>
public sealed class RebuildTurns(int atOnce) : IDisposable
{
    private readonly SemaphoreSlim _turns = new(Math.Max(1, atOnce));

    public RebuildTurns()
        : this(Environment.ProcessorCount)
    {
    }

    /// <summary>Waits for a turn; disposing the result ends it.</summary>
    public async Task<IDisposable> TakeAsync(CancellationToken cancellationToken)
    {
        await _turns.WaitAsync(cancellationToken);
        return new Turn(_turns);
    }

    public void Dispose() => _turns.Dispose();

    private sealed class Turn(SemaphoreSlim turns) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                turns.Release();
            }
        }
    }
}
