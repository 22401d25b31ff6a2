using System.CommandLine;
using System.Globalization;
using Portal.Application.ContentPipeline;
using Portal.Application.Deployment;
using Portal.Application.Statuses;
using Portal.Content.Model;
using Portal.Places;
using Portal.Places.Catalog;

namespace Portal.Web.Cli;

/// <summary>
/// portal status: the live status of every support point. portal status set SLUG STATE [--services …] [--message nl=…]
/// [--backup SLUG|none]: for a municipality without Umbraco, changes content/status.yml through
/// <see cref="SupportPointStatuses"/>; a running portal picks it up by itself. With a region deployment: every
/// municipality's points with their municipality, and a change written to the status.yml of the municipality that owns
/// the point.
/// </summary>
public static class StatusVerb
{
    public static Command Command(VerbContext verb)
    {
        var list = new Command("status", "the live status of every support point; `status set` changes one") { TreatUnmatchedTokensAsErrors = false };
        list.SetAction(async (parse, cancellationToken) =>
        {
            if (verb.Deployment(parse) is { } region)
            {
                // The region's site reads every municipality's status.yml: one load lists them all.
                return region.Deployment is not { } deployment ? 2
                    : await verb.WithContentAsync(parse, (_, data) => Task.FromResult(List(verb, data, deployment)), cancellationToken, RegionSite(region).Settings.ToDictionary());
            }

            return await verb.WithContentAsync(parse, (_, data) => Task.FromResult(List(verb, data, null)), cancellationToken);
        });

        var slug = new Argument<string>("slug") { Description = "the support point (its slug, as in its page's address)" };
        var state = new Argument<string>("status") { Description = "standby, open, full or closed" };
        state.AcceptOnlyFromAmong([.. KebabTokens<SupportPointState>.ByToken.Keys]);
        var services = new Option<string?>("--services") { Description = "what it offers now, e.g. information,drinking-water (default: unchanged while the status stays, else its usual services)" };
        var messages = new Option<string[]>("--message") { Description = "a short message for residents, per language: --message \"nl=Open tot 22.00 uur\" (repeat per language; without a language code: Dutch)", AllowMultipleArgumentsPerToken = false };
        var backup = new Option<string?>("--backup") { Description = "where to send residents when this point is full or closed (a slug; none: the nearest open point)" };
        var set = new Command("set", "change one support point's status") { slug, state, services, messages, backup };
        set.TreatUnmatchedTokensAsErrors = false;
        set.SetAction((parse, cancellationToken) => SetAsync(verb, parse, new StatusChange(parse.GetValue(slug)!, parse.GetValue(state)!,
            parse.GetValue(services) is { } list ? list.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null,
            null, parse.GetValue(backup) is { } named ? named == "none" ? "" : named : null), parse.GetValue(messages) ?? [], cancellationToken));
        list.Add(set);
        return list;
    }

    private static DeploymentSite RegionSite(DeploymentSites region) => region.Sites.Single(s => s.IsRegion);

    /// <param name="region">With a region deployment: a column with each point's municipality (its slug, as in `status set`'s file).</param>
    private static int List(VerbContext verb, PortalData data, RegionDeployment? region)
    {
        var municipality = region is null ? "" : $"{"municipality",-18} ";
        verb.Output.WriteLine($"{municipality}{"support point",-40} {"status",-8} {"changed",-17} {"checked",-17} message ({data.Cultures.Default.Code})");
        foreach (var point in data.Places.SupportPoints)
        {
            var status = point.Status;
            var owner = region is null ? "" : $"{(point.MunicipalityCode is { } code ? region.Owner(code)?.Slug : null) ?? "-",-18} ";
            verb.Output.WriteLine($"{owner}{point.Slug,-40} {KebabCase.Of(status.State),-8} {Time(status.ChangedAt),-17} {Time(status.CheckedAt),-17} {status.Messages.GetValueOrDefault(data.Cultures.Default.Code)}");
        }

        return 0;
    }

