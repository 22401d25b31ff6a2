using System.Text;
using System.Xml.Linq;
using Portal.Application.ContentPipeline;
using Portal.Content.Model;
using Portal.Content.Routing;
using Portal.Content.Text;
using Portal.Places;
using Portal.Places.Catalog;
using static Portal.Application.OpenData.Cap.CapXml;

namespace Portal.Application.OpenData.Cap;

/// <summary>
/// Portal's alerts and support point statuses as CAP info blocks, one per language Portal has a text for. The mapping
/// from Portal's words to CAP's is written here once (and in README):
/// <list type="bullet">
/// <item>alert severity info → urgency Future, severity Minor, certainty Possible, responseType Monitor;
/// warning → Expected, Moderate, Likely, Prepare; danger → Immediate, Severe, Observed, Execute; category Safety;
/// effective and onset = active-from, expires = active-until.</item>
/// <item>a support point that is open, full or closed → category Infra, urgency Immediate, severity Moderate, certainty
/// Observed; full or closed adds responseType Avoid and an instruction naming where to go instead; effective = when it
/// changed. A point on standby says nothing (its earlier message is cancelled).</item>
/// </list>
/// An alert's info block exists for a language only when the alert is translated into it; a status is told in every
/// language (its words come from the interface texts), with the municipality's message only where it was written.
/// </summary>
public static class CapEditions
{
    public const int HeadlineLength = 160;

    public static IReadOnlyList<CapEdition> From(PortalData data, Uri publicBaseUrl, DateTimeOffset now)
    {
        var editions = new List<CapEdition>();
        var defaultCulture = data.Cultures.Default;
        foreach (var alert in data.Content.For(defaultCulture).Alerts.Where(a => a.ActiveUntil is null || now < a.ActiveUntil))
        {
            editions.Add(Alert(data, alert.Id, publicBaseUrl));
        }

        foreach (var point in data.Places.SupportPoints.Where(p => p.Status.State != SupportPointState.Standby))
        {
            editions.Add(Status(data, point, publicBaseUrl));
        }

        return editions;
    }

