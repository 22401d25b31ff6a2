namespace Portal.Tests;

/// <summary>A private copy of the repository's content/ folder that a test may break without touching the real one.</summary>
public sealed class TestContent : IDisposable
{
    public TestContent()
    {
        Root = Path.Combine(Path.GetTempPath(), "portal-test-" + Guid.NewGuid().ToString("N")[..8]);
        Copy(RepositoryContent, Root);
    }

    public string Root { get; }

    public string DataDirectory => Path.Combine(Root, "data");

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string RepositoryContent => Path.Combine(RepositoryRoot, "content");

    /// <summary>
    /// The print cache of the demo cards, shared by the tests that print them: Chromium prints each card once per build.
    /// Beside the test binaries (not in /tmp), so a fresh clone starts cold as CI does and a measured suite time is honest.
    /// </summary>
    public static string SharedPrintCache { get; } = Path.Combine(AppContext.BaseDirectory, "card-prints");

    /// <summary>
    /// Deletes a test's scratch folder. A static export the test's portal started in the background may still be
    /// swapping folders in it after the host is disposed; the temporary folder goes with the machine's /tmp anyway.
    /// </summary>
    public static void DeleteScratch(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    public string DataFile(string name) => Path.Combine(DataDirectory, name);

    public void Replace(string relativePath, string oldText, string newText)
    {
        var path = Path.Combine(Root, relativePath);
        var text = File.ReadAllText(path);
        Assert.Contains(oldText, text);
        File.WriteAllText(path, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    public void AppendLine(string relativePath, string line) => File.AppendAllText(Path.Combine(Root, relativePath), line + "\n");

    public void Dispose() => Directory.Delete(Root, recursive: true);

    /// <summary>A folder copied whole (a test's own copy of some content).</summary>
    public static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(from))
        {
            Copy(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Portal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Portal.sln not found above the test binaries");
    }
}
