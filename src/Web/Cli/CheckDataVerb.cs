using System.CommandLine;

namespace Portal.Web.Cli;

/// <summary>portal check-data: loads everything exactly as the server does, from content/ or Umbraco, and reports every problem.</summary>
public static class CheckDataVerb
{
    public static Command Command(VerbContext verb)
    {
        var command = new Command("check-data", "load and validate all content (content/ or Umbraco) as serve does; exit 1 on any problem")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((parse, cancellationToken) => verb.WithContentAsync(parse, (_, data) =>
        {
            verb.Output.WriteLine(
                $"Data OK ({data.Content.Source}): {data.Places.Buurten.Count} buurten in {data.Places.Wijken.Count} wijken, " +
                $"{data.Places.SupportPoints.Count} support points, {data.Places.Pc4Areas.Count()} postcode areas; " +
                $"texts in {string.Join(", ", data.Cultures.All.Select(c => c.Code))}.");
            return Task.FromResult(0);
        }, cancellationToken));
        return command;
    }
}
