using Microsoft.Extensions.DependencyInjection;
using Portal.Content.Umbraco;
using Portal.Tests.Umbraco;
using Portal.Web.Cli;

namespace Portal.Tests.Web;

public class CommandLineTests
{
    private static readonly string[] UmbracoSettings =
        ["--Portal:Umbraco:BaseUrl=https://cms.test/", "--Portal:Umbraco:ApiKey=test-key", "--Portal:Umbraco:StartItem=nijmegen"];

    [Fact]
    public async Task Check_data_and_content_status_read_Umbraco_when_it_is_configured()
    {
        var umbraco = new FakeUmbraco();
        var (exit, output, error) = await RunWithUmbraco(umbraco, "check-data");
        Assert.True(exit == 0, error);
        Assert.Contains("Data OK (umbraco): 44 buurten in 9 wijken, 1 support points", output);

        (exit, output, _) = await RunWithUmbraco(umbraco, "content", "status");
        Assert.Equal(0, exit);
        Assert.Contains("(umbraco)", output);
        Assert.Matches(@"en\s+noodplan\s+v1\s+v2", output);

        umbraco.Publish("nl", "5a1e0c43-7c2d-4b8e-9f00-000000000005", "activeFrom", "morgen");
        (exit, _, error) = await RunWithUmbraco(umbraco, "check-data");
        Assert.Equal(1, exit);
        Assert.Contains("umbraco, alert 'Stroomstoring' (5a1e0c43-7c2d-4b8e-9f00-000000000005), culture nl, field 'activeFrom': 'morgen' is not a date and time", error);
    }

