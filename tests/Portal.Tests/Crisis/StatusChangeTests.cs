using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Application.Statuses;
using Portal.Content.Files;
using Portal.Web.Cli;

namespace Portal.Tests.Crisis;

/// <summary>
/// Officers change points at the same moment in a crisis, from several terminals: no change may overwrite another, and a
/// change that could not be written says so.
/// </summary>
public sealed class StatusChangeTests : IDisposable
{
    private static readonly string[] Points = File.ReadLines(Path.Combine(TestContent.RepositoryContent, "data", "support-points.csv"))
        .Skip(1).Select(line => line.Split(',')[0]).Take(10).ToArray();

    private readonly TestContent _content = new();

    private string StatusFile => Path.Combine(_content.Root, "status.yml");

    [Fact]
    public async Task Ten_officers_changing_ten_points_at_once_lose_no_change()
    {
        // The portal binary, as officers run it: one process each, started together.
        Assert.Equal(10, Points.Length);
        var binary = Path.Combine(AppContext.BaseDirectory, "portal");
        var processes = Points.Select(point => Process.Start(new ProcessStartInfo(binary)
        {
            ArgumentList = { "status", "set", point, "closed", "--message", $"nl=Dicht: {point}", "--content", _content.Root },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!).ToList();
        foreach (var process in processes)
        {
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, error);
        }

        var points = TestPortal.Load(_content.Root).Places.SupportPoints.ToDictionary(p => p.Slug);
        Assert.All(Points, point => Assert.Equal(Portal.Places.SupportPointState.Closed, points[point].Status.State));
    }

    [Fact]
    public async Task A_change_that_cannot_get_the_file_says_so_and_writes_nothing()
    {
        var before = File.ReadAllText(StatusFile);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var services = TestPortal.Services(_content.Root, configure: s => s.AddSingleton<TimeProvider>(time));
        var statuses = services.GetRequiredService<SupportPointStatuses>();

        // Another officer's change holds the file (a hung terminal, say) for longer than a change may wait.
        using (await FileLock.AcquireAsync(StatusFile, TimeSpan.Zero, TimeProvider.System))
        {
            var change = statuses.SetAsync(new StatusChange(Points[0], "open", null, null, null));
            while (!change.IsCompleted)
            {
                time.Advance(TimeSpan.FromSeconds(1));
                await Task.Delay(5);
            }

            var result = await change;
            Assert.Equal(StatusChangeOutcome.Busy, result.Outcome);
            Assert.Contains("another status change held", result.Reason);
        }

        Assert.Equal(before, File.ReadAllText(StatusFile));
        Assert.Equal(StatusChangeOutcome.Written, (await statuses.SetAsync(new StatusChange(Points[0], "open", null, null, null))).Outcome);
    }

    [Fact]
    public async Task An_empty_message_is_refused_and_an_emptied_file_is_named()
    {
        var (exit, _, error) = await Cli("status", "set", Points[0], "open", "--message", "nl=");
        Assert.Equal(2, exit);
        Assert.Contains("empty nl message", error);

        (exit, _, error) = await Cli("status", "set", Points[0], "open", "--message", "nl=Open tot \u202E22.00 uur");
        Assert.Equal(1, exit);
        Assert.Contains("message.nl", error);
        Assert.Contains("U+202E", error);

        // A file cut off to nothing: the change is written, and the officer hears that every other point is on standby.
        File.WriteAllText(StatusFile, "");
        (exit, var output, error) = await Cli("status", "set", Points[0], "open");
        Assert.True(exit == 0, error);
        Assert.Contains("listed no points before this change", output);
    }

    [Fact]
    public async Task A_message_that_looks_like_a_formula_stays_text_in_the_open_data_csv()
    {
        var formulas = new[] { "=HYPERLINK(\"https://evil.example\")", "@SUM(1+1)", "+31 24 329 9999", "-1 plek vrij" };
        foreach (var (point, formula) in Points.Zip(formulas))
        {
            var (exit, _, error) = await Cli("status", "set", point, "open", "--message", $"nl={formula}");
            Assert.True(exit == 0, error);
        }

        var data = TestPortal.Load(_content.Root);
        var csv = Application.OpenData.SupportPointOpenData.Files(data, new Uri("https://noodsteunpunt.example/"), "cc0", DateTimeOffset.UtcNow)
            .Single(f => f.Path.EndsWith(".csv", StringComparison.Ordinal));
        using var reader = new CsvHelper.CsvReader(new StringReader(System.Text.Encoding.UTF8.GetString(csv.Bytes)), System.Globalization.CultureInfo.InvariantCulture);
        var messages = reader.GetRecords<dynamic>().Select(r => (string)((IDictionary<string, object>)r).Values.OfType<string>().FirstOrDefault(v => formulas.Any(f => v.EndsWith(f, StringComparison.Ordinal)))!)
            .Where(m => m is not null).ToList();
        Assert.Equal(formulas.Select(f => "'" + f).Order(), messages.Order());
    }

    private async Task<(int Exit, string Output, string Error)> Cli(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PortalCommandLine.RunAsync([.. args, "--content", _content.Root], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public void Dispose() => _content.Dispose();
}
