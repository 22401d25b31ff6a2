using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Portal.Content.Umbraco;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Cli;

namespace Portal.Tests.Umbraco;

public class ProvisioningTests
{
    private static readonly string Definitions = Path.Combine(TestContent.RepositoryRoot, "umbraco");

    [Fact]
    public async Task First_run_creates_everything_in_dependency_order_with_one_token()
    {
        var umbraco = new FakeManagementApi();
        var output = new StringWriter();
        var provisioner = new ManagementApiProvisioner(umbraco.Client(), "umbraco-back-office-portal", "secret", TimeProvider.System, output);

        var count = await provisioner.ProvisionAsync(Definitions, CancellationToken.None);

        Assert.Equal(9, count);
        Assert.Equal(1, provisioner.TokenRequests);
        Assert.Equal(9, umbraco.Created.Count);
        // The checklist-item element type exists before the block list that references it, which exists before the checklist.
        Assert.Equal(["document-type", "data-type", "document-type"], umbraco.CreatedKinds.Take(3));
        Assert.Contains("created document-type 'home' (09-home.json)", output.ToString());
        Assert.All(umbraco.Requests.Where(r => !r.Contains("token", StringComparison.Ordinal)), r => Assert.Contains("Bearer eyJ", r));
    }

    [Fact]
    public async Task A_second_run_updates_instead_of_duplicating()
    {
        var umbraco = new FakeManagementApi();
        await new ManagementApiProvisioner(umbraco.Client(), "umbraco-back-office-portal", "secret", TimeProvider.System, TextWriter.Null)
            .ProvisionAsync(Definitions, CancellationToken.None);
        var output = new StringWriter();

        await new ManagementApiProvisioner(umbraco.Client(), "umbraco-back-office-portal", "secret", TimeProvider.System, output)
            .ProvisionAsync(Definitions, CancellationToken.None);

        Assert.Equal(9, umbraco.Created.Count);
        Assert.Equal(9, umbraco.Updated);
        Assert.Contains("updated document-type 'contentPage'", output.ToString());
    }

    [Fact]
    public async Task An_Umbraco_error_names_the_file_and_the_reason()
    {
        var umbraco = new FakeManagementApi { RejectAlias = "supportPoint" };
        var error = new StringWriter();

        Environment.SetEnvironmentVariable("PORTAL__UMBRACO__CLIENTSECRET", "secret");
        int exit;
        try
        {
            exit = await PortalCommandLine.RunAsync(
                ["umbraco", "provision", "--url", "https://cms.test", "--client-id", "umbraco-back-office-portal", "--definitions", Definitions], TextWriter.Null, error,
                services => services.AddHttpClient(ManagementApiClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => umbraco));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PORTAL__UMBRACO__CLIENTSECRET", null);
        }

        Assert.Equal(1, exit);
        Assert.Contains("05-support-point.json: Umbraco answered 400", error.ToString());
        Assert.Contains("DuplicateAlias", error.ToString());
    }

    [Fact]
    public async Task Wrong_credentials_are_a_clear_error()
    {
        var provisioner = new ManagementApiProvisioner(new FakeManagementApi().Client(), "umbraco-back-office-portal", "wrong", TimeProvider.System, TextWriter.Null);

        var error = await Assert.ThrowsAsync<ProvisioningException>(() => provisioner.ProvisionAsync(Definitions, CancellationToken.None));

        Assert.Contains("refused the client credentials", error.Message);
    }

    [Fact]
    public async Task A_client_id_Umbraco_would_refuse_is_caught_before_any_request()
    {
        var umbraco = new FakeManagementApi();
        var provisioner = new ManagementApiProvisioner(umbraco.Client(), "portal", "secret", TimeProvider.System, TextWriter.Null);

        var error = await Assert.ThrowsAsync<ProvisioningException>(() => provisioner.ProvisionAsync(Definitions, CancellationToken.None));

        Assert.Contains("must start with 'umbraco-back-office-'", error.Message);
        Assert.Empty(umbraco.Requests);
    }

    [Fact]
    public async Task The_secret_is_required_from_the_environment()
    {
        var error = new StringWriter();

        var exit = await PortalCommandLine.RunAsync(["umbraco", "provision", "--url", "https://cms.test", "--client-id", "umbraco-back-office-portal"], TextWriter.Null, error,
            services => services.AddHttpClient(ManagementApiClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new FakeManagementApi()));

        Assert.Equal(2, exit);
        Assert.Contains("PORTAL__UMBRACO__CLIENTSECRET", error.ToString());
    }

    /// <summary>The Management API's token, document-type and data-type endpoints, in memory.</summary>
    private sealed class FakeManagementApi : HttpMessageHandler
    {
        private readonly ConcurrentDictionary<string, string> _store = new();

        public List<string> Created { get; } = [];

        public List<string> CreatedKinds { get; } = [];

        public int Updated { get; private set; }

        public List<string> Requests { get; } = [];

        public string? RejectAlias { get; init; }

        public HttpClient Client() => new(this) { BaseAddress = new Uri("https://cms.test/") };

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add($"{request.Method} {path} {request.Headers.Authorization}");
            if (path.EndsWith("/security/back-office/token", StringComparison.Ordinal))
            {
                return body.Contains("client_secret=secret", StringComparison.Ordinal) && body.Contains("grant_type=client_credentials", StringComparison.Ordinal)
                    ? Json(HttpStatusCode.OK, FakeUmbraco.FixtureText("management/token.json"))
                    : new HttpResponseMessage(HttpStatusCode.BadRequest);
            }

            var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries); // umbraco/management/api/v1/{kind}[/{id}]
            var kind = parts[4];
            var id = parts.Length > 5 ? parts[5] : null;
            if (request.Method == HttpMethod.Get)
            {
                return id is not null && _store.ContainsKey(id) ? Json(HttpStatusCode.OK, _store[id]) : new HttpResponseMessage(HttpStatusCode.NotFound);
            }

            using var document = System.Text.Json.JsonDocument.Parse(body);
            if (RejectAlias is not null && document.RootElement.TryGetProperty("alias", out var alias) && alias.GetString() == RejectAlias)
            {
                return Json(HttpStatusCode.BadRequest, FakeUmbraco.FixtureText("management/problem-duplicate-alias.json"));
            }

            var key = document.RootElement.GetProperty("id").GetString()!;
            if (request.Method == HttpMethod.Post)
            {
                _store[key] = body;
                Created.Add(key);
                CreatedKinds.Add(kind);
                var created = new HttpResponseMessage(HttpStatusCode.Created);
                created.Headers.Add("Umb-Generated-Resource", key);
                return created;
            }

            _store[key] = body;
            Updated++;
            return new HttpResponseMessage(HttpStatusCode.OK);
        }

        private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
            new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }
}
