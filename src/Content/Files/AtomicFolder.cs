namespace Portal.Content.Files;

/// <summary>Replaces an output folder with a finished one, so readers see the old folder or the new one, never a mix.</summary>
public static class AtomicFolder
{
    /// <summary>
    /// A new, empty folder beside <paramref name="target"/> to build the next version in; what interrupted builds of the
    /// same target left behind is removed first.
    /// </summary>
    public static string Building(string target)
    {
        // Also removes the target's temporary zips (target.zip.PID-GUID.tmp): they start with the same name.
        Leftovers.Remove(target);
        var building = Leftovers.Beside(target, "building-");
        Directory.CreateDirectory(building);
        return building;
    }

    /// <summary>Renames the old folder aside, the new one into place, then deletes the old.</summary>
    public static void Replace(string finished, string target)
    {
        string? old = null;
        if (Directory.Exists(target))
        {
            old = Leftovers.Beside(target, "old-");
            Directory.Move(target, old);
        }

        Directory.Move(finished, target);
        if (old is not null)
        {
            Directory.Delete(old, recursive: true);
        }
    }
}
