namespace Portal.Application.Statuses;

/// <summary>A support point's new status as an officer gives it.</summary>
/// <param name="State">standby, open, full or closed.</param>
/// <param name="ServicesNow">What it offers now; null: unchanged while the state stays, else its usual services.</param>
/// <param name="Messages">A short message per language code; null: unchanged while the state stays, else none.</param>
/// <param name="Backup">Where to send residents when it is full or closed; null: unchanged; empty: the nearest open point.</param>
public sealed record StatusChange(string Slug, string State, IReadOnlyList<string>? ServicesNow, IReadOnlyDictionary<string, string>? Messages, string? Backup);

/// <summary>How a status change ended.</summary>
public enum StatusChangeOutcome
{
    /// <summary>In the status file; a running portal serves it by itself.</summary>
    Written,

    /// <summary>The statuses are Umbraco's: the change belongs there.</summary>
    UmbracoOwnsStatuses,

    /// <summary>The change, or the file with it, is not valid: nothing written.</summary>
    Refused,

    /// <summary>The status file is not YAML: writing it would lose the other points' statuses.</summary>
    FileUnreadable,

    /// <summary>Another change held the file too long: nothing written, try again.</summary>
    Busy,

    /// <summary>The file could not be written: nothing changed.</summary>
    NotWritten,
}

/// <param name="File">The status file.</param>
/// <param name="Previous">The state before (standby when the point was not listed).</param>
/// <param name="Confirmed">The state stayed: its changed time is kept, its checked time is now.</param>
/// <param name="Backup">The backup written.</param>
/// <param name="Problems">Why it was refused.</param>
/// <param name="Reason">Why it was not written, for <see cref="StatusChangeOutcome.Busy"/> and <see cref="StatusChangeOutcome.NotWritten"/>.</param>
/// <param name="WasEmpty">The file listed no points before (it was emptied): every other point is on standby.</param>
public sealed record StatusChangeResult(
    StatusChangeOutcome Outcome,
    string File,
    string Previous = "standby",
    bool Confirmed = false,
    DateTimeOffset At = default,
    string? Backup = null,
    IReadOnlyList<Places.Catalog.DataProblem>? Problems = null,
    string? Reason = null,
    bool WasEmpty = false);
