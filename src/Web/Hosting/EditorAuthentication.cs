using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Portal.Web.Hosting;

/// <summary>
/// Section Portal:Editors: who may open the editors' page (/redactie). Closed until configured. Passwords and the key come
/// from the environment (PORTAL__EDITORS__USERS__anna=…), never from a file in the repository.
/// </summary>
public sealed class EditorsOptions
{
    public const string Section = "Portal:Editors";

    /// <summary>Officer name to password: the browser asks for both (HTTP Basic, over the site's HTTPS).</summary>
    public IDictionary<string, string> Users { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>For monitoring: "Authorization: Bearer &lt;key&gt;" reads /redactie/status.json.</summary>
    public string? MonitoringKey { get; set; }
}

/// <summary>
/// ASP.NET Core authentication for the editors' page: HTTP Basic for officers (every browser asks for name and password by
/// itself, no script, no cookie to protect from cross-site requests) and a bearer key for monitoring. Secrets are compared
/// as hashes in constant time.
/// </summary>
public sealed class EditorAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder,
    IOptions<EditorsOptions> editors) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "Editors";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            }
            catch (FormatException)
            {
                return Task.FromResult(AuthenticateResult.Fail("not base64"));
            }

            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            var (name, password) = colon < 0 ? (decoded, "") : (decoded[..colon], decoded[(colon + 1)..]);
            // The same work whether or not the name is known: the answer's timing does not tell which names exist.
            var known = editors.Value.Users.TryGetValue(name, out var expected);
            return Task.FromResult(Matches(password, expected ?? Guid.NewGuid().ToString()) && known && expected!.Length > 0
                ? Success(name, "officer") : AuthenticateResult.Fail("wrong name or password"));
        }

        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && editors.Value.MonitoringKey is { Length: > 0 } key)
        {
            return Task.FromResult(Matches(header[7..].Trim(), key) ? Success("monitoring", "monitoring") : AuthenticateResult.Fail("wrong key"));
        }

        return Task.FromResult(AuthenticateResult.NoResult());
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"Portal redactie\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }

    private AuthenticateResult Success(string name, string role) => AuthenticateResult.Success(new AuthenticationTicket(
        new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], SchemeName)), SchemeName));

    private static bool Matches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
