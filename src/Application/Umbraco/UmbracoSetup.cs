using Microsoft.Extensions.Options;
using Portal.Content.Umbraco;
using Portal.Content.Umbraco.Seeding;
using Portal.Places.Catalog;

namespace Portal.Application.Umbraco;

/// <summary>What seeding sent: the documents, how many were new, and the content problems that stopped it (then nothing was sent).</summary>
public sealed record SeedResult(int Documents, int Created, int Updated, IReadOnlyList<DataProblem> Problems);

/// <summary>
/// Setting up an Umbraco instance for Portal through its Management API: Portal's document types (provision), then the
/// demo content of content/ in every language (seed). The connection comes from Portal:Umbraco (BaseUrl, ClientId and
/// the ClientSecret, from configuration or the environment only).
/// </summary>
public sealed class UmbracoSetup(IHttpClientFactory httpClients, IOptions<UmbracoOptions> options, ContentPipeline.ContentPipeline pipeline, TimeProvider time)
{
    /// <summary>The settings a set-up needs that are missing, named as an operator gives them.</summary>
    public IReadOnlyList<string> MissingSettings()
    {
        var umbraco = options.Value;
        return [.. new[] { ("--url or Portal:Umbraco:BaseUrl", umbraco.BaseUrl?.ToString()), ("--client-id or Portal:Umbraco:ClientId", umbraco.ClientId),
                ("PORTAL__UMBRACO__CLIENTSECRET", umbraco.ClientSecret) }
            .Where(setting => string.IsNullOrWhiteSpace(setting.Item2)).Select(setting => setting.Item1)];
    }

    public Uri Address => options.Value.BaseUrl!;

    /// <summary>Creates or updates the data and document types in <paramref name="definitions"/>; returns how many.</summary>
    public Task<int> ProvisionAsync(string definitions, TextWriter progress, CancellationToken cancellationToken) =>
        new ManagementApiProvisioner(Http(), options.Value.ClientId!, options.Value.ClientSecret!, time, progress).ProvisionAsync(definitions, cancellationToken);

    /// <summary>Creates or updates, by stable keys, every document of content/ as published documents.</summary>
    public async Task<SeedResult> SeedAsync(string definitions, TextWriter progress, CancellationToken cancellationToken)
    {
        var (draft, load) = pipeline.ReadContentFolder();
        if (load.Data is null || load.Problems.Count > 0)
        {
            // Seeding writes what content/ holds, refused items too: only content without a problem is sent.
            return new SeedResult(0, 0, 0, load.Problems);
        }

        var documents = DemoDocuments.From(draft, load.Data.Places.SupportPoints, load.Data.Cultures);
        var api = new ManagementApiClient(Http(), options.Value.ClientId!, options.Value.ClientSecret!, time);
        var (created, updated) = await new ContentSeeder(api, ContentSeeder.DocumentTypes(definitions), options.Value.UmbracoCulture, progress)
            .SeedAsync(documents, cancellationToken);
        return new SeedResult(documents.Count, created, updated, []);
    }

    private HttpClient Http()
    {
        var http = httpClients.CreateClient(ManagementApiClient.HttpClientName);
        http.BaseAddress = new Uri(Address.ToString().TrimEnd('/') + "/");
        return http;
    }
}
