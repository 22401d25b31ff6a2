using Microsoft.Playwright;

namespace Portal.BrowserTests;

/// <summary>
/// Screenshots beside the test binaries (screenshots/…) for a person to look through. Taking one costs Chromium as much
/// as the checks on the page (measured: half of Chromium's processor time in the layout tests), and nobody looks at a
/// CI run's, so the whole set is taken when asked for (<c>PORTAL_SCREENSHOTS=1 tests/run</c>); a page that fails a check
/// is always shot, to show what is wrong.
/// </summary>
public static class Screenshots
{
    public static bool Wanted { get; } = Environment.GetEnvironmentVariable("PORTAL_SCREENSHOTS") is "1" or "true";

    public static async Task SaveAsync(IPage page, string name, bool failed)
    {
        if (!Wanted && !failed)
        {
            return;
        }

        var file = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file });
    }
}
