using System.IO.Compression;
using System.Runtime.InteropServices;

namespace Portal.Application.StaticSite;

/// <summary>
/// The copy of an export that a status change edits before it replaces the export: every file hard-linked (no data
/// copied, so a site of thousands of pages is "copied" in milliseconds; a plain copy where links are not possible),
/// and a changed file written as a new file, never through a link into the export being served.
/// </summary>
internal static partial class SiteFolderCopy
{
    public static void Link(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories).Prepend(from))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(to, Path.GetRelativePath(from, file));
            if (OperatingSystem.IsWindows() || HardLink(file, copy) != 0)
            {
                File.Copy(file, copy);
            }
        }
    }

    /// <summary>Writes beside the file and renames over it: the link to the served export is replaced, not written through.</summary>
    public static void Replace(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The offline zip of a finished folder, replacing the previous zip in one move.</summary>
    public static void Zip(string folder, string zip)
    {
        var temporary = Portal.Content.Files.AtomicFile.TemporaryBeside(zip);
        try
        {
            using (var archive = ZipFile.Open(temporary, ZipArchiveMode.Create))
            {
                foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    var name = Path.GetRelativePath(folder, file).Replace('\\', '/');
                    // PDFs are compressed inside already, as in the full export's zip.
                    archive.CreateEntryFromFile(file, name, name.EndsWith(".pdf", StringComparison.Ordinal) ? CompressionLevel.NoCompression : CompressionLevel.Fastest);
                }
            }

            File.Move(temporary, zip, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int HardLink([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string link);
}
