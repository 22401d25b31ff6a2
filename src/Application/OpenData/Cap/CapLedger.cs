using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml.Linq;
using static Portal.Application.OpenData.Cap.CapXml;

namespace Portal.Application.OpenData.Cap;

public enum CapMessageType
{
    Alert,
    Update,
    Cancel,
}

/// <summary>One CAP message as sent: immutable once issued, kept at a stable address.</summary>
/// <param name="Sent">To the second, and never twice for one subject: with the subject it makes the identifier, which stays
/// unique even if the ledger is lost.</param>
/// <param name="References">"sender,identifier,sent" of every earlier message in this chain, oldest first; empty for an Alert.</param>
/// <param name="Document">The whole CAP document as served.</param>
public sealed record CapIssue(
    string Subject,
    string Identifier,
    DateTimeOffset Sent,
    CapMessageType Type,
    IReadOnlyList<string> References,
    string Fingerprint,
    string Headline,
    string Document)
{
    /// <summary>The document's file name under /open-data/cap/: the subject and when it was sent, so it never changes.</summary>
    public string FileName => $"{Subject}-{Stamp(Sent)}.xml";

    public static string Stamp(DateTimeOffset sent) => sent.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public string Reference(string sender) => $"{sender},{Identifier},{Time(Sent)}";
}

/// <summary>What is sent for CAP: who sends it and whether it is for real.</summary>
/// <param name="Status">Actual, or Test while a municipality rehearses: aggregators show Test messages to nobody.</param>
public sealed record CapSettings(string Sender, string Status, Uri PublicBaseUrl);

