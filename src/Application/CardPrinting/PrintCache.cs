using System.Security.Cryptography;
using System.Text;
using Portal.Content.Files;

namespace Portal.Application.CardPrinting;

/// <summary>
/// Print files kept by the HTML they were printed from, so a run whose cards did not change (a publish that only
/// changed an alert or an advice page) reuses them instead of keeping Chromium busy for seconds. The key also covers
/// this build of the code that corrects the PDF, so a new version of Portal prints again.
/// </summary>
public sealed class PrintCache(string folder)
{
    private static readonly byte[] BuildId = typeof(Portal.Cards.PdfPageBoxes).Assembly.ManifestModule.ModuleVersionId.ToByteArray();
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public int Reused { get; private set; }

    public int Printed { get; private set; }

    public async Task<byte[]> GetOrPrintAsync(string html, string extension, Func<Task<byte[]>> print)
    {
        var name = $"{Key(html)}.{extension}";
        var path = Path.Combine(folder, name);
        lock (_lock)
        {
            _used.Add(name);
        }

        if (File.Exists(path))
        {
            var cached = await File.ReadAllBytesAsync(path);
            lock (_lock)
            {
                Reused++;
            }

            return cached;
        }

        var bytes = await print();
        try
        {
            await AtomicFile.WriteAllBytesAsync(path, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A full or read-only cache only costs the next run a print; this run has its file.
        }

        lock (_lock)
        {
            Printed++;
        }

        return bytes;
    }

    /// <summary>Deletes the files this run did not ask for: the cache holds one run's worth.</summary>
    public void RemoveUnused()
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        // An unfinished file belongs to a run still printing.
        foreach (var file in Directory.GetFiles(folder).Where(f => !AtomicFile.IsTemporary(f) && !_used.Contains(Path.GetFileName(f))))
        {
            try
            {
                File.Delete(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for the next run; a stale cache file is never served for other cards (its name is their hash).
            }
        }
    }

    private static string Key(string html)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(BuildId);
        hash.AppendData(Encoding.UTF8.GetBytes(html));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
