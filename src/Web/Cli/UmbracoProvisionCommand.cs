using Portal.Content.Umbraco;

namespace Portal.Web.Cli;

/// <summary>
/// portal umbraco provision [--url URL] [--client-id ID] [--definitions DIR]: creates or updates Portal's document types
/// in an Umbraco instance. The client secret comes only from configuration or the environment
/// (PORTAL__UMBRACO__CLIENTSECRET), never from the command line, where other users could read it.
/// </summary>
public static class UmbracoProvisionCommand
{
    private static readonly Dictionary<string, string> Switches = new()
    {
        ["--url"] = "Portal:Umbraco:BaseUrl",
        ["--client-id"] = "Portal:Umbraco:ClientId",
        ["--definitions"] = "Portal:Umbraco:Definitions",
    };

    /// <param name="settings">Extra configuration (tests); real runs use appsettings, the environment and the command line.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, HttpMessageHandler? handler = null,
        IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var configuration = PortalConfiguration.Build(args, Switches, settings);
        var url = configuration["Portal:Umbraco:BaseUrl"];
        var clientId = configuration["Portal:Umbraco:ClientId"];
        var secret = configuration["Portal:Umbraco:ClientSecret"];
        var definitions = configuration["Portal:Umbraco:Definitions"] ?? Path.Combine(AppContext.BaseDirectory, "umbraco");
        var missing = new[] { ("--url or Portal:Umbraco:BaseUrl", url), ("--client-id or Portal:Umbraco:ClientId", clientId), ("PORTAL__UMBRACO__CLIENTSECRET", secret) }
            .Where(x => string.IsNullOrWhiteSpace(x.Item2)).Select(x => x.Item1).ToList();
        if (missing.Count > 0 || !Uri.TryCreate(url, UriKind.Absolute, out var baseUrl))
        {
            error.WriteLine($"portal umbraco provision: missing or invalid {string.Join(", ", missing.DefaultIfEmpty("--url (not an absolute URL)"))}");
            return 2;
        }

        using var http = new HttpClient(handler ?? new HttpClientHandler(), disposeHandler: handler is null)
        {
            BaseAddress = new Uri(baseUrl.ToString().TrimEnd('/') + "/"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        try
        {
            var provisioner = new ManagementApiProvisioner(http, clientId!, secret!, TimeProvider.System, output);
            var count = await provisioner.ProvisionAsync(definitions, CancellationToken.None);
            output.WriteLine($"{count} definitions applied to {baseUrl}. Next: see umbraco/README.md (Delivery API, API key, cultures, webhook).");
            return 0;
        }
        catch (ProvisioningException e)
        {
            error.WriteLine($"portal umbraco provision: {e.Message}");
            return 1;
        }
    }
}
