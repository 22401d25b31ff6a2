using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging;

namespace Portal.Pages;

/// <summary>Renders a Razor component to a complete HTML document, the same way for the live site and for files.</summary>
public sealed class PageRenderer(IServiceProvider services, ILoggerFactory loggerFactory)
{
    public Task<string> RenderAsync<TComponent>(IReadOnlyDictionary<string, object?> parameters) where TComponent : IComponent =>
        RenderAsync(typeof(TComponent), parameters);

    public async Task<string> RenderAsync(Type component, IReadOnlyDictionary<string, object?> parameters)
    {
        await using var renderer = new HtmlRenderer(services, loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync(component, ParameterView.FromDictionary(parameters.ToDictionary()));
            return output.ToHtmlString();
        });
    }
}
