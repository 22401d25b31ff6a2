using Portal.Content.Cultures;
using Portal.Content.Drafts;
using Portal.Content.Model;
using Portal.Places;
using Portal.Places.Catalog;

namespace Portal.Content.Validation;

public static partial class ContentValidator
{
    /// <summary>A status message is read on a phone in a crisis: one or two short sentences.</summary>
    public const int MaxStatusMessageLength = 200;

    /// <summary>
    /// The support points with their live status: each status must name a point, a known state, services the point has,
    /// a known language per message and an existing backup point. A point without a status is on standby.
    /// </summary>
    public static (IReadOnlyList<SupportPoint>? Points, IReadOnlyList<DataProblem> Problems) ApplyStatuses(
        IReadOnlyList<StatusDraft> statuses, IReadOnlyList<SupportPoint> points, CultureSet cultures)
    {
        var problems = new List<DataProblem>();
        var bySlug = points.ToDictionary(p => p.Slug, StringComparer.Ordinal);
        var applied = new Dictionary<string, SupportPointStatus>(StringComparer.Ordinal);
        foreach (var draft in statuses)
        {
            void Fail(string field, string message, string dutch) => problems.Add(draft.Origin.Problem(field, message, dutch));
            if (!bySlug.TryGetValue(draft.Slug, out var point))
            {
                Fail("slug", $"'{draft.Slug}' is not a support point (known: {string.Join(", ", bySlug.Keys.Order(StringComparer.Ordinal))})",
                    $"'{draft.Slug}' is geen noodsteunpunt. Kies een bestaand steunpunt.");
                continue;
            }

            if (applied.ContainsKey(draft.Slug))
            {
                Fail("slug", $"'{draft.Slug}' has a second status; a point has one", $"Steunpunt '{draft.Slug}' heeft twee statussen. Haal er één weg.");
                continue;
            }

            var before = problems.Count;
            if (!KebabTokens<SupportPointState>.ByToken.TryGetValue(draft.State ?? "", out var state))
            {
                Fail("status", $"'{draft.State}' is not one of: {string.Join(", ", KebabTokens<SupportPointState>.ByToken.Keys)}",
                    OfficerWording.NotOneOf(draft.State, "status", KebabTokens<SupportPointState>.ByToken.Keys));
            }

            List<SupportPointService>? servicesNow = null;
            if (draft.ServicesNow is { } tokens)
            {
                servicesNow = [];
                foreach (var token in tokens)
                {
                    if (!KebabTokens<SupportPointService>.ByToken.TryGetValue(token, out var service))
                    {
                        Fail("services-now", $"'{token}' is not one of: {string.Join(", ", KebabTokens<SupportPointService>.ByToken.Keys)}",
                            OfficerWording.NotOneOf(token, "voorziening", KebabTokens<SupportPointService>.ByToken.Keys));
                    }
                    else if (!point.Services.Contains(service))
                    {
                        Fail("services-now", $"'{token}' is not among this point's services ({string.Join(", ", point.Services.Select(KebabCase.Of))})",
                            $"'{token}' hoort niet bij de voorzieningen van dit steunpunt ({string.Join(", ", point.Services.Select(KebabCase.Of))}). Kies alleen wat dit steunpunt heeft, of voeg de voorziening eerst aan het steunpunt toe.");
                    }
                    else if (!servicesNow.Contains(service))
                    {
                        servicesNow.Add(service);
                    }
                }
            }

            var messages = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (culture, text) in draft.Messages)
            {
                var message = text.Trim();
                var language = OfficerWording.Language(culture);
                if (cultures.Find(culture) is null)
                {
                    Fail($"message.{culture}", $"'{culture}' is not a language of the portal ({string.Join(", ", cultures.All.Select(c => c.Code))})",
                        $"'{culture}' is geen taal van de site. De site heeft: {string.Join(", ", cultures.All.Select(c => c.Code))}.");
                }
                else if (message.Length > MaxStatusMessageLength)
                {
                    Fail($"message.{culture}", $"is {message.Length} characters; a status message has at most {MaxStatusMessageLength}",
                        $"Het statusbericht in {language} is {message.Length} tekens lang. Het mag hoogstens {MaxStatusMessageLength} tekens zijn: maak het korter.");
                }
                else if (message.Contains('\n', StringComparison.Ordinal))
                {
                    Fail($"message.{culture}", "is one line", $"Het statusbericht in {language} heeft meer dan één regel. Zet het op één regel.");
                }
                else if (Text.BidiText.FirstControl(message) is { } control)
                {
                    Fail($"message.{culture}", $"contains the invisible direction control U+{(int)control:X4}, which reverses the text around it; type the message again without it",
                        $"Het statusbericht in {language} heeft een onzichtbaar teken (U+{(int)control:X4}) dat de tekst omdraait. Typ het bericht opnieuw, zonder te plakken.");
                }
                else if (message.Length > 0) { messages[culture] = message; }
            }

            if (messages.Count > 0 && !messages.ContainsKey(cultures.Default.Code))
            {
                Fail("message", $"has no {cultures.Default.Code} text; the other languages fall back to it",
                    $"Het statusbericht heeft geen tekst in {OfficerWording.Language(cultures.Default.Code)}. Vul die in: de andere talen vallen erop terug.");
            }

            var changed = MunicipalTime.Parse(draft.ChangedAt);
            if (draft.ChangedAt is { Length: > 0 } && changed is null)
            {
                Fail("changed", $"'{draft.ChangedAt}' is not a date and time like 2026-11-23T08:00:00+01:00", OfficerWording.NotATime(draft.ChangedAt, "wanneer de status veranderde"));
            }

            var checkedAt = MunicipalTime.Parse(draft.CheckedAt);
            if (draft.CheckedAt is { Length: > 0 } && checkedAt is null)
            {
                Fail("checked", $"'{draft.CheckedAt}' is not a date and time like 2026-11-23T08:00:00+01:00", OfficerWording.NotATime(draft.CheckedAt, "wanneer de status is gecontroleerd"));
            }

            var backup = string.IsNullOrWhiteSpace(draft.Backup) ? null : draft.Backup.Trim();
            if (backup == draft.Slug)
            {
                Fail("backup", "is this point itself; name another point, or leave it empty for the nearest open one",
                    "Het reservesteunpunt is dit steunpunt zelf. Kies een ander steunpunt, of laat het leeg: dan wijst de site het dichtstbijzijnde open steunpunt aan.");
            }
            else if (backup is not null && !bySlug.ContainsKey(backup))
            {
                Fail("backup", $"'{backup}' is not a support point", $"'{backup}' is geen noodsteunpunt. Kies een bestaand steunpunt als reserve, of laat het leeg.");
            }

            if (problems.Count == before)
            {
                applied[draft.Slug] = new SupportPointStatus(state, changed, checkedAt, servicesNow, messages, backup);
            }
        }

        return problems.Count > 0
            ? (null, problems)
            : ([.. points.Select(p => applied.TryGetValue(p.Slug, out var status) ? p with { Status = status } : p)], problems);
    }
}
