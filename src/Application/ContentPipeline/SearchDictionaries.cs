using Microsoft.Extensions.Hosting;
using Portal.Search.Analysis;

namespace Portal.Application.ContentPipeline;

/// <summary>
/// Reads the Hunspell dictionaries (seconds) in the background after the port has opened, then builds the search index
/// again with Polish and Ukrainian stemming; until then those languages are matched as written.
/// </summary>
public sealed class SearchDictionaries(PortalDataStore store) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await LanguageAnalyzers.LoadDictionariesAsync().WaitAsync(stoppingToken);
        store.RebuildSearch();
    }
}
