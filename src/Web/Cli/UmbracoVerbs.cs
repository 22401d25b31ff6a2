using System.CommandLine;
using Portal.Application.Umbraco;
using Portal.Content.Umbraco;
using Portal.Content.Umbraco.Seeding;

namespace Portal.Web.Cli;

/// <summary>
/// portal umbraco provision | seed --url URL --client-id ID [--Portal:Deployment=REGION]: sets up an Umbraco instance
/// through its Management API (for a region deployment, its multi-site tree: the region's Home and one per municipality). The
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
        Configure(provision, verb, async (setup, parse, cancellationToken) =>
        {
            var count = await setup.ProvisionAsync(parse.GetValue(definitions) ?? Definitions, verb.Output, cancellationToken);
            verb.Output.WriteLine($"{count} definitions applied to {setup.Address}. Next: `portal umbraco seed`, then see umbraco/README.md (Delivery API, API key, cultures, webhook).");
            return 0;
        });
        var seed = new Command("seed", "create or update the demo content (content/) in Umbraco, in every language, and publish it");
        var seedDefinitions = new Option<string?>("--definitions") { Description = "folder with document-types/ (default: umbraco/ beside the binary)" };
        seed.Add(seedDefinitions);
        Configure(seed, verb, async (setup, parse, cancellationToken) =>
        {
            var result = await setup.SeedAsync(parse.GetValue(seedDefinitions) ?? Definitions, verb.Output, cancellationToken);
            if (result.Problems.Count > 0)
            {
                verb.Report(result.Problems);
                verb.Error.WriteLine("portal umbraco seed: the content is not valid; nothing was sent to Umbraco");
                return 1;
            }

            verb.Output.WriteLine($"{result.Documents} documents published to {setup.Address}: {result.Created} created, {result.Updated} updated.");
            if (result.Roots.Count > 1)
            {
                // A region: the deployment gives every site its root by these keys unless deployment.yml names others.
                foreach (var (site, key) in result.Roots)
                {
                    verb.Output.WriteLine($"  {site}: Home {key}");
                }

                verb.Output.WriteLine("Next: serve with the same --Portal:Deployment; each site reads its Home (Start-Item) and the region's. See umbraco/README.md.");
            }
            else
            {
                verb.Output.WriteLine($"Next: set Portal:Umbraco:StartItem to {UmbracoDocument.StableKey("home")} (the Home), then see umbraco/README.md.");
            }
            return 0;
        });
        return new Command("umbraco", "set up an Umbraco instance for Portal") { provision, seed };
    }

    private static string Definitions => Path.Combine(AppContext.BaseDirectory, "umbraco");

    private static void Configure(Command command, VerbContext verb, Func<UmbracoSetup, ParseResult, CancellationToken, Task<int>> work)
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
            using var host = verb.BuildHost(parse, settings);
            if (host is null)
            {
                return 2;
            }

            var setup = host.Services.GetRequiredService<UmbracoSetup>();
            if (setup.MissingSettings() is { Count: > 0 } missing)
            {
                verb.Error.WriteLine($"portal {name}: missing {string.Join(", ", missing)}");
                return 2;
            }

            try
            {
                return await work(setup, parse, cancellationToken);
            }
            catch (ProvisioningException e)
            {
                verb.Error.WriteLine($"portal {name}: {e.Message}");
                return 1;
            }
        });
    }
}
