using System.CommandLine;
using Microsoft.Extensions.Options;
using Portal.Application.ContentPipeline;
using Portal.Content.Umbraco;
using Portal.Content.Umbraco.Seeding;

namespace Portal.Web.Cli;

/// <summary>
/// portal umbraco provision | seed --url URL --client-id ID: sets up an Umbraco instance through its Management API. The
/// client secret comes only from configuration or the environment (PORTAL__UMBRACO__CLIENTSECRET), never from the
/// command line, where other users could read it.
/// </summary>
public static class UmbracoVerbs
{
    public static Command Command(VerbContext verb)
    {
        var provision = new Command("provision", "create or update Portal's document types in Umbraco");
        var definitions = new Option<string?>("--definitions") { Description = "folder with data-types/ and document-types/ (default: umbraco/ beside the binary)" };
        provision.Add(definitions);
        Configure(provision, verb, async (api, services, parse, cancellationToken) =>
        {
            var folder = parse.GetValue(definitions) ?? Path.Combine(AppContext.BaseDirectory, "umbraco");
            var provisioner = new ManagementApiProvisioner(api.Http, api.ClientId, api.Secret, TimeProvider.System, verb.Output);
            var count = await provisioner.ProvisionAsync(folder, cancellationToken);
            verb.Output.WriteLine($"{count} definitions applied to {api.Http.BaseAddress}. Next: `portal umbraco seed`, then see umbraco/README.md (Delivery API, API key, cultures, webhook).");
        });
        var seed = new Command("seed", "create or update the demo content (content/) in Umbraco, in every language, and publish it");
        var seedDefinitions = new Option<string?>("--definitions") { Description = "folder with document-types/ (default: umbraco/ beside the binary)" };
        seed.Add(seedDefinitions);
        Configure(seed, verb, async (api, services, parse, cancellationToken) =>
        {
            var (draft, load) = services.GetRequiredService<ContentPipeline>().ReadContentFolder();
            if (load.Data is null)
            {
                verb.Report(load.Problems);
                throw new ProvisioningException("the content is not valid; nothing was sent to Umbraco");
            }

            var types = ContentSeeder.DocumentTypes(parse.GetValue(seedDefinitions) ?? Path.Combine(AppContext.BaseDirectory, "umbraco"));
            var documents = DemoDocuments.From(draft, load.Data.Places.SupportPoints, load.Data.Cultures);
            var umbraco = services.GetRequiredService<IOptions<UmbracoOptions>>().Value;
            var seeder = new ContentSeeder(new ManagementApiClient(api.Http, api.ClientId, api.Secret, TimeProvider.System), types, umbraco.UmbracoCulture, verb.Output);
            var (created, updated) = await seeder.SeedAsync(documents, cancellationToken);
            verb.Output.WriteLine($"{documents.Count} documents published to {api.Http.BaseAddress}: {created} created, {updated} updated. " +
                $"Next: set Portal:Umbraco:StartItem to {UmbracoDocument.StableKey("home")} (the Home), then see umbraco/README.md.");
        });
        return new Command("umbraco", "set up an Umbraco instance for Portal") { provision, seed };
    }

    /// <summary>The Management API connection both verbs need, from --url, --client-id and the secret in the environment.</summary>
    private sealed record ManagementConnection(HttpClient Http, string ClientId, string Secret);

    private static void Configure(Command command, VerbContext verb, Func<ManagementConnection, IServiceProvider, ParseResult, CancellationToken, Task> work)
    {
        var url = new Option<string?>("--url") { Description = "the Umbraco instance (default: Portal:Umbraco:BaseUrl)" };
        var clientId = new Option<string?>("--client-id") { Description = "the API user's client id, umbraco-back-office-… (default: Portal:Umbraco:ClientId)" };
        command.Add(url);
        command.Add(clientId);
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new Dictionary<string, string?>();
            if (parse.GetValue(url) is { } given)
            {
                settings["Portal:Umbraco:BaseUrl"] = given;
            }

            if (parse.GetValue(clientId) is { } id)
            {
                settings["Portal:Umbraco:ClientId"] = id;
            }

            var name = $"umbraco {command.Name}";
            using (var host = verb.BuildHost(parse, settings))
            {
                if (host is null)
                {
                    return 2;
                }

                var options = host.Services.GetRequiredService<IOptions<UmbracoOptions>>().Value;
                var (baseUrl, client, secret) = (options.BaseUrl, options.ClientId, options.ClientSecret);
                var missing = new[] { ("--url or Portal:Umbraco:BaseUrl", baseUrl?.ToString()), ("--client-id or Portal:Umbraco:ClientId", client), ("PORTAL__UMBRACO__CLIENTSECRET", secret) }
                    .Where(x => string.IsNullOrWhiteSpace(x.Item2)).Select(x => x.Item1).ToList();
                if (missing.Count > 0 || baseUrl is not { IsAbsoluteUri: true })
                {
                    verb.Error.WriteLine($"portal {name}: missing or invalid {string.Join(", ", missing.DefaultIfEmpty("--url (not an absolute URL)"))}");
                    return 2;
                }

                var http = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(ManagementApiClient.HttpClientName);
                http.BaseAddress = new Uri(baseUrl.ToString().TrimEnd('/') + "/");
                try
                {
                    await work(new ManagementConnection(http, client!, secret!), host.Services, parse, cancellationToken);
                    return 0;
                }
                catch (ProvisioningException e)
                {
                    verb.Error.WriteLine($"portal {name}: {e.Message}");
                    return 1;
                }
            }
        });
    }
}
