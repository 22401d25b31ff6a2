using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Portal.Content.Umbraco;

/// <summary>
/// Umbraco's Management API (14+) as an API user with client credentials: the token is fetched once and reused until
/// shortly before it expires, renewed once when Umbraco says it has expired; failures name what Umbraco said.
/// </summary>
public sealed class ManagementApiClient(HttpClient http, string clientId, string clientSecret, TimeProvider time)
{
    /// <summary>The named HttpClient the CLI uses for the Management API.</summary>
    public const string HttpClientName = "umbraco-management";

    private const string Api = "umbraco/management/api/v1/";
    private string? _token;
    private DateTimeOffset _tokenExpires;

    public int TokenRequests { get; private set; }

    public Uri? BaseAddress => http.BaseAddress;

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body, CancellationToken cancellationToken)
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

    public static async Task<ProvisioningException> FailureAsync(string file, HttpResponseMessage response, CancellationToken cancellationToken)
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
