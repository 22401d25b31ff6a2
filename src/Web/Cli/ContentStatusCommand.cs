using Portal.Content.Model;
using Portal.Web.Hosting;

namespace Portal.Web.Cli;

/// <summary>portal content status: which translations are behind the Dutch source, for the translators' worklist.</summary>
public static class ContentStatusCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var configuration = PortalConfiguration.Build(args);
        var options = configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        var cultures = PortalServices.CulturesFrom(configuration);
        var (data, problems) = PortalData.Load(options.ContentPath, cultures);
        if (data is null)
        {
            CheckDataCommand.Report(problems, error);
            return 1;
        }

        var behind = TranslationStatus.Behind(data.Content, cultures);
        var pages = data.Content.For(cultures.Default).Pages.Count;
        output.WriteLine($"{pages} pages in {cultures.Default.Code}; content version {data.Content.Version}.");
        if (behind.Count == 0)
        {
            output.WriteLine("Every translation is up to date.");
            return 0;
        }

        output.WriteLine($"{behind.Count} translation(s) behind the {cultures.Default.Code} source:");
        output.WriteLine("language  page                 translated from  source now");
        foreach (var item in behind)
        {
            var from = item.TranslatedFrom == 0 ? "missing" : $"v{item.TranslatedFrom}";
            output.WriteLine($"{item.Culture,-9} {item.Key,-20} {from,-16} v{item.SourceVersion}");
        }

        return 0;
    }
}
