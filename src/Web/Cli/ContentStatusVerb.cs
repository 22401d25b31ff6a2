using System.CommandLine;
using Portal.Content.Model;

namespace Portal.Web.Cli;

/// <summary>portal content status: which translations are behind the Dutch source, for the translators' worklist.</summary>
public static class ContentStatusVerb
{
    public static Command Command(VerbContext verb)
    {
        var status = new Command("status", "list refused items (why, and a link to fix each in Umbraco) and translations made from an older version of their source page, or missing")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        status.SetAction(async (parse, cancellationToken) =>
        {
            if (verb.Deployment(parse) is { } region)
            {
                return region.Deployment is null ? 2
                    : await verb.ForEachSiteAsync(parse, region.Sites, run => Task.FromResult(Report(run.Verb, run.Services, run.Data, run.Refused)), cancellationToken);
            }

            using var host = verb.BuildHost(parse);
            if (host is null)
            {
                return 2;
            }

            var load = await verb.LoadAsync(host.Services, cancellationToken);
            return load.Data is { } data ? Report(verb, host.Services, data, load.Refused) : 1;
        });
        return new Command("content", "content tools") { status };
    }

    private static int Report(VerbContext verb, IServiceProvider services, Portal.Application.ContentPipeline.PortalData data,
        IReadOnlyList<Portal.Application.ContentPipeline.ItemRefusal> refused)
    {
        var behind = TranslationStatus.Behind(data.Content, data.Cultures);
        var pages = data.Content.For(data.Cultures.Default).Pages.Count;
        verb.Output.WriteLine($"{pages} pages in {data.Cultures.Default.Code} ({data.Content.Source}); content version {data.Content.Version}.");
        var overview = services.GetRequiredService<Portal.Application.Editors.EditorsOverview>();
        verb.Output.WriteLine(refused.Count == 0 ? "Nothing refused." : $"{refused.Count} item(s) refused (left out of this run; a running portal keeps the last good version where it has one):");
        foreach (var item in refused)
        {
            verb.Output.WriteLine($"  {item.Place}{(overview.EditUrl(item.Item) is { } url ? $"  {url}" : "")}");
            foreach (var problem in item.Problems)
            {
                verb.Output.WriteLine($"    {(problem.Field.Length == 0 ? "" : $"{problem.Field}: ")}{Portal.Application.Editors.EditorReason.Of(problem).Dutch}");
            }

            if (item.Because.Count > 0)
            {
                verb.Output.WriteLine($"    because {string.Join(", ", item.Because)} was refused");
            }
        }

        foreach (var rebuild in overview.Report().Rebuilds)
        {
            verb.Output.WriteLine($"Rebuilt {rebuild.What}: {(rebuild.Succeeded is { } at ? $"{at:u} (content version {rebuild.Version}; {rebuild.Result})" : "not yet")}"
                + (rebuild.Failed is { } failed ? $"; last failed {failed:u}: {rebuild.Reason}" : ""));
        }

        if (behind.Count == 0)
        {
            verb.Output.WriteLine("Every translation is up to date.");
            return 0;
        }

        verb.Output.WriteLine($"{behind.Count} translation(s) behind the {data.Cultures.Default.Code} source:");
        verb.Output.WriteLine("language  page                 translated from  source now");
        foreach (var item in behind)
        {
            var from = item.TranslatedFrom == 0 ? "missing" : $"v{item.TranslatedFrom}";
            verb.Output.WriteLine($"{item.Culture,-9} {item.Key,-20} {from,-16} v{item.SourceVersion}");
        }

        return 0;
    }
}