    /// <summary>
    /// With a region deployment: the settings of the municipality that owns the point (its status.yml is written, under
    /// that file's lock); null, after saying why, when no municipality has it.
    /// </summary>
    private static (int Exit, IReadOnlyDictionary<string, string?>? Settings) Owner(VerbContext verb, DeploymentSites region, string slug)
    {
        if (region.Deployment is not { } deployment)
        {
            return (2, null);
        }

        if (deployment.OwnerOfPoint(slug) is not { } owner)
        {
            verb.Error.WriteLine($"portal status set: no municipality of {deployment.Name} has a support point '{slug}'; `portal status --Portal:Deployment={deployment.Slug}` lists them.");
            return (2, null);
        }

        return (0, region.Sites.Single(s => s.Municipality == owner).Settings);
    }

    private static async Task<int> SetAsync(VerbContext verb, ParseResult parse, StatusChange request, string[] messages, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, string?>? site = null;
        if (verb.Deployment(parse) is { } region)
        {
            (var exit, site) = Owner(verb, region, request.Slug);
            if (site is null)
            {
                return exit;
            }
        }

        using var host = verb.BuildHost(parse, site);
        if (host is null)
        {
            return 2;
        }

        var parsedMessages = ParseMessages(messages, host.Services.GetRequiredService<Content.Cultures.CultureSet>().Default.Code, out var messageError);
        if (messageError is not null)
        {
            verb.Error.WriteLine($"portal status set: {messageError}");
            return 2;
        }

        var result = await host.Services.GetRequiredService<SupportPointStatuses>().SetAsync(request with { Messages = parsedMessages }, cancellationToken);
        var file = result.File;
        switch (result.Outcome)
        {
            case StatusChangeOutcome.UmbracoOwnsStatuses:
                verb.Error.WriteLine("portal status set: this portal reads Umbraco (Portal:Umbraco:BaseUrl is set); change the status on the support point in Umbraco, which publishes it to every channel.");
                return 2;
            case StatusChangeOutcome.FileUnreadable:
                verb.Error.WriteLine($"portal status set: not changed; {result.Problems![0]}. Repair the file first: the other points' statuses are in it.");
                return 1;
            case StatusChangeOutcome.Refused:
                verb.Error.WriteLine($"portal status set: not changed; with this change the status file would have {result.Problems!.Count} problem(s):");
                foreach (var problem in result.Problems)
                {
                    verb.Error.WriteLine($"  {problem}");
                }

                return 1;
            case StatusChangeOutcome.Busy:
                verb.Error.WriteLine($"portal status set: not changed; {result.Reason}. Run the command again.");
                return 1;
            case StatusChangeOutcome.NotWritten:
                verb.Error.WriteLine($"portal status set: cannot write {file}: {result.Reason}; nothing was changed.");
                return 1;
        }

        verb.Output.WriteLine($"{request.Slug}: {request.State}{(result.Confirmed ? " (confirmed)" : $" (was {result.Previous})")} at {Time(result.At)}."
            + (result.Backup is { } named && request.State is "full" or "closed" ? $" Residents are sent to {named} while it is open, else to the nearest open point." : ""));
        if (result.WasEmpty)
        {
            verb.Output.WriteLine($"Note: {file} listed no points before this change; every other point is on standby. Set the others again if that is not so.");
        }

        verb.Output.WriteLine($"Written to {file}; a running portal serves it by itself.");
        return 0;
    }

    /// <summary>"nl=Open tot 22.00 uur" per language; a message without a language code is the default language's.</summary>
    private static Dictionary<string, string>? ParseMessages(string[] messages, string defaultCulture, out string? error)
    {
        error = null;
        if (messages.Length == 0)
        {
            return null;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            var match = System.Text.RegularExpressions.Regex.Match(message, "^([a-z]{2,3})=(.*)$", System.Text.RegularExpressions.RegexOptions.Singleline);
            var (culture, text) = match.Success ? (match.Groups[1].Value, match.Groups[2].Value.Trim()) : (defaultCulture, message.Trim());
            if (text.Length == 0)
            {
                error = $"--message gives an empty {culture} message; leave --message out for none";
            }
            else if (!result.TryAdd(culture, text))
            {
                error = $"--message gives {culture} twice";
            }
        }

        return result;
    }

    private static string Time(DateTimeOffset? time) =>
        time is { } t ? MunicipalTime.ToLocal(t).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "-";
}
