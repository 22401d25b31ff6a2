namespace Portal.Content.Files;

/// <summary>Writes a file beside its target and renames it over the target: a reader, or a crash mid-write, never sees half a file.</summary>
public static class AtomicFile
{
    private const string TemporarySuffix = ".tmp";

    /// <summary>A file some writer has not finished yet: leave it alone.</summary>
    public static bool IsTemporary(string path) => path.EndsWith(TemporarySuffix, StringComparison.Ordinal);

    /// <summary>A temporary file beside <paramref name="path"/>, named so that <see cref="Leftovers"/> can tell when its writer is gone.</summary>
    public static string TemporaryBeside(string path) => Leftovers.Beside(path, "") + TemporarySuffix;

    public static void Write(string path, Action<Stream> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = TemporaryBeside(path);
        try
        {
            using (var stream = File.Create(temporary))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public static Task WriteAllBytesAsync(string path, byte[] bytes) =>
        Task.Run(() => Write(path, stream => stream.Write(bytes)));
}
