using Microsoft.AspNetCore.Components;
using Portal.Pages;

namespace Portal.Application.PageCatalogue;

/// <summary>A page component with its own parameters (the page context is added when it is rendered) and its status.</summary>
public sealed record PageView(Type Component, IReadOnlyDictionary<string, object?> Parameters, int Status = 200)
{
    /// <param name="parameters">Named with nameof(TComponent.Parameter), so a renamed parameter fails the build, not the page.</param>
    public static PageView Of<TComponent>(params (string Name, object? Value)[] parameters) where TComponent : IComponent =>
        new(typeof(TComponent), parameters.ToDictionary(p => p.Name, p => p.Value));

    public PageView WithStatus(int status) => this with { Status = status };

    /// <summary>Not a page but a redirect (302) to this href: the answer lives on another site of the deployment.</summary>
    public string? RedirectTo { get; init; }

    public static PageView Redirect(string href) => new(typeof(Portal.Pages.Layout.NotFoundPage), new Dictionary<string, object?>(), 302) { RedirectTo = href };

    public Task<string> RenderAsync(PageRenderer renderer, PageContext page) =>
        renderer.RenderAsync(Component, new Dictionary<string, object?>(Parameters) { ["Page"] = page });
}
