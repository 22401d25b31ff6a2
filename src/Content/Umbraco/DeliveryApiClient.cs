using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Portal.Content.Umbraco;

/// <summary>Umbraco could not be read; the message says why in words an operator can act on.</summary>
public sealed class UmbracoUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Reads published content from Umbraco's Content Delivery API v2, per culture: all descendants of the start item in
/// pages, or one item by id. Each request has a timeout and a few retries with back-off for transient failures.
/// </summary>
public sealed partial class DeliveryApiClient
{
    private const int PageSize = 100;
    private readonly HttpClient _http;
    private readonly UmbracoOptions _options;
    private readonly ILogger<DeliveryApiClient> _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public DeliveryApiClient(HttpClient http, IOptions<UmbracoOptions> options, ILogger<DeliveryApiClient> logger)
    {
        _http = http;
        _options = options.Value;
        _logger = logger;
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = _options.Retries,
                Delay = TimeSpan.FromMilliseconds(200),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => r.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500),
            })
            .AddTimeout(_options.Timeout)
            .Build();
    }

    /// <summary>The start item and all its descendants in one culture, in Umbraco's sort order.</summary>
    public async Task<IReadOnlyList<DeliveryItem>> GetAllAsync(string culture, CancellationToken cancellationToken)
    {
        var items = new List<DeliveryItem>();
        if (await GetItemAsync(_options.StartItem, culture, cancellationToken) is { } root)
        {
            items.Add(root);
        }

        // Advance by what the server returned, not by what was asked: a server may cap the page size.
        for (var skip = 0; ;)
        {
            var query = $"content?fetch=descendants:{Uri.EscapeDataString(_options.StartItem)}&sort=sortOrder:asc&skip={skip}&take={PageSize}&expand=properties[$all]";
            using var document = await GetJsonAsync(query, culture, cancellationToken)
                ?? throw new UmbracoUnavailableException($"the content query answered 404 ({query})");
            var page = document.RootElement;
            var total = DeliveryItem.TryGet(page, "total", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt32() : 0;
            var batch = DeliveryItem.TryGet(page, "items", out var list) && list.ValueKind == JsonValueKind.Array ? list : default;
            var count = 0;
            foreach (var raw in batch.ValueKind == JsonValueKind.Array ? batch.EnumerateArray() : default)
            {
                count++;
                if (DeliveryItem.Parse(raw) is { } item)
                {
                    items.Add(item);
                }
                else
                {
                    LogUnreadableItem(_logger, culture);
                }
            }

            skip += count;
            if (count == 0 || skip >= total)
            {
                return items;
            }
        }
    }

    /// <summary>One item by GUID or path; null when Umbraco answers 404 (unpublished, deleted, or not in this culture).</summary>
    public async Task<DeliveryItem?> GetItemAsync(string idOrPath, string culture, CancellationToken cancellationToken)
    {
        var path = Guid.TryParse(idOrPath, out var id) ? id.ToString() : string.Join('/', idOrPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString));
        using var document = await GetJsonAsync($"content/item/{path}?expand=properties[$all]", culture, cancellationToken);
        return document is null ? null : DeliveryItem.Parse(document.RootElement);
    }

    private async Task<JsonDocument?> GetJsonAsync(string relative, string culture, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(async token =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_http.BaseAddress!, $"umbraco/delivery/api/v2/{relative}"));
                request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(_options.UmbracoCulture(culture)));
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                if (!string.IsNullOrEmpty(_options.ApiKey))
                {
                    request.Headers.Add("Api-Key", _options.ApiKey);
                }

                if (!string.IsNullOrEmpty(_options.StartItem))
                {
                    request.Headers.Add("Start-Item", _options.StartItem);
                }

                return await _http.SendAsync(request, token);
            }, cancellationToken);
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
