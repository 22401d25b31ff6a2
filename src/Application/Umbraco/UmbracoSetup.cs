using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Portal.Application.ContentPipeline;
using Portal.Application.Deployment;
using Portal.Content.Drafts;
using Portal.Content.Umbraco;
using Portal.Content.Umbraco.Seeding;
using Portal.Places.Catalog;

namespace Portal.Application.Umbraco;

/// <summary>What seeding sent: the documents, how many were new, and the content problems that stopped it (then nothing was sent).</summary>
public sealed record SeedResult(int Documents, int Created, int Updated, IReadOnlyList<DataProblem> Problems)
{
    /// <summary>Each root seeded (a region's Home, then each municipality's) and its key, the Start-Item its site reads.</summary>
    public IReadOnlyList<(string Site, Guid Key)> Roots { get; init; } = [];
}

/// <summary>
/// Setting up an Umbraco instance for Portal through its Management API: Portal's document types (provision), then the
/// demo content of content/ in every language (seed): one Home, or with Portal:Deployment a region's Home and one per
/// municipality. The connection comes from Portal:Umbraco (BaseUrl, ClientId and
/// the ClientSecret, from configuration or the environment only).
/// </summary>
public sealed class UmbracoSetup(IHttpClientFactory httpClients, IOptions<UmbracoOptions> options, IOptions<PortalOptions> portal,
    IConfiguration configuration, ContentPipeline.ContentPipeline pipeline, TimeProvider time)
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

    /// <summary>
    /// Creates or updates, by stable keys, every document of content/ as published documents. With Portal:Deployment, a
    /// region's multi-site tree: the region's Home with the pages written once, its settings and card texts, then a Home
    /// per municipality with its settings, support points and statuses, alerts, and only the pages it has itself.
    /// </summary>
    public async Task<SeedResult> SeedAsync(string definitions, TextWriter progress, CancellationToken cancellationToken)
    {
        var roots = Documents();
        if (roots.Problems.Count > 0)
        {
            // Seeding writes what content/ holds, refused items too: only content without a problem is sent.
            return new SeedResult(0, 0, 0, roots.Problems);
        }

        var api = new ManagementApiClient(Http(), options.Value.ClientId!, options.Value.ClientSecret!, time);
        var seeder = new ContentSeeder(api, ContentSeeder.DocumentTypes(definitions), options.Value.UmbracoCulture, progress);
        var (created, updated) = (0, 0);
        foreach (var (_, documents) in roots.Trees)
        {
            var (c, u) = await seeder.SeedAsync(documents, cancellationToken);
            (created, updated) = (created + c, updated + u);
        }

        return new SeedResult(roots.Trees.Sum(t => t.Documents.Count), created, updated, [])
        {
            Roots = [.. roots.Trees.Select(t => (t.Site, t.Documents[0].Key))],
        };
    }

    /// <summary>What `seed` sends, root by root (the first document of each is its Home); nothing when content/ has a problem.</summary>
    public (IReadOnlyList<(string Site, IReadOnlyList<UmbracoDocument> Documents)> Trees, IReadOnlyList<DataProblem> Problems) Documents() =>
        portal.Value.IsRegion ? RegionRoots() : SingleRoot();

    private (IReadOnlyList<(string Site, IReadOnlyList<UmbracoDocument> Documents)> Trees, IReadOnlyList<DataProblem> Problems) SingleRoot()
    {
        var (draft, load) = pipeline.ReadContentFolder();
        return load.Data is null || load.Problems.Count > 0
            ? ([], load.Problems)
            : ([("Home", DemoDocuments.From(draft, load.Data.Places.SupportPoints, load.Data.Cultures))], []);
    }

    /// <summary>Every site of the deployment read from content/ as it serves it, then cut into the roots of the tree.</summary>
    private (IReadOnlyList<(string Site, IReadOnlyList<UmbracoDocument> Documents)> Trees, IReadOnlyList<DataProblem> Problems) RegionRoots()
    {
        var region = portal.Value;
        var (deployment, loadProblems) = RegionDeployment.Load(region.Deployment!, region.ContentPath);
        if (deployment is null)
        {
            return ([], [.. loadProblems.Select(p => new DataProblem(RegionDeployment.FileName, "", "", p))]);
        }

        var cultures = pipeline.Cultures;
        // Every site read as it is served, side by side (each reads its own rows of the region's geography).
        var sites = deployment.Municipalities.Select(m => (Municipality?)m).Prepend(null).AsParallel().AsOrdered().Select(municipality =>
        {
            var (site, sitePipeline) = Site(municipality is null
                ? deployment.SettingsForRegion(region, options.Value.SnapshotPath)
                : deployment.SettingsFor(municipality, region, options.Value.SnapshotPath));
            var (draft, load) = sitePipeline.ReadContentFolder();
            return (Municipality: municipality, Own: site.ContentPath, Draft: draft, Load: load);
        }).ToList();
        var problems = sites.SelectMany(s => s.Load.Problems).ToList();
        if (problems.Count > 0 || sites.Any(s => s.Load.Data is null))
        {
            return ([], problems);
        }

        var trees = sites.Select(s => s.Municipality is not { } municipality
            // The region's own points are its municipalities': they go under each municipality's Home, not the region's.
            ? (deployment.Name, DemoDocuments.From(s.Draft, [], cultures, new SeedRoot(deployment.UmbracoScope(null), deployment.Slug, deployment.Name)))
            : (municipality.Name, DemoDocuments.From(OwnOnly(s.Draft, s.Own), s.Load.Data!.Places.SupportPoints, cultures,
                new SeedRoot(deployment.UmbracoScope(municipality), municipality.Slug, municipality.Name)))).ToList();
        return (trees, []);

        (PortalOptions Options, ContentPipeline.ContentPipeline Pipeline) Site(Dictionary<string, string?> settings)
        {
            var options = new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(settings).Build()
                .GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
            return (options, new ContentPipeline.ContentPipeline(options.ContentFolders(), options.GeographyFiles(), cultures));
        }
    }

    /// <summary>A municipality's draft without what it shows from the shared layers: only the page and card files of its own folder.</summary>
    private static ContentDraft OwnOnly(ContentDraft draft, string own) => draft with
    {
        ByCulture = draft.ByCulture.ToDictionary(c => c.Key, c => c.Value with
        {
            Pages = [.. c.Value.Pages.Where(p => File.Exists(Path.Combine(own, c.Key, Content.Markdown.MarkdownContentSource.PagesFolder, p.Key + ".md")))],
            Card = File.Exists(Path.Combine(own, c.Key, Content.Markdown.MarkdownContentSource.CardFile)) ? c.Value.Card : null,
        }, StringComparer.Ordinal),
    };

    private HttpClient Http()
    {
        var http = httpClients.CreateClient(ManagementApiClient.HttpClientName);
        http.BaseAddress = new Uri(Address.ToString().TrimEnd('/') + "/");
        return http;
    }
}
