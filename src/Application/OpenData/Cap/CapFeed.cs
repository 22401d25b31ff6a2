using System.Runtime.CompilerServices;
using System.Text;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Application.ContentPipeline;
using Portal.Content.Files;
using static Portal.Application.OpenData.Cap.CapXml;

namespace Portal.Application.OpenData.Cap;

/// <summary>The feed and every CAP document it can lead to, at their paths under /open-data/.</summary>
public sealed record CapFiles(OpenDataFile Feed, IReadOnlyDictionary<string, OpenDataFile> Documents)
{
    public IEnumerable<OpenDataFile> All => Documents.Values.Prepend(Feed);
}

/// <summary>
/// The CAP 1.2 feed (<c>/open-data/cap.atom</c>, Atom 1.0, newest first) and its documents
/// (<c>/open-data/cap/{subject}-{n}.xml</c>) for the served data, live and in the static export. Whoever asks first after
/// a change (a request, a publish, an export) issues the messages it needs; the ledger of sent messages lives in
/// <see cref="PortalOptions.CapLedgerPath"/>, changed under a lock shared with every other Portal process on the machine
/// (a CLI export beside the server), so identifiers and references stay one sequence. When that file cannot be written
/// (disk full, read-only) the feed keeps working from memory, /health says why, and the next change tries again.
/// </summary>
public sealed partial class CapFeed(IOptions<PortalOptions> options, ContentSourceStatus status, TimeProvider time, ILogger<CapFeed> logger)
{
    public const string FeedPath = SupportPointOpenData.CapFeedPath;
    public const string DocumentFolder = SupportPointOpenData.Folder + "/cap";
    public const string DocumentMediaType = "application/cap+xml";

    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly ConditionalWeakTable<PortalData, Editions> _editions = [];
    private CapLedger? _ledger;
    private Made? _files;

    /// <summary>The feed and documents for <paramref name="data"/> now, issuing the messages a change calls for.</summary>
    public async Task<CapFiles> FilesAsync(PortalData data, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var editions = EditionsOf(data, now);
        var settings = Settings(options.Value);
        if (Volatile.Read(ref _ledger) is not { } ledger || ledger.IsBehind(editions, now))
        {
            await _writing.WaitAsync(cancellationToken);
            try
            {
                ledger = await ReconcileAsync(editions, settings, now, cancellationToken);
            }
            finally
            {
                _writing.Release();
            }
        }

        if (Volatile.Read(ref _files) is { } made && ReferenceEquals(made.Ledger, ledger) && now < made.Until)
        {
            return made.Files;
        }

        var files = Files(ledger, data, settings, now);
        // The feed lists a Cancel for a day: at the oldest Cancel's day's end it must be made again without it.
        var until = ledger.Current(now).Where(i => i.Type == CapMessageType.Cancel).Select(i => i.Sent + CapLedger.CancelKept).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        Volatile.Write(ref _files, new Made(ledger, files, until));
        return files;
    }

    public static CapSettings Settings(PortalOptions portal) =>
        new(portal.CapSender is { Length: > 0 } sender ? sender : portal.PublicBaseUrl.Host, portal.CapStatus, portal.PublicBaseUrl);

    private IReadOnlyList<CapEdition> EditionsOf(PortalData data, DateTimeOffset now)
    {
        if (_editions.TryGetValue(data, out var known) && now < known.Until)
        {
            return known.List;
        }

        var list = CapEditions.From(data, options.Value.PublicBaseUrl, now);
        // Valid until the next alert ends on its schedule.
        var until = data.Content.For(data.Cultures.Default).Alerts.Select(a => a.ActiveUntil).OfType<DateTimeOffset>()
            .Where(u => u > now).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        _editions.AddOrUpdate(data, new Editions(list, until));
        return list;
    }

