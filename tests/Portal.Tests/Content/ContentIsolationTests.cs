using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Application.ContentPipeline;
using Portal.Tests.Web;
using Portal.Web.Cli;

namespace Portal.Tests.Content;

/// <summary>
/// The same rule for content/ as for Umbraco: a broken file or entry keeps its last good version (or stays out), every
/// other page, alert and status is served, and the refusal stays reported until it is fixed.
/// </summary>
public sealed class ContentIsolationTests : IDisposable
{
    private const string Alerts = """
        alerts:
          - id: "storing"
            severity: "warning"
            active-from: "2026-01-01T00:00:00+01:00"
            text:
              nl: "Eerste melding"
          - id: "storing"
            severity: "danger"
            active-from: "2026-01-01T00:00:00+01:00"
            text:
              nl: "Tweede melding met hetzelfde id"
          - id: "omgekeerd"
            severity: "info"
            active-from: "2026-02-01T00:00:00+01:00"
            active-until: "2026-01-01T00:00:00+01:00"
            text:
              nl: "Eindigt voor het begint"
        """;

    private readonly TestContent _content = new();
    private readonly List<PortalFactory> _factories = [];

    [Fact]
    public void A_broken_page_leaves_out_that_page_and_its_translations_and_serves_the_rest()
    {
        _content.Replace("nl/pages/drinkwater.md", "title: \"Drinkwater bij een storing\"\n", "");

        var load = new ContentPipeline(_content.Root, TestPortal.Cultures).LoadContentFolder();

        Assert.NotNull(load.Data);
        var dutch = load.Data.Content.For(TestPortal.Cultures.Default);
        Assert.Null(dutch.Find("drinkwater"));
        Assert.NotNull(dutch.Find("noodplan"));
        var cause = Assert.Single(load.Refused, r => r.Because.Count == 0);
        Assert.Contains("drinkwater.md", cause.Place);
        Assert.Equal("title", Assert.Single(cause.Problems).Field);
        // Its translations are refused because of it, and say so.
        Assert.Equal(TestPortal.Cultures.All.Count - 1, load.Refused.Count(r => r.Because.Count == 1 && r.Because[0].Contains("drinkwater.md", StringComparison.Ordinal)));
    }

    [Fact]
    public void Two_alerts_with_one_id_and_an_alert_that_ends_before_it_starts_are_refused_not_guessed()
    {
        _content.Replace("site.yml", "alerts: []", Alerts);

        var load = new ContentPipeline(_content.Root, TestPortal.Cultures).LoadContentFolder();

        var alerts = load.Data!.Content.For(TestPortal.Cultures.Default).Alerts;
        Assert.Equal("Eerste melding", Assert.Single(alerts).Text);
        Assert.Contains(load.Refused, r => r.ToString().Contains("alert 'storing' (2), field 'id': 'storing' is the id of 2 alerts", StringComparison.Ordinal));
        Assert.Contains(load.Refused, r => r.ToString().Contains("alert 'omgekeerd', field 'active-until'", StringComparison.Ordinal)
            && r.ToString().Contains("is not after active-from", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_running_portal_keeps_the_last_good_page_serves_other_edits_and_reports_until_fixed()
    {
        var client = Start().CreateClient();
        Assert.Equal("Maak een noodplan", Title(await client.GetStringAsync("/noodplan")));

        var page = Path.Combine(_content.Root, "nl", "pages", "noodplan.md");
        File.WriteAllText(page, File.ReadAllText(page).Replace("title: \"Maak een noodplan\"", "title: \"Nieuw noodplan\"", StringComparison.Ordinal)
            .Replace("step: noodplan", "step: halverwege", StringComparison.Ordinal)); // one save: never valid in between
        // Each re-read of content/ validates everything and rebuilds six search indexes: beside the whole suite on two
        // cores that took longer than the default 10 s (a fresh-clone CI run). The wait ends as soon as the change shows.
        await Eventually.TrueAsync(async () => (await Refused(client)).Count > 0, 60);
        Assert.Equal("Maak een noodplan", Title(await client.GetStringAsync("/noodplan")));
        var refused = Assert.Single(await Refused(client), r => r.GetProperty("because").GetArrayLength() == 0);
        Assert.True(refused.GetProperty("lastGoodServed").GetBoolean());
        Assert.Contains("field 'step': 'halverwege' is not one of", refused.GetProperty("problems")[0].GetString());

        // Another page's edit goes live; the refusal stays.
        _content.Replace("nl/pages/drinkwater.md", "title: \"Drinkwater bij een storing\"", "title: \"Drinkwater als het misgaat\"");
        await Eventually.TrueAsync(async () => Title(await client.GetStringAsync("/drinkwater")) == "Drinkwater als het misgaat", 60);
        Assert.Contains(await Refused(client), r => r.GetProperty("place").GetString()!.Contains("noodplan.md", StringComparison.Ordinal));

        // Fixed: the new version is live and nothing is refused.
        _content.Replace("nl/pages/noodplan.md", "step: halverwege", "step: noodplan");
        await Eventually.TrueAsync(async () => Title(await client.GetStringAsync("/noodplan")) == "Nieuw noodplan", 60);
        Assert.Empty(await Refused(client));
        Assert.Equal("ok", (await client.GetFromJsonAsync<JsonElement>("/health")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_command_line_verbs_work_with_the_valid_items_and_check_data_still_fails()
    {
        _content.Replace("nl/pages/drinkwater.md", "title: \"Drinkwater bij een storing\"\n", "");

        var (exit, output, error) = await Run("content", "status");
        Assert.True(exit == 0, error);
        Assert.Contains("pages in nl", output);
        Assert.Contains("item(s) refused; the rest is used", error);
        Assert.Contains("drinkwater.md, front matter, field 'title': is required", error);

        (exit, output, error) = await Run("check-data");
        Assert.Equal(1, exit);
        Assert.Contains("Data usable without", output);
        Assert.Contains("drinkwater.md", error);
    }

    private async Task<(int Exit, string Output, string Error)> Run(params string[] verb)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await PortalCommandLine.RunAsync([.. verb, "--content", _content.Root], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private PortalFactory Start()
    {
        var factory = new PortalFactory { ContentPath = _content.Root };
        _factories.Add(factory);
        return factory;
    }

    private static async Task<List<JsonElement>> Refused(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/health")).GetProperty("refused").EnumerateArray()];

    private static string Title(string html) => html.Split("<h1 class=\"utrecht-heading-1\">")[1].Split("</h1>")[0];

    public void Dispose()
    {
        foreach (var factory in _factories)
        {
            factory.Dispose();
        }

        _content.Dispose();
    }
}
