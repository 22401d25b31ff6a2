using System.Text.Json;
using Microsoft.Extensions.Options;
using Portal.Application.ContentPipeline;

namespace Portal.Application.Publishing;

/// <summary>What one kind of output last did after a publish: when it last succeeded (for which content version, with what), and when it last failed and why.</summary>
/// <param name="What">live pages, cards, static site or print run (<see cref="RebuildLog"/>'s names).</param>
public sealed record RebuildOutcome(string What, DateTimeOffset? Succeeded, string? Version, string? Result, DateTimeOffset? Failed, string? Reason);

/// <summary>
/// What was rebuilt after the last publishes, for the officers' overview: <see cref="ContentPublisher"/> records each
/// output here. Kept in <see cref="PortalOptions.RebuildLogPath"/> too, so that `portal content status` (another process)
/// and a restarted server show it; a file that cannot be read or written only loses that history, never a publish.
/// </summary>
public sealed class RebuildLog(IOptions<PortalOptions> options, TimeProvider time)
{
    public const string LivePages = "live pages";
    public const string Cards = "cards";
    public const string StaticSite = "static site";
    public const string PrintRun = "print run";

    private static readonly string[] Order = [LivePages, Cards, StaticSite, PrintRun];
    private readonly Lock _gate = new();
    private Dictionary<string, RebuildOutcome>? _outcomes;

    /// <summary>In a fixed order: live pages, cards, static site, print run; only those that ran.</summary>
    public IReadOnlyList<RebuildOutcome> Outcomes()
    {
        lock (_gate)
        {
            return [.. Loaded().Values.OrderBy(o => Array.IndexOf(Order, o.What))];
        }
    }

    public void Succeeded(string what, string version, string result) =>
        Change(what, old => (old ?? new RebuildOutcome(what, null, null, null, null, null)) with { Succeeded = time.GetUtcNow(), Version = version, Result = result });

    public void Failed(string what, string reason) =>
        Change(what, old => (old ?? new RebuildOutcome(what, null, null, null, null, null)) with { Failed = time.GetUtcNow(), Reason = reason });

    private void Change(string what, Func<RebuildOutcome?, RebuildOutcome> change)
    {
        // Written under the lock: a publish records "live pages" on its caller's thread while the rebuild records the rest,
        // and an older snapshot written last would put back what the newer one changed.
        lock (_gate)
        {
            var outcomes = Loaded();
            outcomes[what] = change(outcomes.GetValueOrDefault(what));
            var json = JsonSerializer.SerializeToUtf8Bytes(outcomes.Values, Json);
            try
            {
                Portal.Content.Files.AtomicFile.Write(options.Value.RebuildLogPath, stream => stream.Write(json));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Only the history is lost; the overview of this process still has it.
            }
        }
    }

    private Dictionary<string, RebuildOutcome> Loaded()
    {
        if (_outcomes is null)
        {
            _outcomes = new Dictionary<string, RebuildOutcome>(StringComparer.Ordinal);
            try
            {
                var path = options.Value.RebuildLogPath;
                foreach (var outcome in File.Exists(path) ? JsonSerializer.Deserialize<RebuildOutcome[]>(File.ReadAllText(path), Json) ?? [] : [])
                {
                    if (Order.Contains(outcome.What))
                    {
                        _outcomes[outcome.What] = outcome;
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
            {
                // A damaged or unreadable history starts afresh.
            }
        }

        return _outcomes;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
