using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Portal.Content.Files;

/// <summary>
/// What an interrupted writer (kill -9, a power cut, a full disk) leaves beside its target: a half-built folder, an old
/// folder not yet deleted, a temporary file. Each carries the id of the process that made it, so the next writer of the
/// same target removes those of processes that are gone and never those of one still at work.
/// </summary>
public static partial class Leftovers
{
    /// <summary>A name for a temporary entry beside <paramref name="target"/> that says which process owns it.</summary>
    public static string Beside(string target, string kind) => $"{target}.{kind}{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>Removes what processes that are no longer running left beside <paramref name="target"/>.</summary>
    public static void Remove(string target)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(target))!;
        var prefix = Path.GetFileName(target) + ".";
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, prefix + "*"))
        {
            // The pattern also matches the target itself ("x.*" finds "x"): only longer names are candidates.
            var name = Path.GetFileName(entry);
            var match = Temporary().Match(name.Length > prefix.Length ? name[prefix.Length..] : "");
            if (!match.Success || (match.Groups["pid"].Success && IsRunning(int.Parse(match.Groups["pid"].Value, System.Globalization.CultureInfo.InvariantCulture))))
            {
                continue;
            }

            try
            {
                if (Directory.Exists(entry))
                {
                    Directory.Delete(entry, recursive: true);
                }
                else
                {
                    File.Delete(entry);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Someone else is removing it too, or it cannot be removed now: the next run tries again.
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// building-PID-GUID, old-PID-GUID, [zip.]PID-GUID.tmp; and the same without PID, as versions before this one wrote
    /// them (no process of those is still running once this one writes the same target).
    /// </summary>
    [GeneratedRegex(@"^(?:zip\.)?(?:building-|old-)?(?:(?<pid>\d+)-)?[0-9a-f]{32}(?:\.tmp)?$")]
    private static partial Regex Temporary();
}
