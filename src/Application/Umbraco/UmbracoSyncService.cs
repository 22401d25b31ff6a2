using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Portal.Content.Umbraco;

namespace Portal.Application.Umbraco;

/// <summary>
/// In the background, so the port opens at once whatever Umbraco does: first a full read, then webhooks in batches (all that arrived while the last batch was read),
/// and between them the cheap periodic check (Portal:Umbraco:CheckInterval).
/// </summary>
public sealed class UmbracoSyncService(UmbracoContentSync sync, UmbracoRefreshQueue queue, IOptions<UmbracoOptions> options, TimeProvider time) : BackgroundService
{
    /// <summary>How long a batch waits for more webhooks of the same burst; a publish is live this much later at most.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsConfigured)
        {
            return;
        }

        await Task.Yield();
        await sync.ReadAllAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(options.Value.CheckInterval);
            RefreshBatch batch;
            try
            {
                batch = await queue.ReadBatchAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                await sync.CheckForChangesAsync(stoppingToken);
                continue;
            }

            if (!batch.Everything && batch.Ids.Count > 0)
            {
                // Umbraco sends a webhook per item of a publish with descendants or a bulk action: let the burst finish
                // arriving, so it is one batch (and one build) rather than many.
                await Task.Delay(Settle, time, stoppingToken);
                batch = queue.TakeMore(batch);
            }

            if (batch.Everything)
            {
                await sync.ReadAllAsync(stoppingToken);
            }
            else if (batch.Ids.Count > 0)
            {
                await sync.RefreshItemsAsync(batch.Ids, stoppingToken);
            }
        }
    }
}
