using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Portal.Content.Umbraco;

namespace Portal.Application.Umbraco;

/// <summary>
/// In the background, so the port opens at once whatever Umbraco does: first a full read, then webhooks in batches (all that arrived while the last batch was read),
/// and between them the cheap periodic check (Portal:Umbraco:CheckInterval).
/// </summary>
public sealed class UmbracoSyncService(UmbracoContentSync sync, UmbracoRefreshQueue queue, IOptions<UmbracoOptions> options) : BackgroundService
{
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