    /// <summary>"alert-" and the id in lower-case letters, digits and hyphens; a hash keeps two ids apart that would read alike.</summary>
    public static string AlertSubject(string id)
    {
        var safe = System.Text.RegularExpressions.Regex.Replace(id.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
        return safe == id && safe.Length > 0 ? $"alert-{safe}" : $"alert-{safe}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..6]}";
    }

    public static string StatusSubject(string slug) => $"steunpunt-{slug}";

    private static CapEdition Alert(PortalData data, string id, Uri baseUrl)
    {
        var settings = data.Content.Settings;
        var infos = new List<XElement>();
        var headline = "";
        foreach (var culture in data.Cultures.All)
        {
            var alert = data.Content.For(culture).Alerts.Single(a => a.Id == id);
            if (!culture.IsDefault && alert.TextLanguage != culture.Code)
            {
                continue;
            }

            var text = data.Texts.For(culture);
            var (urgency, severity, certainty, response) = alert.Severity switch
            {
                AlertSeverity.Danger => ("Immediate", "Severe", "Observed", "Execute"),
                AlertSeverity.Warning => ("Expected", "Moderate", "Likely", "Prepare"),
                _ => ("Future", "Minor", "Possible", "Monitor"),
            };
            var web = alert.LinkUrl is { } link ? new Uri(baseUrl, link.StartsWith('/') ? culture.Path(link).TrimStart('/') : link) : new Uri(baseUrl, culture.Path(SitePaths.Home).TrimStart('/'));
            var info = E("info", new object?[]
            {
                E("language", Language(culture.Code)),
                E("category", "Safety"),
                E("event", text["cap.event.alert"]),
                E("responseType", response),
                E("urgency", urgency),
                E("severity", severity),
                E("certainty", certainty),
                E("effective", Time(alert.ActiveFrom)),
                E("onset", Time(alert.ActiveFrom)),
                alert.ActiveUntil is { } until ? E("expires", Time(until)) : null,
                E("senderName", SenderName(settings)),
                E("headline", Headline(alert.Text)),
                E("description", alert.LinkText is { Length: > 0 } more ? $"{alert.Text}\n{more}: {web}" : alert.Text),
                E("web", web.ToString()),
                E("contact", Contact(settings)),
                CapArea.Municipality(data.Places, $"Gemeente {settings.MunicipalityName}"),
            });
            infos.Add(info);
            if (culture.IsDefault)
            {
                headline = Headline(alert.Text);
            }
        }

        return new CapEdition(AlertSubject(id), headline, infos);
    }

    private static CapEdition Status(PortalData data, SupportPoint point, Uri baseUrl)
    {
        var settings = data.Content.Settings;
        var places = data.Places;
        var status = point.Status;
        var state = KebabCase.Of(status.State);
        var instead = places.GoInstead(point);
        var infos = new List<XElement>();
        var headline = "";
        foreach (var culture in data.Cultures.All)
        {
            var text = data.Texts.For(culture);
            var address = $"{point.Address.StreetLine}, {point.Address.FormattedPostcode} {point.Address.City}";
            var services = status.ServicesNow ?? point.Services;
            var description = new StringBuilder()
                .Append(text[$"status.{state}.explanation"]).Append('\n')
                .Append(text["status.services-now"]).Append(' ')
                .Append(services.Count == 0 ? text["status.services-none"] : text.List(services.Select(s => text[$"service.{KebabCase.Of(s)}"])));
            if (status.Messages.GetValueOrDefault(culture.Code) is { Length: > 0 } message)
            {
                description.Append('\n').Append(message);
            }

            description.Append('\n').Append(address);
            string? instruction = status.TakesVisitors
                ? null
                : instead is not null
                    ? $"{text["status.go-instead"]} {instead.Name}, {instead.Address.StreetLine}, {instead.Address.City}"
                    : text.Format("status.none-open", settings.Broadcaster);
            var pointHeadline = Headline($"{point.Name}: {text[$"status.{state}"]}");
            infos.Add(E("info", new object?[]
            {
                E("language", Language(culture.Code)),
                E("category", "Infra"),
                E("event", text["cap.event.status"]),
                status.TakesVisitors ? null : E("responseType", "Avoid"),
                E("urgency", "Immediate"),
                E("severity", "Moderate"),
                E("certainty", "Observed"),
                status.ChangedAt is { } changed ? E("effective", Time(changed)) : null,
                E("senderName", SenderName(settings)),
                E("headline", pointHeadline),
                E("description", description.ToString()),
                instruction is null ? null : E("instruction", instruction),
                E("web", new Uri(baseUrl, culture.Path(SitePaths.SupportPoint(point.Slug)).TrimStart('/')).ToString()),
                E("contact", Contact(settings)),
                E("parameter", new object[] { E("valueName", "status"), E("value", state) }),
                CapArea.SupportPoint(places, point, $"{point.Name}, {address}"),
            }));
            if (culture.IsDefault)
            {
                headline = pointHeadline;
            }
        }

        return new CapEdition(StatusSubject(point.Slug), headline, infos);
    }

    private static string SenderName(SiteSettings settings) => $"Gemeente {settings.MunicipalityName}";

    private static string Contact(SiteSettings settings) => $"Gemeente {settings.MunicipalityName}: {settings.MunicipalityNumber}";

    /// <summary>At most 160 characters (CAP's advice for headlines), cut after a whole word.</summary>
    public static string Headline(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        if (line.Length <= HeadlineLength)
        {
            return line;
        }

        var cut = line.LastIndexOf(' ', HeadlineLength - 1);
        return $"{line[..(cut > 40 ? cut : HeadlineLength - 1)].TrimEnd(' ', ',', '.', ';', ':')}…";
    }
}
