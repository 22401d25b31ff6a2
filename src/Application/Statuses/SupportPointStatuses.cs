using System.Globalization;
using Microsoft.Extensions.Options;
using Portal.Application.ContentPipeline;
using Portal.Content.Files;
using Portal.Content.Markdown;
using Portal.Content.Model;
using Portal.Content.Umbraco;
using Portal.Places.Catalog;

namespace Portal.Application.Statuses;

/// <summary>
/// Changing a support point's status in content/status.yml (municipalities without Umbraco). Officers change points at
/// the same moment in a crisis, from several terminals: the file is read, changed, checked and replaced under one lock
/// shared by every process, so no change overwrites another, and a change that cannot get the lock in time says so.
/// </summary>
public sealed class SupportPointStatuses(
    ContentPipeline.ContentPipeline pipeline,
    IOptions<PortalOptions> portal,
    IOptions<UmbracoOptions> umbraco,
    TimeProvider time)
{
    /// <summary>
    /// Each change holds the lock for milliseconds on a quiet machine; on a loaded one (ten officers' commands starting
    /// at once beside a busy server) each can take a second, so a change waits half a minute before it gives up.
    /// </summary>
    public static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    private string Folder => portal.Value.ContentPath;

    private string FilePath => Path.Combine(Folder, StatusFile.FileName);

    public async Task<StatusChangeResult> SetAsync(StatusChange change, CancellationToken cancellationToken = default)
    {
        if (umbraco.Value.IsConfigured)
        {
            return new StatusChangeResult(StatusChangeOutcome.UmbracoOwnsStatuses, FilePath);
        }

        // The change on its own first, outside the lock, the way the whole file is checked inside it: a wrong slug or
        // service is answered without waiting, and the geography and the YAML reader and writer are loaded (and compiled)
        // before the lock is taken, so each change holds it for milliseconds even when many start at once.
        var alone = new List<DataProblem>();
        if (StatusFile.Parse(StatusFile.Text(new Dictionary<string, StatusEntry?> { [change.Slug] = Entry(change, null, "") }), StatusFile.FileName, alone) is { } drafts)
        {
            alone.AddRange(pipeline.CheckStatuses(drafts));
        }

        if (alone.Count > 0)
        {
            return new StatusChangeResult(StatusChangeOutcome.Refused, FilePath, Problems: alone);
        }

        FileLock? held;
        try
        {
            held = await FileLock.AcquireAsync(FilePath, LockTimeout, time, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new StatusChangeResult(StatusChangeOutcome.NotWritten, FilePath, Reason: $"cannot lock it ({e.Message})");
        }

        if (held is null)
        {
            return new StatusChangeResult(StatusChangeOutcome.Busy, FilePath,
                Reason: $"another status change held {FileLock.PathOf(FilePath)} for {LockTimeout.TotalSeconds:0} seconds");
        }

        using (held)
        {
            return Change(change);
        }
    }

    /// <summary>Read, change, check and replace: only ever under the lock.</summary>
    private StatusChangeResult Change(StatusChange change)
    {
        var display = DataProblem.DisplayPath(FilePath);
        var unreadable = new List<DataProblem>();
        var exists = File.Exists(FilePath);
        var text = exists ? File.ReadAllText(FilePath) : "";
        if (StatusFile.Entries(text, display, unreadable) is not { } entries)
        {
            return new StatusChangeResult(StatusChangeOutcome.FileUnreadable, FilePath, Problems: unreadable);
        }

        var now = time.GetUtcNow();
        var previous = entries.GetValueOrDefault(change.Slug);
        var entry = Entry(change, previous, MunicipalTime.ToLocal(now).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture));
        var wasEmpty = exists && StatusFile.IsEmptied(text, entries);
        entries[change.Slug] = entry;

        // The whole file with the change, checked against the support points only: the pages are not this change's
        // business, and a problem in one of them never holds a status back.
        var updated = StatusFile.Text(entries);
        var problems = new List<DataProblem>();
        if (StatusFile.Parse(updated, display, problems) is { } statuses)
        {
            problems.AddRange(pipeline.CheckStatuses(statuses));
        }

        if (problems.Count > 0)
        {
            return new StatusChangeResult(StatusChangeOutcome.Refused, FilePath, Problems: problems);
        }

        try
        {
            StatusFile.Write(Folder, updated);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new StatusChangeResult(StatusChangeOutcome.NotWritten, FilePath, Reason: e.Message);
        }

        return new StatusChangeResult(StatusChangeOutcome.Written, FilePath, previous?.Status ?? "standby", previous?.Status == change.State,
            now, entry.Backup, WasEmpty: wasEmpty);
    }

    /// <summary>
    /// The entry a change writes. A new state starts clean ("open until 22:00" must not stay on a point that has just
    /// closed); a confirmation of the same state keeps what it said and when it changed.
    /// </summary>
    private static StatusEntry Entry(StatusChange change, StatusEntry? previous, string stamp)
    {
        var same = previous?.Status == change.State;
        return new StatusEntry
        {
            Status = change.State,
            ServicesNow = change.ServicesNow is { } services ? [.. services] : same ? previous!.ServicesNow : null,
            Message = change.Messages is { } messages ? new Dictionary<string, string>(messages, StringComparer.Ordinal) : same ? previous!.Message : null,
            Backup = change.Backup is null ? previous?.Backup : change.Backup.Length == 0 ? null : change.Backup,
            Changed = same && previous!.Changed is not null ? previous.Changed : stamp,
            Checked = stamp,
        };
    }
}
