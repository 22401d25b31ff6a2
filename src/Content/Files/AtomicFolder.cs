namespace Portal.Content.Files;

/// <summary>Replaces an output folder with a finished one, so readers see the old folder or the new one, never a mix.</summary>
public static class AtomicFolder
{
    /// <summary>Renames the old folder aside, the new one into place, then deletes the old.</summary>
    public static void Replace(string finished, string target)
    {
        string? old = null;
        if (Directory.Exists(target))
        {
            old = $"{target}.old-{Guid.NewGuid():N}";
            Directory.Move(target, old);
        }

        Directory.Move(finished, target);
        if (old is not null)
        {
            Directory.Delete(old, recursive: true);
        }
    }
}
