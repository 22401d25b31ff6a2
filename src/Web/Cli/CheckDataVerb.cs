using System.CommandLine;
using Portal.Application.ContentPipeline;

namespace Portal.Web.Cli;

/// <summary>
/// portal check-data: loads everything exactly as the server does, from content/ or Umbraco, and reports every problem;
/// for a region deployment, every municipality's site and the region's, each line with the site's slug.
/// </summary>
public static class CheckDataVerb
{
    public static Command Command(VerbContext verb)
    {
        var command = new Command("check-data", "load and validate all content (content/ or Umbraco) as serve does; exit 1 on any problem")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (verb.Deployment(parse) is { } region)
            {
                if (region.Deployment is null)
                {
                    return 2;
                }

                var exit = await verb.ForEachSiteAsync(parse, region.Sites, run => Task.FromResult(Report(run.Verb, run.Data, run.Refused.Count)), cancellationToken);
                verb.Output.WriteLine(exit == 0
                    ? $"Data OK for all {region.Sites.Count} sites of {region.Deployment.Name}."
                    : $"{region.Deployment.Name}: a site has problems (said above with its slug); the other sites are not held back by them.");
                return exit;
            }

            using var host = verb.BuildHost(parse);
            if (host is null)
            {
                return 2;
            }

            var load = await verb.LoadAsync(host.Services, cancellationToken);
            return load.Data is { } data ? Report(verb, data, load.Refused.Count) : 1;
        });
        return command;
    }

    /// <summary>Served without the refused items, but not OK: exit 1 so a check before publishing catches them.</summary>
    private static int Report(VerbContext verb, PortalData data, int refused)
    {
        verb.Output.WriteLine(
            $"{(refused == 0 ? "Data OK" : $"Data usable without {refused} refused item(s)")} ({data.Content.Source}): " +
            $"{data.Places.Buurten.Count} buurten in {data.Places.Wijken.Count} wijken, " +
            $"{data.Places.SupportPoints.Count} support points, {data.Places.Pc4Areas.Count()} postcode areas; " +
            $"texts in {string.Join(", ", data.Cultures.All.Select(c => c.Code))}.");
        return refused == 0 ? 0 : 1;
    }
}
