using System.Collections.Concurrent;
using Portal.Content.Drafts;
using Portal.Places.Catalog;

namespace Portal.Content.Markdown;

/// <summary>
/// Pages as read from their Markdown files, kept while a file's size and time stay the same: a running portal re-reads
/// content/ on every change (a status change every few seconds in a crisis) and need not render unchanged pages again.
/// </summary>
public sealed class PageFileCache
{
    private readonly ConcurrentDictionary<string, (long Ticks, long Length, PageDraft? Page, DataProblem[] Problems)> _pages = new(StringComparer.Ordinal);

    public PageDraft? GetOrRead(string path, List<DataProblem> problems, Func<string, List<DataProblem>, PageDraft?> read)
    {
        var file = new FileInfo(path);
        var (ticks, length) = (file.LastWriteTimeUtc.Ticks, file.Length);
        if (_pages.TryGetValue(path, out var known) && known.Ticks == ticks && known.Length == length)
        {
            problems.AddRange(known.Problems);
            return known.Page;
        }

        var own = new List<DataProblem>();
        var page = read(path, own);
        _pages[path] = (ticks, length, page, [.. own]);
        problems.AddRange(own);
        return page;
    }
}