    private async Task<CapLedger> ReconcileAsync(IReadOnlyList<CapEdition> editions, CapSettings settings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var path = options.Value.CapLedgerPath;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            using var held = await FileLock.AcquireAsync(path, LockWait, time, cancellationToken)
                ?? throw new IOException($"another Portal process held {FileLock.PathOf(path)} for {LockWait.TotalSeconds:0} s");
            // Another process (an export beside the server) may have sent messages since: start from the file.
            var ledger = Read(path) ?? Volatile.Read(ref _ledger)?.Copy() ?? CapLedger.Empty();
            if (ledger.Reconcile(editions, settings, now))
            {
                await AtomicFile.WriteAllBytesAsync(path, Encoding.UTF8.GetBytes(ledger.ToJson()));
            }

            status.Succeeded("cap");
            Volatile.Write(ref _ledger, ledger);
            return ledger;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The feed must not stop because the disk did: carry on in memory and say so until a write succeeds.
            var ledger = Volatile.Read(ref _ledger)?.Copy() ?? CapLedger.Empty();
            ledger.Reconcile(editions, settings, now);
            status.Failed("cap", $"the CAP ledger {path} could not be written ({e.Message}); the feed is served from memory");
            LogLedgerNotWritten(logger, path, e.Message);
            Volatile.Write(ref _ledger, ledger);
            return ledger;
        }
    }

    private CapLedger? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        if (CapLedger.FromJson(File.ReadAllText(path)) is { } ledger)
        {
            return ledger;
        }

        LogLedgerUnreadable(logger, path);
        return null;
    }

    private static CapFiles Files(CapLedger ledger, PortalData data, CapSettings settings, DateTimeOffset now)
    {
        string Url(string path) => new Uri(settings.PublicBaseUrl, path.TrimStart('/')).ToString();
        var documents = ledger.Issues.ToDictionary(i => $"{DocumentFolder}/{i.FileName}",
            i => new OpenDataFile($"{DocumentFolder}/{i.FileName}", DocumentMediaType, Encoding.UTF8.GetBytes(i.Document)), StringComparer.Ordinal);
        var name = data.Content.Settings.MunicipalityName;
        var current = ledger.Current(now);
        var feed = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(Atom + "feed",
            new XElement(Atom + "id", Url(FeedPath)),
            new XElement(Atom + "title", $"Waarschuwingen en noodsteunpunten gemeente {name} (CAP 1.2)"),
            new XElement(Atom + "updated", Time(ledger.Changed ?? DateTimeOffset.UnixEpoch)),
            new XElement(Atom + "author", new XElement(Atom + "name", $"Gemeente {name}"), new XElement(Atom + "uri", settings.PublicBaseUrl.ToString())),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("type", "application/atom+xml"), new XAttribute("href", Url(FeedPath))),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", settings.PublicBaseUrl.ToString())),
            current.Select(issue => new XElement(Atom + "entry",
                new XElement(Atom + "id", Url($"{DocumentFolder}/{issue.FileName}")),
                new XElement(Atom + "title", issue.Type == CapMessageType.Cancel ? $"Ingetrokken: {issue.Headline}" : issue.Headline),
                new XElement(Atom + "updated", Time(issue.Sent)),
                new XElement(Atom + "summary", $"CAP {issue.Type}: {issue.Identifier}"),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", DocumentMediaType),
                    new XAttribute("href", Url($"{DocumentFolder}/{issue.FileName}")))))));
        return new CapFiles(new OpenDataFile(FeedPath, "application/atom+xml; charset=utf-8", Encoding.UTF8.GetBytes(Text(feed))), documents);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The CAP ledger {Path} could not be written: {Reason}. The feed is served from memory.")]
    private static partial void LogLedgerNotWritten(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The CAP ledger {Path} is not one Portal wrote; a new one is started: later messages do not reference earlier ones, identifiers stay unique.")]
    private static partial void LogLedgerUnreadable(ILogger logger, string path);

    private sealed record Editions(IReadOnlyList<CapEdition> List, DateTimeOffset Until);

    /// <summary>The files made from one ledger, until the oldest Cancel in the feed is a day old (a class: requests read it while another replaces it).</summary>
    private sealed record Made(CapLedger Ledger, CapFiles Files, DateTimeOffset Until);
}
