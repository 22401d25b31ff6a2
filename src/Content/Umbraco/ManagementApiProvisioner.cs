using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
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
    private const string Api = "umbraco/management/api/v1/";
    private string? _token;
    private DateTimeOffset _tokenExpires;

    public int TokenRequests { get; private set; }

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

        using var existing = await SendAsync(HttpMethod.Get, $"{kind}/{id}", null, cancellationToken);
        var exists = existing.StatusCode == HttpStatusCode.OK;
        if (!exists && existing.StatusCode != HttpStatusCode.NotFound)
        {
            throw await FailureAsync(name, existing, cancellationToken);
        }

        using var response = exists
            ? await SendAsync(HttpMethod.Put, $"{kind}/{id}", body, cancellationToken)
            : await SendAsync(HttpMethod.Post, kind, body, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await FailureAsync(name, response, cancellationToken);
        }

        output.WriteLine($"{(exists ? "updated" : "created")} {kind} '{label}' ({name})");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, Api + path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(renew: attempt > 0, cancellationToken));
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                throw new ProvisioningException($"Umbraco at {http.BaseAddress} did not answer: {e.Message}");
            }

            // A token may expire between our check and Umbraco's; get a new one once.
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0)
            {
                response.Dispose();
                continue;
            }

            return response;
        }
    }

    private async Task<string> TokenAsync(bool renew, CancellationToken cancellationToken)
    {
        if (!renew && _token is not null && time.GetUtcNow() < _tokenExpires)
        {
            return _token;
        }

        TokenRequests++;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        });
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(Api + "security/back-office/token", form, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new ProvisioningException($"Umbraco at {http.BaseAddress} did not answer: {e.Message}");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new ProvisioningException($"Umbraco refused the client credentials ({(int)response.StatusCode}): check the API user '{clientId}' and its secret");
            }

            var token = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            _token = token.GetProperty("access_token").GetString();
            // Renew a little early so a slow request never arrives with an expired token.
            _tokenExpires = time.GetUtcNow().AddSeconds(Math.Max(0, token.GetProperty("expires_in").GetInt32() - 30));
            return _token!;
        }
    }

    private static async Task<ProvisioningException> FailureAsync(string file, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var reason = text;
        try
        {
            using var problem = JsonDocument.Parse(text);
            var root = problem.RootElement;
            var title = root.TryGetProperty("title", out var t) ? t.GetString() : null;
            var detail = root.TryGetProperty("detail", out var d) ? d.GetString() : null;
            var status = root.TryGetProperty("operationStatus", out var o) ? o.GetString() : null;
            reason = string.Join(": ", new[] { status, title, detail }.Where(s => !string.IsNullOrEmpty(s)));
        }
        catch (JsonException)
        {
        }

        return new ProvisioningException($"{file}: Umbraco answered {(int)response.StatusCode} {response.ReasonPhrase}{(reason.Length > 0 ? $" ({reason})" : "")}");
    }
}
