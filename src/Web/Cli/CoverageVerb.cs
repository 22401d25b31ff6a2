using System.CommandLine;
using System.Globalization;
using Portal.Application.Coverage;
using Portal.Places.Coverage;

namespace Portal.Web.Cli;

/// <summary>
/// portal coverage --out DIR [--candidates FILE] [--residents-per-point 5000] [--walking-distance 1000]: how well the
/// support points cover the municipality, and an alternative placement beside it, for officers choosing them. With a
/// region deployment: a report per municipality in DIR/{slug}/ and the region's (every buurt and point) in DIR/{region}/.
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

            var norms = new CoverageNorms(parse.GetValue(norm), parse.GetValue(walking));
            if (verb.Deployment(parse) is { } region)
            {
                if (region.Deployment is null)
                {
                    return Task.FromResult(2);
                }

                // An alternative placement belongs to one site; one file for all seventeen would compare every site with it.
                if (parse.GetValue(candidates) is not null)
                {
                    verb.Error.WriteLine("portal coverage: --candidates is not supported with --Portal:Deployment yet (each site would be compared with the same placement); run the region's report without it");
                    return Task.FromResult(2);
                }

                return verb.ForEachSiteAsync(parse, region.Sites, run =>
                    ReportAsync(run.Verb, run.Services, run.Data, null, norms, Path.Combine(parse.GetValue(output)!, run.Site.Slug)), cancellationToken);
            }

            return verb.WithContentAsync(parse, (services, data) => ReportAsync(verb, services, data, parse.GetValue(candidates), norms, parse.GetValue(output)!), cancellationToken);
        });
        return command;
    }

    private static async Task<int> ReportAsync(VerbContext verb, IServiceProvider services, Portal.Application.ContentPipeline.PortalData data, string? candidates,
        CoverageNorms norms, string folder)
    {
        try
        {
            var result = await services.GetRequiredService<CoverageReport>().CompareAsync(data.Places, candidates, norms, folder);
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
    }
}
