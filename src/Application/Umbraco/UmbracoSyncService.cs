using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Portal.Content.Umbraco;

namespace Portal.Application.Umbraco;

/// <summary>
/// In the background, so the port opens at once whatever Umbraco does: first a full read, then webhooks as they come,
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
            Guid id;
            try
            {
                id = await queue.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                await sync.CheckForChangesAsync(stoppingToken);
                continue;
            }

            await sync.RefreshItemAsync(id, stoppingToken);
        }
    }
}
