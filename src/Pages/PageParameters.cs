namespace Portal.Pages;

/// <summary>The parameter set every page component takes: the page context plus its own values.</summary>
public static class PageParameters
{
    public static Dictionary<string, object?> Parameters(PageContext page, params (string Name, object? Value)[] more)
    {
        var parameters = new Dictionary<string, object?> { ["Page"] = page };
        foreach (var (name, value) in more)
        {
            parameters[name] = value;
        }

        return parameters;
    }
}
