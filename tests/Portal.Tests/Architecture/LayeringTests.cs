using System.Reflection;

namespace Portal.Tests.Architecture;

/// <summary>
/// The layering README.md's architecture section draws, held by the compiled assemblies: libraries know nothing above
/// them, the application knows no host and no HTTP, and only the hosts (web, CLI) know ASP.NET Core's web stack.
/// </summary>
public sealed class LayeringTests
{
    /// <summary>Each Portal assembly and the Portal assemblies it may reference.</summary>
    public static TheoryData<string, string[]> Layers => new()
    {
        { "Portal.Places", [] },
        { "Portal.Content", ["Portal.Places"] },
        { "Portal.Search", ["Portal.Places", "Portal.Content"] },
        { "Portal.Cards", ["Portal.Places", "Portal.Content"] },
        { "Portal.Pages", ["Portal.Places", "Portal.Content", "Portal.Search", "Portal.Cards"] },
        { "Portal.Application", ["Portal.Places", "Portal.Content", "Portal.Search", "Portal.Cards", "Portal.Pages"] },
    };

    [Theory]
    [MemberData(nameof(Layers))]
    public void An_assembly_references_only_the_layers_below_it(string assembly, string[] allowed)
    {
        var references = Assembly.Load(assembly).GetReferencedAssemblies().Select(a => a.Name!).ToList();

        var portal = references.Where(r => r.StartsWith("Portal.", StringComparison.Ordinal) || r == "portal").Order().ToList();
        Assert.All(portal, r => Assert.Contains(r, allowed));
        // Razor components render pages (Pages, and the page catalogue that composes them); HTTP, routing and hosting
        // of ASP.NET Core belong to the web host alone.
        var web = references.Where(r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            && !(assembly is "Portal.Pages" or "Portal.Application" && r.StartsWith("Microsoft.AspNetCore.Components", StringComparison.Ordinal)));
        Assert.Empty(web);
    }
}
