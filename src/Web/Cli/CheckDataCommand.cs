using Portal.Web.Hosting;

namespace Portal.Web.Cli;

/// <summary>portal check-data: loads everything exactly as the server does and reports every problem.</summary>
public static class CheckDataCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var configuration = PortalConfiguration.Build(args);
        var options = configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        var (data, problems) = PortalData.Load(options.ContentPath, PortalServices.CulturesFrom(configuration));
        if (data is null)
        {
            Report(problems, error);
            return 1;
        }

        output.WriteLine(
            $"Data OK: {data.Places.Buurten.Count} buurten in {data.Places.Wijken.Count} wijken, " +
            $"{data.Places.SupportPoints.Count} support points, {data.Places.Pc4Areas.Count()} postcode areas; " +
            $"texts in {string.Join(", ", data.Cultures.All.Select(c => c.Code))}.");
        return 0;
    }

    public static void Report(IReadOnlyList<Places.Catalog.DataProblem> problems, TextWriter error)
    {
        error.WriteLine($"The content has {problems.Count} problem(s); nothing is served until all are fixed:");
        foreach (var problem in problems)
        {
            error.WriteLine($"  {problem}");
        }
    }
}