/// <summary>
/// Every CAP message Portal has sent, per subject: what decides Alert, Update or Cancel and what each one references.
/// A subject Portal says something new about gets an Alert (first, or after a Cancel) or an Update that references the
/// messages before it in that chain; a subject that ended (alert over or withdrawn, point back on standby) gets a Cancel.
/// Messages of earlier chains are dropped once a new chain starts, and a Cancel older than <see cref="CancelKept"/>; the
/// last time sent per subject is kept for good, so no identifier is ever given twice.
/// </summary>
public sealed class CapLedger
{
    /// <summary>An ended alert stays in the feed as its Cancel for a day: an aggregator that polls rarely still sees it end.</summary>
    public static readonly TimeSpan CancelKept = TimeSpan.FromDays(1);

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, Converters = { new JsonStringEnumConverter() } };

    private readonly Dictionary<string, Subject> _subjects;

    private CapLedger(Dictionary<string, Subject> subjects, DateTimeOffset? changed) => (_subjects, Changed) = (subjects, changed);

    public static CapLedger Empty() => new(new Dictionary<string, Subject>(StringComparer.Ordinal), null);

    /// <summary>When a message was last issued or dropped: the feed's own "updated", stable between changes.</summary>
    public DateTimeOffset? Changed { get; private set; }

    /// <summary>A copy to change while readers keep the original.</summary>
    public CapLedger Copy() => new(new Dictionary<string, Subject>(_subjects, StringComparer.Ordinal), Changed);

    /// <summary>The messages of each subject's current chain, newest last.</summary>
    public IEnumerable<CapIssue> Issues => _subjects.Values.SelectMany(s => s.Issues);

    /// <summary>What the feed lists: each subject's newest message, a Cancel only for a day; newest first.</summary>
    public IReadOnlyList<CapIssue> Current(DateTimeOffset now) =>
        [.. _subjects.Values.Select(s => s.Issues.LastOrDefault()).OfType<CapIssue>()
            .Where(i => i.Type != CapMessageType.Cancel || now - i.Sent < CancelKept)
            .OrderByDescending(i => i.Sent).ThenBy(i => i.Subject, StringComparer.Ordinal)];

    /// <summary>True when the editions would add a message: the quick test before taking the file lock.</summary>
    public bool IsBehind(IReadOnlyList<CapEdition> editions, DateTimeOffset now)
    {
        var live = editions.ToDictionary(e => e.Subject, StringComparer.Ordinal);
        return editions.Any(e => Latest(e.Subject) is not { Type: not CapMessageType.Cancel } latest || latest.Fingerprint != e.Fingerprint)
            || _subjects.Values.Any(s => s.Issues.LastOrDefault() is { Type: not CapMessageType.Cancel } open && !live.ContainsKey(open.Subject))
            || _subjects.Values.Any(s => s.Issues.LastOrDefault() is { Type: CapMessageType.Cancel } cancel && now - cancel.Sent >= CancelKept);
    }

    /// <summary>Issues the messages that bring the ledger up to the editions; true when anything changed.</summary>
    public bool Reconcile(IReadOnlyList<CapEdition> editions, CapSettings settings, DateTimeOffset now)
    {
        var changed = false;
        var second = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), now.Offset);
        DateTimeOffset SentFor(Subject subject) => subject.LastSent is { } last && last >= second ? last.AddSeconds(1) : second;
        var live = new HashSet<string>(StringComparer.Ordinal);
        foreach (var edition in editions)
        {
            live.Add(edition.Subject);
            var subject = _subjects.GetValueOrDefault(edition.Subject) ?? new Subject(null, []);
            var latest = subject.Issues.LastOrDefault();
            if (latest is { Type: not CapMessageType.Cancel } && latest.Fingerprint == edition.Fingerprint)
            {
                continue;
            }

            var chain = latest is { Type: not CapMessageType.Cancel } ? subject.Issues : [];
            var type = chain.Count == 0 ? CapMessageType.Alert : CapMessageType.Update;
            _subjects[edition.Subject] = subject.With(Issue(edition.Subject, type, chain, edition.Fingerprint, edition.Headline, edition.Infos, settings, SentFor(subject)));
            changed = true;
        }

        foreach (var (key, subject) in _subjects.ToList())
        {
            var latest = subject.Issues.LastOrDefault();
            if (latest is { Type: not CapMessageType.Cancel } && !live.Contains(key))
            {
                _subjects[key] = subject.With(Issue(key, CapMessageType.Cancel, subject.Issues, "", latest.Headline, [], settings, SentFor(subject)));
                changed = true;
            }
            else if (latest is { Type: CapMessageType.Cancel } && now - latest.Sent >= CancelKept)
            {
                // Out of the feed: keep only when it was sent, so the subject's next message still gets a new identifier.
                _subjects[key] = subject with { Issues = [] };
                changed = true;
            }
        }

        if (changed)
        {
            Changed = _subjects.Values.Select(s => s.LastSent).Max() ?? second;
        }

        return changed;
    }

    private CapIssue? Latest(string subject) => _subjects.GetValueOrDefault(subject)?.Issues.LastOrDefault();

    private static CapIssue Issue(string subject, CapMessageType type, IReadOnlyList<CapIssue> chain, string fingerprint, string headline,
        IReadOnlyList<XElement> infos, CapSettings settings, DateTimeOffset sent)
    {
        var identifier = $"{settings.Sender}.{subject}.{CapIssue.Stamp(sent)}";
        var references = chain.Select(i => i.Reference(settings.Sender)).ToList();
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), E("alert", new object?[]
        {
            E("identifier", identifier),
            E("sender", settings.Sender),
            E("sent", Time(sent)),
            E("status", settings.Status),
            E("msgType", type.ToString()),
            E("scope", "Public"),
            type == CapMessageType.Cancel ? E("note", $"Ingetrokken: {headline}") : null,
            references.Count > 0 ? E("references", string.Join(' ', references)) : null,
            infos.Select(i => new XElement(i)),
        }));
        return new CapIssue(subject, identifier, sent, type, references, fingerprint, headline, Text(document));
    }

    public string ToJson() => JsonSerializer.Serialize(new LedgerFile(Changed, _subjects), Json);

    /// <summary>The ledger as written by <see cref="ToJson"/>; null when the text is not one (then Portal starts a new ledger and says so).</summary>
    public static CapLedger? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<LedgerFile>(json, Json) is { Subjects: { } subjects } file
                ? new CapLedger(new Dictionary<string, Subject>(subjects, StringComparer.Ordinal), file.Changed)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record LedgerFile(DateTimeOffset? Changed, Dictionary<string, Subject> Subjects);

    /// <param name="LastSent">When the newest message about this subject was sent.</param>
    /// <param name="Issues">The current chain: from its Alert to its newest message.</param>
    private sealed record Subject(DateTimeOffset? LastSent, IReadOnlyList<CapIssue> Issues)
    {
        public Subject With(CapIssue issue) => issue.Type == CapMessageType.Alert
            ? new Subject(issue.Sent, [issue])
            : new Subject(issue.Sent, [.. Issues, issue]);
    }
}
