namespace Portal.Content.Files;

/// <summary>Writes a file beside its target and renames it over the target: a reader, or a crash mid-write, never sees half a file.</summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
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
