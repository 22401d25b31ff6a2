using System.CommandLine;
using System.Globalization;
using Portal.Application.Coverage;
using Portal.Places.Coverage;

namespace Portal.Web.Cli;

/// <summary>
/// portal coverage --out DIR [--candidates FILE] [--residents-per-point 5000] [--walking-distance 1000]: how well the
/// support points cover the municipality, and an alternative placement beside it, for officers choosing them.
/// </summary>
public static class CoverageVerb
{
    public static Command Command(VerbContext verb)
    {
        var output = new Option<string>("--out") { Description = "the folder to write: report.html, buurten.csv, steunpunten.csv", Required = true };
        var candidates = new Option<string?>("--candidates") { Description = "an alternative placement: a CSV shaped like content/data/support-points.csv" };
        var norm = new Option<int>("--residents-per-point") { Description = "the norm: residents per support point", DefaultValueFactory = _ => 5000 };
        var walking = new Option<int>("--walking-distance") { Description = "the norm: walking distance in metres", DefaultValueFactory = _ => 1000 };
        var command = new Command("coverage", "how well the support points cover the municipality; compare an alternative placement")
        {
            output, candidates, norm, walking,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) =>
        {
            if (parse.GetValue(norm) is < 1 or > 1_000_000 || parse.GetValue(walking) is < 50 or > 50_000)
            {
                verb.Error.WriteLine("portal coverage: --residents-per-point takes 1 to 1,000,000 and --walking-distance 50 to 50,000 (metres)");
                return Task.FromResult(2);
            }

            return verb.WithContentAsync(parse, async (services, data) =>
            {
                try
                {
                    var result = await services.GetRequiredService<CoverageReport>().CompareAsync(data.Places, parse.GetValue(candidates),
                        new CoverageNorms(parse.GetValue(norm), parse.GetValue(walking)), parse.GetValue(output)!);
                    if (result.Problems is { } problems)
                    {
                        verb.Error.WriteLine($"portal coverage: the alternative placement has {problems.Count} problem(s); nothing was written:");
                        foreach (var problem in problems)
                        {
                            verb.Error.WriteLine($"  {problem}");
                        }

                        return 1;
                    }

                    foreach (var s in result.Scenarios)
                    {
                        verb.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"{s.Name}: {s.Points.Count} points (the norm asks {s.PointsByNorm}), mean distance {s.MeanDistanceMeters:0} m, max {s.MaxDistanceMeters:0} m, ~{s.ResidentsWithinShare:P0} of residents within {s.Norms.WalkingMeters:0} m, {s.Points.Count(p => p.Overloaded)} points over the norm"));
                    }

                    verb.Output.WriteLine($"Report: {Path.Combine(result.Folder, "report.html")}");
                    return 0;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    verb.Error.WriteLine($"portal coverage: {e.Message}; nothing was written.");
                    return 1;
                }
            }, cancellationToken);
        });
        return command;
    }
}
