using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Pages;

public static class PagesServices
{
    /// <summary>Rendering Razor components to HTML without a browser or a Blazor runtime.</summary>
    public static IServiceCollection AddPageRendering(this IServiceCollection services)
    {
        // Without this, é and Arabic are written as &#x...; references: bytes a slow connection pays for.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddSingleton<PageRenderer>();
        return services;
    }
}