    [Fact]
    public async Task An_unreachable_Umbraco_is_a_message_and_a_non_zero_exit()
    {
        var (exit, _, error) = await RunWithUmbraco(new FakeUmbraco { Down = true }, "check-data");

        Assert.Equal(1, exit);
        Assert.Contains("Umbraco did not answer", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task The_portal_serves_the_same_whatever_folder_it_is_started_from()
    {
        using var process = new PortalProcess([], workingDirectory: "/");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{process.Port}"), Timeout = TimeSpan.FromSeconds(30) };
        HttpResponseMessage? english = null;
        for (var attempt = 0; attempt < 600 && english is null && !process.HasExited; attempt++)
        {
            try
            {
                english = await http.GetAsync("/en/");
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        Assert.True(english?.StatusCode == System.Net.HttpStatusCode.OK, $"no answer ({process.Log})");
        Assert.Contains("hreflang=\"uk\"", await english!.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Invalid_settings_are_refused_at_start_with_a_message()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await PortalCommandLine.RunAsync(["check-data", "--Portal:PublicBaseUrl=ftp://example.nl/", "--Portal:Cultures:0=nederlands"], output, error);

        Assert.Equal(2, exit);
        Assert.Contains("Portal:PublicBaseUrl: 'ftp://example.nl/' is not an http(s) address", error.ToString());
        Assert.Contains("Portal:Cultures: 'nederlands' is not a language code", error.ToString());

        // Each mistake is one sentence naming the setting, never an exception's name.
        foreach (var (args, message) in new (string[], string)[]
        {
            (["check-data", "--Portal:Umbraco:BaseUrl=ftp://x"], "portal check-data: Portal:Umbraco:BaseUrl: not an http(s) address"),
            (["export-static", "--out", Path.GetTempPath(), "--base-url", "notaurl"], "portal export-static: --base-url 'notaurl' is not an http(s) address"),
        })
        {
            error = new StringWriter();
            exit = await PortalCommandLine.RunAsync(args, TextWriter.Null, error);
            Assert.Equal(2, exit);
            Assert.StartsWith(message, error.ToString());
            Assert.DoesNotContain("Exception", error.ToString());
        }
    }

    [Fact]
    public async Task Content_problems_are_said_in_an_editors_words()
    {
        using var content = new TestContent();
        File.WriteAllText(Path.Combine(content.Root, "status.yml"), "points:\n  gemeentehuis-nijmegen:\n    message: \"Open\"\n");
        content.Replace("data/support-points.csv", "Brandweerkazerne Nijmegen-Centrum,", "Brandweer \"Centrum,");
        var error = new StringWriter();

        var exit = await PortalCommandLine.RunAsync(["check-data", "--content", content.Root], TextWriter.Null, error);

        Assert.Equal(1, exit);
        Assert.Contains("status.yml, line 3: not valid YAML: Invalid cast from 'text' to 'a set of key: value lines'", error.ToString());
        Assert.Contains("support-points.csv, line 3: malformed row (a quote (\") inside a field that is not quoted as a whole: Brandweer \"Centrum;", error.ToString());
        Assert.DoesNotContain("System.", error.ToString());
        Assert.DoesNotContain("BadDataFound", error.ToString());
    }

    [Fact]
    public async Task A_port_in_use_is_one_sentence_and_exit_1()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "portal"),
            ["--urls", $"http://127.0.0.1:{port}"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(1, process.ExitCode);
        Assert.Equal($"portal serve: cannot listen: Failed to bind to address http://127.0.0.1:{port}: address already in use. Stop the program that uses the address, or choose another with --urls http://localhost:5080.",
            error.Trim());
        Assert.DoesNotContain("   at ", await output);
    }

    private static async Task<(int Exit, string Output, string Error)> RunWithUmbraco(FakeUmbraco umbraco, params string[] verb)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await PortalCommandLine.RunAsync([.. verb, "--content", TestContent.RepositoryContent, .. UmbracoSettings], output, error,
            services => services.AddHttpClient<DeliveryApiClient>().ConfigurePrimaryHttpMessageHandler(() => umbraco));
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Check_data_reports_OK_on_the_demo_content()
    {
        var (exit, output, _) = CheckData(TestContent.RepositoryContent);

        Assert.Equal(0, exit);
        Assert.Contains("44 buurten in 9 wijken, 16 support points", output);
    }

    [Fact]
    public void Check_data_lists_every_problem_and_exits_non_zero()
    {
        using var content = new TestContent();
        content.Replace("data/support-points.csv", "obs-de-muze,OBS De Muze,local", "obs-de-muze,OBS De Muze,regional");
        content.Replace("en/ui.yml", "nav.home: \"Home\"\n", "");

        var (exit, _, error) = CheckData(content.Root);

        Assert.Equal(1, exit);
        Assert.Contains("2 problem(s)", error);
        Assert.Contains("support-points.csv, line 6, field 'kind': 'regional' is not one of: coordinating, local", error);
        Assert.Contains("ui.yml, key 'nav.home', field 'nav.home': missing", error);
    }

    [Fact]
    public void Broken_yaml_is_reported_with_its_line()
    {
        using var content = new TestContent();
        content.Replace("nl/ui.yml", "nav.home: \"Home\"", "nav.home: \"Home");

        var (exit, _, error) = CheckData(content.Root);

        Assert.Equal(1, exit);
        Assert.Matches(@"nl/ui\.yml, line \d+: not valid YAML", error);
    }

    [Fact]
    public async Task The_portal_refuses_to_start_on_invalid_data()
    {
        using var content = new TestContent();
        content.Replace("data/support-points.csv", "basisschool-de-wieken,", "obs-de-muze,");
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            var exit = await PortalCommandLine.RunAsync(["--urls", "http://127.0.0.1:0", "--content", content.Root]);

            Assert.Equal(1, exit);
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Contains("duplicate slug 'obs-de-muze'", error.ToString());
    }

    [Fact]
    public async Task A_telemetry_collector_that_is_not_an_address_stops_the_start_with_a_message()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await PortalCommandLine.RunAsync(["--urls", "http://127.0.0.1:0", "--Portal:Telemetry:OtlpEndpoint=collector"], output, error);

        Assert.Equal(1, exit);
        Assert.Contains("Portal:Telemetry:OtlpEndpoint: 'collector' is not an address like http://localhost:4317", error.ToString());
        Assert.DoesNotContain("   at ", error.ToString());
    }

    [Fact]
    public async Task A_print_run_overrun_that_is_not_a_number_or_share_is_refused_before_any_work()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await PortalCommandLine.RunAsync(["cards", "--out", Path.Combine(Path.GetTempPath(), $"portal-cards-{Guid.NewGuid():N}"), "--overrun", "veel"], output, error);

        Assert.Equal(2, exit);
        Assert.Contains("Portal:CardOverrun: 'veel' is not a number of spare cards per buurt (10) or a share of its households (5%)", error.ToString());
    }

    [Fact]
    public async Task An_unknown_command_is_refused_with_usage()
    {
        Assert.Equal(2, await PortalCommandLine.RunAsync(["frobnicate"]));
    }

    private static (int Exit, string Output, string Error) CheckData(string contentPath)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = PortalCommandLine.RunAsync(["check-data", "--content", contentPath], output, error).GetAwaiter().GetResult();
        return (exit, output.ToString(), error.ToString());
    }
}
