using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Portal.Application.Umbraco;
using Portal.Content.Umbraco;

namespace Portal.Web.Endpoints;

/// <summary>POST /hooks/umbraco: Umbraco's publish, unpublish and delete webhooks.</summary>
public static class UmbracoWebhookEndpoint
{
    /// <summary>Umbraco's webhook payloads are a few hundred bytes; a megabyte is far more than any could be.</summary>
    public const long MaxPayloadBytes = 1_000_000;

    public static IEndpointRouteBuilder MapUmbracoWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/hooks/umbraco", ReceiveAsync);
        return app;
    }

    /// <summary>
    /// Authenticated by "Authorization: Bearer &lt;secret&gt;" compared in constant time. The payload (Legacy PascalCase
    /// item, newer camelCase or minimal) is only a hint: the item id is queued and re-read from the Delivery API.
    /// </summary>
    private static async Task<IResult> ReceiveAsync(HttpRequest request, IOptions<UmbracoOptions> options, UmbracoRefreshQueue queue)
    {
        var secret = options.Value.WebhookSecret;
        if (!options.Value.IsConfigured || string.IsNullOrEmpty(secret))
        {
            return Results.Problem(title: "Webhooks are not configured", detail: "Set Portal:Umbraco:BaseUrl and Portal:Umbraco:WebhookSecret.",
                statusCode: StatusCodes.Status404NotFound);
        }

        var header = request.Headers.Authorization.ToString();
        var given = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..].Trim() : "";
        if (!SecretsMatch(given, secret))
        {
            return Results.Problem(title: "Unauthorized", detail: "The webhook secret is missing or wrong.", statusCode: StatusCodes.Status401Unauthorized);
        }

        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxPayloadBytes;
        }

        if (request.ContentLength > MaxPayloadBytes)
        {
            return TooLarge();
        }

        JsonDocument payload;
        try
        {
            payload = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (JsonException e)
        {
            return Results.Problem(title: "Invalid payload", detail: $"The body is not JSON: {e.Message}", statusCode: StatusCodes.Status400BadRequest);
        }

        using (payload)
        {
            var id = FindId(payload.RootElement);
            if (id is null)
            {
                return Results.Problem(title: "Invalid payload", detail: "No content item id (Id, id or key) in the payload.", statusCode: StatusCodes.Status400BadRequest);
            }

            queue.Enqueue(id.Value);
            // On a region host: every municipality's site too (a shared page is shown by all of them).
            foreach (var site in request.HttpContext.RequestServices.GetService<UmbracoSiteQueues>()?.Queues ?? [])
            {
                site.Enqueue(id.Value);
            }

            return Results.Accepted(value: new { id, queued = true });
        }
    }

    private static IResult TooLarge() => Results.Problem(title: "Payload too large",
        detail: $"A webhook payload has at most {MaxPayloadBytes:N0} bytes; Umbraco's are a few hundred.", statusCode: StatusCodes.Status413PayloadTooLarge);

    /// <summary>Hashing first makes the comparison constant-time whatever the lengths.</summary>
    internal static bool SecretsMatch(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private static Guid? FindId(JsonElement root)
    {
        foreach (var name in new[] { "id", "key" })
        {
            if (DeliveryItem.TryGet(root, name, out var value) && value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var id))
            {
                return id;
            }
        }

        // Some payload shapes nest the item ("content": {...}).
        return DeliveryItem.TryGet(root, "content", out var nested) ? FindId(nested) : null;
    }
}
