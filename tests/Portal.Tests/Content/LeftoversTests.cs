using Portal.Content.Files;

namespace Portal.Tests.Content;

/// <summary>
/// A run killed mid-export (kill -9, a power cut) leaves its half-built folder and temporary zip behind; the next run
/// of the same output removes them, and never what a run still at work is building.
/// </summary>
public sealed class LeftoversTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("portal-leftovers-").FullName;

    [Fact]
    public void The_next_build_of_an_output_removes_what_killed_runs_left_and_keeps_what_a_running_one_builds()
    {
        var target = Path.Combine(_folder, "static");
        const string Gone = "2147483646";   // no process has this id
        var dead = new[]
        {
            $"static.building-{Gone}-{Guid.NewGuid():N}", $"static.old-{Gone}-{Guid.NewGuid():N}",
            $"static.building-{Guid.NewGuid():N}",          // as versions before process ids were named
        };
        var deadFiles = new[] { $"static.zip.{Gone}-{Guid.NewGuid():N}.tmp", $"static.zip.{Guid.NewGuid():N}.tmp" };
        var running = $"static.building-{Environment.ProcessId}-{Guid.NewGuid():N}";
        var unrelated = new[] { "static.zip", "static.building-notes" };
        foreach (var name in dead.Append(running))
        {
            Directory.CreateDirectory(Path.Combine(_folder, name, "nl"));
            File.WriteAllText(Path.Combine(_folder, name, "nl", "index.html"), "half");
        }

        foreach (var name in deadFiles.Concat(unrelated))
        {
            File.WriteAllText(Path.Combine(_folder, name), "half");
        }

        var building = AtomicFolder.Building(target);

        var left = Directory.EnumerateFileSystemEntries(_folder).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(new[] { running, Path.GetFileName(building) }.Concat(unrelated).Order(), left);
        Assert.Empty(Directory.EnumerateFileSystemEntries(building));

        AtomicFolder.Replace(building, target);
        Assert.True(Directory.Exists(target));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
