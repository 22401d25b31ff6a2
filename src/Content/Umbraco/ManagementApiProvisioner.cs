using System.Net;
using System.Text.Json;

namespace Portal.Content.Umbraco;

/// <summary>Why provisioning stopped, naming the definition file and what Umbraco said.</summary>
public sealed class ProvisioningException(string message) : Exception(message);

/// <summary>
/// Creates or updates Portal's data types and document types in an Umbraco instance through the Management API (14+),
/// from the request bodies in umbraco/. Each definition has a stable id: present means update (PUT), absent means create
/// (POST). Authenticates as an API user with client credentials and reuses the token until shortly before it expires.
/// </summary>
public sealed class ManagementApiProvisioner(HttpClient http, string clientId, string clientSecret, TimeProvider time, TextWriter output)
{
    private readonly ManagementApiClient _api = new(http, clientId, clientSecret, time);

    public int TokenRequests => _api.TokenRequests;

    /// <summary>Applies every *.json under data-types/ and document-types/ in file-name order (dependencies first).</summary>
    public async Task<int> ProvisionAsync(string definitionsDirectory, CancellationToken cancellationToken)
    {
        if (!clientId.StartsWith("umbraco-back-office-", StringComparison.Ordinal))
        {
            throw new ProvisioningException($"client id '{clientId}' must start with 'umbraco-back-office-' (Umbraco API users require it)");
        }

        var definitions = new[] { ("data-types", "data-type"), ("document-types", "document-type") }
            .SelectMany(folder => Directory.Exists(Path.Combine(definitionsDirectory, folder.Item1))
                ? Directory.GetFiles(Path.Combine(definitionsDirectory, folder.Item1), "*.json").Select(file => (File: file, Kind: folder.Item2))
                : [])
            .OrderBy(d => Path.GetFileName(d.File), StringComparer.Ordinal)
            .ToList();
        if (definitions.Count == 0)
        {
            throw new ProvisioningException($"no definitions found under {definitionsDirectory}/data-types or /document-types");
        }

        foreach (var (file, kind) in definitions)
        {
            await ApplyAsync(file, kind, cancellationToken);
        }

        return definitions.Count;
    }

    private async Task ApplyAsync(string file, string kind, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(file);
        string body;
        string id;
        string label;
        try
        {
            body = await File.ReadAllTextAsync(file, cancellationToken);
            using var document = JsonDocument.Parse(body);
            id = document.RootElement.GetProperty("id").GetString() ?? throw new KeyNotFoundException("id");
            label = document.RootElement.TryGetProperty("alias", out var alias) ? alias.GetString()! : document.RootElement.GetProperty("name").GetString()!;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ProvisioningException($"{name}: not a valid definition ({e.Message})");
        }

        using var existing = await _api.SendAsync(HttpMethod.Get, $"{kind}/{id}", null, cancellationToken);
        var exists = existing.StatusCode == HttpStatusCode.OK;
        if (!exists && existing.StatusCode != HttpStatusCode.NotFound)
        {
            throw await ManagementApiClient.FailureAsync(name, existing, cancellationToken);
        }

        using var response = exists
            ? await _api.SendAsync(HttpMethod.Put, $"{kind}/{id}", body, cancellationToken)
            : await _api.SendAsync(HttpMethod.Post, kind, body, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ManagementApiClient.FailureAsync(name, response, cancellationToken);
        }

        output.WriteLine($"{(exists ? "updated" : "created")} {kind} '{label}' ({name})");
    }
}
