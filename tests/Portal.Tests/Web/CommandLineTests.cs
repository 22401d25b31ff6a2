using Portal.Web.Cli;

namespace Portal.Tests.Web;

public class CommandLineTests
{
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
