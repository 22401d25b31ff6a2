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
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = verb.BuildHost(parse);
            if (host is null)
            {
                return 2;
            }

            var load = await verb.LoadAsync(host.Services, cancellationToken);
            if (load.Data is not { } data)
            {
                return 1;
            }

            // Served without the refused items, but not OK: exit 1 so a check before publishing catches them.
            verb.Output.WriteLine(
                $"{(load.Refused.Count == 0 ? "Data OK" : $"Data usable without {load.Refused.Count} refused item(s)")} ({data.Content.Source}): " +
                $"{data.Places.Buurten.Count} buurten in {data.Places.Wijken.Count} wijken, " +
                $"{data.Places.SupportPoints.Count} support points, {data.Places.Pc4Areas.Count()} postcode areas; " +
                $"texts in {string.Join(", ", data.Cultures.All.Select(c => c.Code))}.");
            return load.Refused.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
