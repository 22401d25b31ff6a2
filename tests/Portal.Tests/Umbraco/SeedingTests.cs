using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Content.Umbraco;
using Portal.Content.Umbraco.Seeding;
using Portal.Web.Cli;

namespace Portal.Tests.Umbraco;

/// <summary>`portal umbraco seed` against a Management API that checks every request body against Umbraco's published OpenAPI schemas.</summary>
public sealed class SeedingTests
{
    private static readonly string Definitions = Path.Combine(TestContent.RepositoryRoot, "umbraco");

    [Fact]
    public async Task The_first_run_creates_and_publishes_every_document_in_every_language()
    {
        var umbraco = new FakeDocumentApi();

        var (exit, output, error) = await Seed(umbraco);

        Assert.True(exit == 0, error);
        Assert.Empty(umbraco.SchemaViolations);
        // 9 pages, settings, card texts and 16 support points; the Home first, every parent before its children.
        Assert.Equal(27, umbraco.Documents.Count);
        Assert.Equal(UmbracoDocument.StableKey("home"), umbraco.Created[0]);
        Assert.All(umbraco.Documents.Values.Where(d => d["parent"] is JsonObject),
            d => Assert.True(umbraco.Created.IndexOf(Guid.Parse(d["parent"]!["id"]!.GetValue<string>())) < umbraco.Created.IndexOf(Guid.Parse(d["id"]!.GetValue<string>()))));
        var noodpakket = umbraco.Documents[UmbracoDocument.StableKey("page:noodpakket")];
        Assert.Equal(["ar", "en-US", "nl-NL", "pl-PL", "tr-TR", "uk-UA"], noodpakket["variants"]!.AsArray().Select(v => v!["culture"]!.GetValue<string>()).Order());
        Assert.Equal(6, umbraco.Published[UmbracoDocument.StableKey("page:noodpakket")].Count);
        Assert.Equal([null], umbraco.Published[UmbracoDocument.StableKey("settings")]);
        Assert.Equal(1, umbraco.TokenRequests);
        Assert.Contains("27 documents published", output);
        Assert.Contains(UmbracoDocument.StableKey("home").ToString(), output);
    }

    [Fact]
    public async Task A_second_run_updates_the_same_documents_instead_of_duplicating()
    {
        var umbraco = new FakeDocumentApi();
        await Seed(umbraco);

        var (exit, output, _) = await Seed(umbraco);

        Assert.Equal(0, exit);
        Assert.Equal(27, umbraco.Documents.Count);
        Assert.Equal(27, umbraco.Updates);
        Assert.Empty(umbraco.SchemaViolations);
        Assert.Contains("0 created, 27 updated", output);
    }

    [Fact]
    public async Task An_Umbraco_refusal_names_the_document_and_the_reason()
    {
        var umbraco = new FakeDocumentApi { Refuse = "supportPoint" };

        var (exit, _, error) = await Seed(umbraco);

        Assert.Equal(1, exit);
        Assert.Matches("supportPoint '[^']+': Umbraco answered 400", error);
        Assert.Contains("DocumentTypeNotFound", error);
    }

    [Fact]
    public async Task A_region_is_one_Home_with_the_pages_written_once_and_one_Home_per_municipality_by_stable_keys()
    {
        var umbraco = new FakeDocumentApi();
        var deployment = Portal.Application.Deployment.RegionDeployment.Load("gelderland-zuid", TestContent.RepositoryContent).Deployment!;
        var types = ContentSeeder.DocumentTypes(Definitions);

        var (exit, output, error) = await Seed(umbraco, "--Portal:Deployment=gelderland-zuid");

        Assert.True(exit == 0, error);
        Assert.Empty(umbraco.SchemaViolations);
        // The roots are the Start-Items the deployment gives its sites: the region's first, then each municipality's.
        var roots = umbraco.Created.Where(id => umbraco.Documents[id]["parent"] is null).Select(id => id.ToString()).ToList();
        Assert.Equal([deployment.UmbracoRegionRoot, .. deployment.Municipalities.Select(deployment.UmbracoRoot)], roots);
        Guid Parent(JsonObject document) => document["parent"] is JsonObject parent ? Guid.Parse(parent["id"]!.GetValue<string>()) : Guid.Empty;
        string Type(JsonObject document) => types.Single(t => t.Value.ToString() == document["documentType"]!["id"]!.GetValue<string>()).Key;
        var regionItems = umbraco.Documents.Values.Where(d => Parent(d) == Guid.Parse(deployment.UmbracoRegionRoot)).Select(Type).ToList();
        // The campaign's pages once, under the region's Home, with its settings and card texts; no support points.
        Assert.Equal(8, regionItems.Count(t => t is "contentPage" or "checklist"));
        Assert.Equal(["cardTexts", "siteSettings"], regionItems.Where(t => t is not ("contentPage" or "checklist")).Order());
        foreach (var municipality in deployment.Municipalities)
        {
            var home = Guid.Parse(deployment.UmbracoRoot(municipality));
            var items = umbraco.Documents.Values.Where(d => Parent(d) == home).Select(Type).ToList();
            var points = File.ReadAllLines(Path.Combine(deployment.MunicipalityFolder(municipality), "support-points.csv")).Count(l => l.Length > 0) - 1;
            // Its own settings and points, no copy of the region's pages; its Home has no title, so it shows the region's home page.
            Assert.Equal(["siteSettings", .. Enumerable.Repeat("supportPoint", points)], items.Order());
            Assert.DoesNotContain(umbraco.Documents[home]["values"]!.AsArray(), v => v!["alias"]!.GetValue<string>() == "title");
            Assert.Contains($"{municipality.Name}: Home {home}", output);
        }

        // Every key is stable (a second run updates the same documents, as A_second_run_… shows for one Home): the Homes'
        // keys are the ones the deployment computes for its sites, and no two roots share a document.
        Assert.Contains($"{umbraco.Documents.Count} documents published", output);
        Assert.Equal(umbraco.Documents.Count, umbraco.Created.Distinct().Count());
    }

