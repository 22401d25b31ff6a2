namespace Portal.Cards;

/// <summary>A document's pages in consecutive ranges, one per core: each range goes to its own process of a print tool.</summary>
public static class PageRanges
{
    /// <returns>1-based, inclusive ranges in page order; none empty.</returns>
    public static IReadOnlyList<(int First, int Last)> PerCore(int pages)
    {
        var workers = Math.Clamp(Environment.ProcessorCount, 1, Math.Max(pages, 1));
        var perWorker = (pages + workers - 1) / workers;
        return [.. Enumerable.Range(0, workers)
            .Select(w => (First: w * perWorker + 1, Last: Math.Min(pages, (w + 1) * perWorker)))
            .Where(range => range.First <= range.Last)];
    }
}
