using System.IO.Compression;
using System.Threading.Channels;

namespace Portal.Application.StaticSite;

/// <summary>
/// Writes the export's files into the folder being built and, in the same pass, into the offline zip. One writer
/// thread takes files as the renderers finish them: creating many small files does not get faster in parallel (the
/// file system serialises it), so rendering on every core overlaps with one steady writer instead of waiting for it.
/// </summary>
internal sealed class SiteFolderWriter : IAsyncDisposable
{
    private readonly string _folder;
    private readonly Channel<(string File, byte[] Bytes)> _queue = Channel.CreateUnbounded<(string, byte[])>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);
    private readonly FileStream _zipFile;
    private readonly ZipArchive _zip;
    private readonly Task _writing;

    public SiteFolderWriter(string folder, string zipPath)
    {
        _folder = folder;
        _zipFile = new FileStream(zipPath, FileMode.CreateNew, FileAccess.Write);
        _zip = new ZipArchive(_zipFile, ZipArchiveMode.Create);
        _writing = Task.Run(WriteQueuedAsync);
    }

    /// <summary>Queues a file; <paramref name="file"/> is relative to the site root with '/' separators.</summary>
    public void Add(string file, byte[] bytes)
    {
        if (!_queue.Writer.TryWrite((file, bytes)))
        {
            throw new InvalidOperationException($"{file}: the site folder is already complete");
        }
    }

    /// <summary>Writes what is queued and closes the zip; returns every file written.</summary>
    public async Task<IReadOnlySet<string>> CompleteAsync()
    {
        _queue.Writer.TryComplete();
        await _writing;
        _zip.Dispose();
        await _zipFile.DisposeAsync();
        return _written;
    }

    private async Task WriteQueuedAsync()
    {
        var directories = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var (file, bytes) in _queue.Reader.ReadAllAsync())
        {
            var path = Path.Combine(_folder, file);
            if (directories.Add(Path.GetDirectoryName(path)!))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            }

            File.WriteAllBytes(path, bytes);
            // PDFs are compressed inside already; deflating them again costs time and saves nothing.
            var level = file.EndsWith(".pdf", StringComparison.Ordinal) ? CompressionLevel.NoCompression : CompressionLevel.Fastest;
            await using (var entry = _zip.CreateEntry(file, level).Open())
            {
                entry.Write(bytes);
            }

            _written.Add(file);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        // A failed write was reported by CompleteAsync, or the export failed before it; disposing only releases the zip.
        await _writing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _zip.Dispose();
        await _zipFile.DisposeAsync();
    }
}
