using System.CommandLine;
using Portal.Content.Model;

namespace Portal.Web.Cli;

/// <summary>portal content status: which translations are behind the Dutch source, for the translators' worklist.</summary>
public static class ContentStatusVerb
{
    public static Command Command(VerbContext verb)
    {
        var status = new Command("status", "list translations made from an older version of their source page, or missing") { TreatUnmatchedTokensAsErrors = false };
        status.SetAction((parse, cancellationToken) => verb.WithContentAsync(parse, (_, data) =>
        {
            var behind = TranslationStatus.Behind(data.Content, data.Cultures);
            var pages = data.Content.For(data.Cultures.Default).Pages.Count;
            verb.Output.WriteLine($"{pages} pages in {data.Cultures.Default.Code} ({data.Content.Source}); content version {data.Content.Version}.");
            if (behind.Count == 0)
            {
                verb.Output.WriteLine("Every translation is up to date.");
                return Task.FromResult(0);
            }

            verb.Output.WriteLine($"{behind.Count} translation(s) behind the {data.Cultures.Default.Code} source:");
            verb.Output.WriteLine("language  page                 translated from  source now");
            foreach (var item in behind)
            {
                var from = item.TranslatedFrom == 0 ? "missing" : $"v{item.TranslatedFrom}";
                verb.Output.WriteLine($"{item.Culture,-9} {item.Key,-20} {from,-16} v{item.SourceVersion}");
            }

            return Task.FromResult(0);
        }, cancellationToken));
        return new Command("content", "content tools") { status };
    }
}