    private static async Task<(int Exit, string Output, string Error)> Seed(FakeDocumentApi umbraco, params string[] extra)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        Environment.SetEnvironmentVariable("PORTAL__UMBRACO__CLIENTSECRET", "secret");
        try
        {
            var exit = await PortalCommandLine.RunAsync(
                ["umbraco", "seed", "--url", "https://cms.test", "--client-id", "umbraco-back-office-portal", "--definitions", Definitions,
                    "--content", TestContent.RepositoryContent, .. extra], output, error,
                services => services.AddHttpClient(ManagementApiClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => umbraco));
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable("PORTAL__UMBRACO__CLIENTSECRET", null);
        }
    }

    /// <summary>The Management API's token and document endpoints in memory, validating bodies against the OpenAPI schema excerpt.</summary>
    private sealed class FakeDocumentApi : HttpMessageHandler
    {
        private static readonly JsonObject OpenApi = FakeUmbraco.Fixture("management/openapi-documents.json");

        public ConcurrentDictionary<Guid, JsonObject> Documents { get; } = new();

        public List<Guid> Created { get; } = [];

        public ConcurrentDictionary<Guid, List<string?>> Published { get; } = new();

        public List<string> SchemaViolations { get; } = [];

        public int Updates { get; private set; }

        public int TokenRequests { get; private set; }

        public string? Refuse { get; init; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath.Replace("/umbraco/management/api/v1/", "", StringComparison.Ordinal);
            if (path == "security/back-office/token")
            {
                TokenRequests++;
                return Json(HttpStatusCode.OK, FakeUmbraco.FixtureText("management/token.json"));
            }

            var body = request.Content is null ? null : JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
            var parts = path.Split('/');
            switch (request.Method.Method, parts)
            {
                case ("POST", ["document"]):
                    Check(body!, "CreateDocumentRequestModel", "POST document");
                    if (Refuse is not null && Documents.Count > 0 && IsOfType(body!, Refuse))
                    {
                        return Json(HttpStatusCode.BadRequest, """{"title":"Document type not found","detail":"The document type could not be found.","operationStatus":"DocumentTypeNotFound","status":400}""");
                    }

                    var id = Guid.Parse(body!["id"]!.GetValue<string>());
                    Documents[id] = body;
                    Created.Add(id);
                    return new HttpResponseMessage(HttpStatusCode.Created) { Headers = { { "Umb-Generated-Resource", id.ToString() } } };
                case ("GET", ["document", var key]):
                    return Documents.TryGetValue(Guid.Parse(key), out var found) ? Json(HttpStatusCode.OK, found.ToJsonString()) : new HttpResponseMessage(HttpStatusCode.NotFound);
                case ("PUT", ["document", var key]):
                    Check(body!, "UpdateDocumentRequestModel", "PUT document/{id}");
                    var existing = Documents[Guid.Parse(key)];
                    (existing["values"], existing["variants"]) = (body!["values"]!.DeepClone(), body["variants"]!.DeepClone());
                    Updates++;
                    return new HttpResponseMessage(HttpStatusCode.OK);
                case ("PUT", ["document", var key, "publish"]):
                    Check(body!, "PublishDocumentRequestModel", "PUT document/{id}/publish");
                    Published[Guid.Parse(key)] = [.. body!["publishSchedules"]!.AsArray().Select(s => s!["culture"]?.GetValue<string>())];
                    return new HttpResponseMessage(HttpStatusCode.OK);
                default:
                    return new HttpResponseMessage(HttpStatusCode.NotFound);
            }
        }

        private static bool IsOfType(JsonObject body, string alias)
        {
            var types = ContentSeeder.DocumentTypes(Definitions);
            return body["documentType"]!["id"]!.GetValue<string>() == types[alias].ToString();
        }

        /// <summary>Required properties present, no property the schema does not have, nested models checked too.</summary>
        private void Check(JsonObject body, string schemaName, string where)
        {
            var schema = OpenApi["schemas"]![schemaName]!.AsObject();
            var properties = schema["properties"]!.AsObject();
            foreach (var required in schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
            {
                if (!body.ContainsKey(required))
                {
                    SchemaViolations.Add($"{where}: {schemaName} lacks required '{required}'");
                }
            }

            foreach (var (name, value) in body)
            {
                if (!properties.TryGetPropertyValue(name, out var definition))
                {
                    SchemaViolations.Add($"{where}: {schemaName} has no property '{name}'");
                    continue;
                }

                var reference = definition!["$ref"]?.GetValue<string>() ?? definition["items"]?["$ref"]?.GetValue<string>();
                if (reference is null || value is null || !OpenApi["schemas"]!.AsObject().ContainsKey(reference))
                {
                    continue;
                }

                foreach (var nested in value is JsonArray array ? array.OfType<JsonObject>() : [value.AsObject()])
                {
                    Check(nested, reference, $"{where}.{name}");
                }
            }
        }

        private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
            new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }
}
