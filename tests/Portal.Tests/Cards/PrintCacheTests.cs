using Portal.Application.CardPrinting;

namespace Portal.Tests.Cards;

public sealed class PrintCacheTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"portal-prints-{Guid.NewGuid():N}");

    [Fact]
    public async Task The_same_cards_are_printed_once_and_then_come_from_the_cache()
    {
        var printed = 0;
        Task<byte[]> Print() => Task.FromResult(new[] { (byte)++printed });

        var first = await new PrintCache(_folder).GetOrPrintAsync("<article>Hengstdal</article>", "pdf", Print);
        var later = new PrintCache(_folder);
        var second = await later.GetOrPrintAsync("<article>Hengstdal</article>", "pdf", Print);

        Assert.Equal(1, printed);
        Assert.Equal(first, second);
        Assert.Equal((1, 0), (later.Reused, later.Printed));
    }

    [Fact]
    public async Task Changed_cards_are_printed_again_and_the_old_file_is_removed_after_the_run()
    {
        await new PrintCache(_folder).GetOrPrintAsync("<article>Noodsteunpunt: De Muze</article>", "pdf", () => Task.FromResult(new byte[] { 1 }));
        var next = new PrintCache(_folder);

        var bytes = await next.GetOrPrintAsync("<article>Noodsteunpunt: Gemeentehuis</article>", "pdf", () => Task.FromResult(new byte[] { 2 }));
        next.RemoveUnused();

        Assert.Equal([2], bytes);
        Assert.Equal((0, 1), (next.Reused, next.Printed));
        Assert.Equal([2], await File.ReadAllBytesAsync(Assert.Single(Directory.GetFiles(_folder))));
    }

    [Fact]
    public async Task A_failed_print_leaves_nothing_in_the_cache()
    {
        var cache = new PrintCache(_folder);

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrPrintAsync("<article/>", "pdf", () => throw new InvalidOperationException("Chromium crashed")));

        Assert.False(Directory.Exists(_folder) && Directory.EnumerateFileSystemEntries(_folder).Any());
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
