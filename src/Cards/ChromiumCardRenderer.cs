using Microsoft.Playwright;

namespace Portal.Cards;

/// <summary>A card whose text does not fit its box: printing it would clip what a resident needs to read.</summary>
public sealed record CardOverflow(string BuurtCode, string Field);

public sealed class CardOverflowException(IReadOnlyList<CardOverflow> overflows)
    : Exception("Text does not fit on the card: " + string.Join("; ", overflows.Select(o => $"buurt {o.BuurtCode}, field '{o.Field}'")))
{
    public IReadOnlyList<CardOverflow> Overflows { get; } = overflows;
}

/// <summary>
/// Turns card HTML into print files with Debian's headless Chromium (driven by Playwright, which never downloads a
/// browser here). One browser serves many renders; render in batches, not per card, for throughput.
/// </summary>
public sealed class ChromiumCardRenderer : IAsyncDisposable
{
    public const string DefaultExecutable = "/usr/bin/chromium";
    private const double CssPixelsPerMm = 96 / 25.4;

    private static readonly string[] LaunchArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-quic", "--host-resolver-rules=MAP * ~NOTFOUND",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private ChromiumCardRenderer(IPlaywright playwright, IBrowser browser) => (_playwright, _browser) = (playwright, browser);

    /// <summary>False once the browser has gone away (crashed or killed): start a new one.</summary>
    public bool IsConnected => _browser.IsConnected;

    public static async Task<ChromiumCardRenderer> StartAsync(string executable = DefaultExecutable)
    {
        EnsureInstalled(executable);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = true, Args = LaunchArgs });
        return new ChromiumCardRenderer(playwright, browser);
    }

    /// <summary>Fails at once, with how to fix it, rather than after the work that needs Chromium has begun.</summary>
    public static void EnsureInstalled(string executable = DefaultExecutable)
    {
        if (!File.Exists(executable))
        {
            throw new FileNotFoundException($"Chromium not found at {executable}; install it with: apt-get install -y chromium fonts-noto-core", executable);
        }
    }

    /// <summary>Loads a print document once; check it and print it from the same page.</summary>
    public async Task<LoadedCards> LoadAsync(string html)
    {
        var page = await _browser.NewPageAsync();
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var loaded = new LoadedCards(page);
        await loaded.SetAsync(html);
        return loaded;
    }

    /// <summary>Each card in the document as a PNG at the given resolution (the resolution is written into the file).</summary>
    public async Task<IReadOnlyDictionary<string, byte[]>> PngsAsync(string html, CardSize size, int dpi)
    {
        await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            DeviceScaleFactor = dpi / 96f,
            ViewportSize = new ViewportSize { Width = (int)Math.Ceiling(size.SheetWidthMm * CssPixelsPerMm), Height = (int)Math.Ceiling(size.SheetHeightMm * CssPixelsPerMm) },
        });
        var page = await context.NewPageAsync();
        await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
        var result = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var card in await page.Locator("article.mk-card").AllAsync())
        {
            var code = await card.GetAttributeAsync("data-buurt") ?? throw new InvalidOperationException("a card without data-buurt");
            result[code] = PngFile.WithDpi(await card.ScreenshotAsync(new LocatorScreenshotOptions { Type = ScreenshotType.Png }), dpi);
        }

        return result;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _browser.CloseAsync();
        }
        catch (PlaywrightException)
        {
            // Already gone (crashed or killed): nothing left to close.
        }

        _playwright.Dispose();
    }
}

/// <summary>A print document loaded in a Chromium page; a new document can replace it to reuse the page.</summary>
public sealed class LoadedCards(IPage page) : IAsyncDisposable
{
    public Task SetAsync(string html) => page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });

    public async Task<IReadOnlyList<CardOverflow>> OverflowsAsync()
    {
        var found = await page.EvaluateAsync<string[][]>("""
            () => [...document.querySelectorAll('.mk-card')].flatMap(card =>
              [...card.querySelectorAll('[data-field]')]
                .filter(el => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
                .map(el => [card.dataset.buurt, el.dataset.field]))
            """);
        return [.. found.Select(f => new CardOverflow(f[0], f[1]))];
    }

    /// <summary>A PDF whose page size comes from the document's @page rule; backgrounds printed.</summary>
    public Task<byte[]> PdfAsync() => page.PdfAsync(new PagePdfOptions
    {
        PreferCSSPageSize = true,
        PrintBackground = true,
        Margin = new Margin { Top = "0", Right = "0", Bottom = "0", Left = "0" },
    });

    public async ValueTask DisposeAsync() => await page.CloseAsync();
}
