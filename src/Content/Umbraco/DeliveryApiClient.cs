using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace Portal.Content.Umbraco;

/// <summary>Umbraco could not be read; the message says why in words an operator can act on.</summary>
public sealed class UmbracoUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Reads published content from Umbraco's Content Delivery API v2, per culture: all descendants of the site's start
/// items in pages (in a region, its own root and the shared or municipalities' roots it reads), or one item by id. Timeouts and retries come from the HTTP client's resilience handler (registered with it).
/// </summary>
public sealed partial class DeliveryApiClient(HttpClient http, IOptions<UmbracoOptions> options, ILogger<DeliveryApiClient> logger)
{
    public const int PageSize = 100;

    /// <summary>More than any municipality publishes: a server that keeps paging past it is answering wrongly.</summary>
    private const int MaxItems = 20_000;

    private readonly UmbracoOptions _options = options.Value;

    /// <summary>
    /// Every root the site reads (<see cref="UmbracoRoots.ReadOrder"/>: one for a single municipality) and all their
    /// descendants in one culture, root by root, each in Umbraco's sort order.
    /// </summary>
    public async Task<IReadOnlyList<DeliveryItem>> GetAllAsync(string culture, CancellationToken cancellationToken)
    {
        var items = new List<DeliveryItem>();
        foreach (var root in _options.Roots.ReadOrder)
        {
            await ReadRootAsync(root, culture, items, cancellationToken);
        }

        return items;
    }

    /// <summary>One start item and its descendants, asked with that root as the Start-Item.</summary>
    private async Task ReadRootAsync(string root, string culture, List<DeliveryItem> items, CancellationToken cancellationToken)
    {
        if (await GetItemAsync(root, culture, cancellationToken, startItem: root) is { } home)
        {
            items.Add(home);
        }

        // Advance by what the server returned, not by what was asked: a server may cap the page size.
        for (var skip = 0; skip < MaxItems;)
        {
            var query = $"content?fetch=descendants:{Uri.EscapeDataString(root)}&sort=sortOrder:asc&skip={skip}&take={PageSize}&expand=properties[$all]";
            using var document = await GetJsonAsync(query, culture, cancellationToken, startItem: root)
                ?? throw new UmbracoUnavailableException($"the content query answered 404 ({query})");
            var page = document.RootElement;
            var total = DeliveryItem.TryGet(page, "total", out var t) && t.ValueKind == JsonValueKind.Number && t.TryGetInt32(out var n) ? n : 0;
            var batch = DeliveryItem.TryGet(page, "items", out var list) && list.ValueKind == JsonValueKind.Array ? list : default;
            var count = 0;
            foreach (var raw in batch.ValueKind == JsonValueKind.Array ? batch.EnumerateArray() : default)
            {
                count++;
                if (DeliveryItem.Parse(raw) is not { } item)
                {
                    LogUnreadableItem(logger, culture);
                }
                else if (!items.Exists(i => i.Id == item.Id && i.Raw.GetRawText() == item.Raw.GetRawText()))
                {
                    // Items shift between pages while editors publish: one read may see an item twice. A second, different
                    // item with the same id is kept, for the mapper to report.
                    items.Add(item);
                }
            }

            skip += count;
            if (count == 0 || skip >= total)
            {
                return;
            }
        }

        throw new UmbracoUnavailableException($"the content query kept paging past {MaxItems} items; is Start-Item right?");
    }

    /// <summary>
    /// A cheap fingerprint of what is published: how many descendants under every root, and the newest update. When it
    /// differs from what is served, something was published, unpublished or deleted without a webhook reaching this instance.
    /// </summary>
    public async Task<(int Total, DateTimeOffset Newest)> FingerprintAsync(string culture, CancellationToken cancellationToken)
    {
        var (total, newest) = (0, DateTimeOffset.UnixEpoch);
        foreach (var start in _options.Roots.ReadOrder)
        {
            var query = $"content?fetch=descendants:{Uri.EscapeDataString(start)}&sort=updateDate:desc&skip=0&take=1";
            using var document = await GetJsonAsync(query, culture, cancellationToken, startItem: start)
                ?? throw new UmbracoUnavailableException($"the content query answered 404 ({query})");
            var root = document.RootElement;
            total += DeliveryItem.TryGet(root, "total", out var t) && t.ValueKind == JsonValueKind.Number && t.TryGetInt32(out var n) ? n : 0;
            var rootNewest = DeliveryItem.TryGet(root, "items", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(DeliveryItem.Parse).OfType<DeliveryItem>().Select(i => i.UpdateDate).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max()
                : DateTimeOffset.UnixEpoch;
            newest = rootNewest > newest ? rootNewest : newest;
        }

        return (total, newest);
    }

    /// <summary>One item by GUID or path; null when Umbraco answers 404 (unpublished, deleted, or not in this culture).</summary>
    /// <param name="preview">The latest saved draft instead of the published version ("Preview: true", which needs the API key):
    /// only for the officers' preview, never for what residents are served.</param>
    /// <param name="startItem">The root a path is resolved under; default the site's own.</param>
    public async Task<DeliveryItem?> GetItemAsync(string idOrPath, string culture, CancellationToken cancellationToken, bool preview = false, string? startItem = null)
    {
        var path = Guid.TryParse(idOrPath, out var id) ? id.ToString() : string.Join('/', idOrPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString));
        using var document = await GetJsonAsync($"content/item/{path}?expand=properties[$all]", culture, cancellationToken, preview, startItem);
        return document is null ? null : DeliveryItem.Parse(document.RootElement);
    }

    private async Task<JsonDocument?> GetJsonAsync(string relative, string culture, CancellationToken cancellationToken, bool preview = false, string? startItem = null)
    {
        startItem ??= _options.StartItem;
        HttpResponseMessage response;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(http.BaseAddress!, $"umbraco/delivery/api/v2/{relative}"));
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(_options.UmbracoCulture(culture)));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (!string.IsNullOrEmpty(_options.ApiKey))
            {
                request.Headers.Add("Api-Key", _options.ApiKey);
            }

            if (preview)
            {
                request.Headers.Add("Preview", "true");
            }

            if (!string.IsNullOrEmpty(startItem))
            {
                request.Headers.Add("Start-Item", startItem);
            }

            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new UmbracoUnavailableException($"Umbraco did not answer ({e.GetType().Name}: {e.Message})", e);
        }

        using (response)
        {
            switch (response.StatusCode)
            {
                case HttpStatusCode.NotFound:
                    return null;
                case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                    throw new UmbracoUnavailableException($"Umbraco refused the API key ({(int)response.StatusCode}); check Portal:Umbraco:ApiKey and the Delivery API's PublicAccess/ApiKey settings");
                case >= HttpStatusCode.BadRequest:
                    throw new UmbracoUnavailableException($"Umbraco answered {(int)response.StatusCode} {response.ReasonPhrase} for {relative}");
            }

            try
            {
                return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            }
            catch (JsonException e)
            {
                throw new UmbracoUnavailableException($"Umbraco's answer for {relative} is not valid JSON: {e.Message}", e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped an item without id or contentType in culture {Culture}")]
    private static partial void LogUnreadableItem(ILogger logger, string culture);
}
