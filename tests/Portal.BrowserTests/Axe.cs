using System.Text.Json;
using Microsoft.Playwright;

namespace Portal.BrowserTests;

/// <summary>One axe-core finding: the rule, how bad, what it asks, and the first elements it found.</summary>
public sealed record AxeViolation(string Id, string? Impact, string Help, string[] Nodes)
{
    public override string ToString() => $"{Id} ({Impact}): {Help}\n    {string.Join("\n    ", Nodes)}";
}

/// <summary>
/// axe-core (the copy Deque.AxeCore ships) run in the page with WCAG 2.1 A/AA and best-practice rules, returning the
/// violations only. Deque's RunAxe serialises every result (passes included) into .NET objects, which costs 2–3 s a page;
/// axe.run itself takes about 0.2 s.
/// </summary>
public static class Axe
{
    private static readonly string Source = LoadSource();

    private static readonly object Options = new
    {
        runOnly = new { type = "tag", values = new[] { "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice" } },
        resultTypes = new[] { "violations" },
    };

    public static async Task<AxeViolation[]> RunAsync(IPage page, bool allRules = false)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Source);
        }

        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async options => (await axe.run(document, options)).violations.map(v =>
              ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.html) }))
            """, allRules ? new { resultTypes = new[] { "violations" } } : Options);
        return violations.Deserialize<AxeViolation[]>(JsonSerializerOptions.Web)!;
    }

    private static string LoadSource()
    {
        using var stream = typeof(Deque.AxeCore.Commons.AxeRunOptions).Assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")
            ?? throw new InvalidOperationException("axe.min.js is not in Deque.AxeCore.Commons");
        return new StreamReader(stream).ReadToEnd();
    }
}
