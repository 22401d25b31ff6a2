using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using Portal.Application.ContentPipeline;
using Portal.Content.Markdown;
using Portal.Content.Model;
using Portal.Content.Umbraco;
using Portal.Places;
using Portal.Places.Catalog;

namespace Portal.Web.Cli;

/// <summary>
/// portal status: the live status of every support point. portal status set SLUG STATE [--services …] [--message nl=…]
/// [--backup SLUG|none]: for a municipality without Umbraco, changes content/status.yml in one atomic write after the
/// whole content has been checked with the change; a running portal picks it up by itself.
/// </summary>
public static class StatusVerb
{
    public static Command Command(VerbContext verb)
    {
        var list = new Command("status", "the live status of every support point; `status set` changes one") { TreatUnmatchedTokensAsErrors = false };
        list.SetAction((parse, cancellationToken) => verb.WithContentAsync(parse, (_, data) => Task.FromResult(List(verb, data)), cancellationToken));

        var slug = new Argument<string>("slug") { Description = "the support point (its slug, as in its page's address)" };
        var state = new Argument<string>("status") { Description = "standby, open, full or closed" };
        state.AcceptOnlyFromAmong([.. KebabTokens<SupportPointState>.ByToken.Keys]);
        var services = new Option<string?>("--services") { Description = "what it offers now, e.g. information,drinking-water (default: unchanged while the status stays, else its usual services)" };
        var messages = new Option<string[]>("--message") { Description = "a short message for residents, per language: --message \"nl=Open tot 22.00 uur\" (repeat per language; without a language code: Dutch)", AllowMultipleArgumentsPerToken = false };
        var backup = new Option<string?>("--backup") { Description = "where to send residents when this point is full or closed (a slug; none: the nearest open point)" };
        var set = new Command("set", "change one support point's status") { slug, state, services, messages, backup };
        set.TreatUnmatchedTokensAsErrors = false;
        set.SetAction((parse, _) => Task.FromResult(Set(verb, parse, parse.GetValue(slug)!, parse.GetValue(state)!, parse.GetValue(services),
            parse.GetValue(messages) ?? [], parse.GetValue(backup))));
        list.Add(set);
        return list;
    }

    private static int List(VerbContext verb, PortalData data)
    {
        verb.Output.WriteLine($"{"support point",-40} {"status",-8} {"changed",-17} {"checked",-17} message ({data.Cultures.Default.Code})");
        foreach (var point in data.Places.SupportPoints)
        {
            var status = point.Status;
            verb.Output.WriteLine($"{point.Slug,-40} {KebabCase.Of(status.State),-8} {Time(status.ChangedAt),-17} {Time(status.CheckedAt),-17} {status.Messages.GetValueOrDefault(data.Cultures.Default.Code)}");
        }

        return 0;
    }

    private static int Set(VerbContext verb, ParseResult parse, string slug, string state, string? services, string[] messages, string? backup)
    {
        using var host = verb.BuildHost(parse);
        if (host is null)
        {
            return 2;
        }

        if (host.Services.GetRequiredService<IOptions<UmbracoOptions>>().Value.IsConfigured)
        {
            verb.Error.WriteLine("portal status set: this portal reads Umbraco (Portal:Umbraco:BaseUrl is set); change the status on the support point in Umbraco, which publishes it to every channel.");
            return 2;
        }

        var pipeline = host.Services.GetRequiredService<ContentPipeline>();
        var content = host.Services.GetRequiredService<IOptions<PortalOptions>>().Value.ContentPath;
        var cultures = pipeline.Cultures;
        var parsedMessages = ParseMessages(messages, cultures.Default.Code, out var messageError);
        if (messageError is not null)
        {
            verb.Error.WriteLine($"portal status set: {messageError}");
            return 2;
        }

        // A file that is not even YAML would be rewritten with this point only: every other point's status would be lost.
        var unreadable = new List<DataProblem>();
        StatusFile.Read(content, unreadable);
        if (unreadable.Count > 0)
        {
            verb.Error.WriteLine($"portal status set: not changed; {unreadable[0]}. Repair the file first: the other points' statuses are in it.");
            return 1;
        }

        var now = MunicipalTime.ToLocal(host.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var stamp = now.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        var previous = StatusFile.Find(content, slug);
        var same = previous?.Status == state;
        var entry = new StatusEntry
        {
            Status = state,
            // A new state starts clean: "open until 22:00" must not stay on a point that has just closed.
            ServicesNow = services is not null ? [.. services.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
                : same ? previous!.ServicesNow : null,
            Message = parsedMessages ?? (same ? previous!.Message : null),
            Backup = backup is null ? previous?.Backup : backup == "none" ? null : backup,
            Changed = same && previous!.Changed is not null ? previous.Changed : stamp,
            Checked = stamp,
        };

        // Checked against the support points only: the pages are not this command's business, and a problem in one of
        // them never holds a status back (the running portal serves new statuses on its last good content).
        var text = StatusFile.With(content, slug, entry);
        var problems = new List<DataProblem>();
        var statuses = StatusFile.Parse(text, DataProblem.DisplayPath(Path.Combine(content, StatusFile.FileName)), problems);
        problems.AddRange(problems.Count > 0 ? [] : pipeline.CheckStatuses(statuses));
        if (problems.Count > 0)
        {
            verb.Error.WriteLine($"portal status set: not changed; with this change the status file would have {problems.Count} problem(s):");
            foreach (var problem in problems)
            {
                verb.Error.WriteLine($"  {problem}");
            }

            return 1;
        }

        try
        {
            StatusFile.Write(content, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            verb.Error.WriteLine($"portal status set: cannot write {Path.Combine(content, StatusFile.FileName)}: {e.Message}; nothing was changed.");
            return 1;
        }

        verb.Output.WriteLine($"{slug}: {state}{(same ? " (confirmed)" : $" (was {previous?.Status ?? "standby"})")} at {Time(now)}."
            + (entry.Backup is { } named && state is "full" or "closed" ? $" Residents are sent to {named} while it is open, else to the nearest open point." : ""));
        verb.Output.WriteLine($"Written to {Path.Combine(content, StatusFile.FileName)}; a running portal serves it by itself.");
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
            if (!result.TryAdd(culture, text))
            {
                error = $"--message gives {culture} twice";
            }
        }

        return result;
    }

    private static string Time(DateTimeOffset? time) =>
        time is { } t ? MunicipalTime.ToLocal(t).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "-";
}
