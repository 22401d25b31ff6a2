using Portal.Content.Cultures;

namespace Portal.Web.Endpoints;

/// <summary>Every page and file exists in every language: the default language at the root, the others under /{code}.</summary>
public static class CultureRoutes
{
    public static IEnumerable<RouteGroupBuilder> Groups(IEndpointRouteBuilder app, CultureSet cultures)
    {
        yield return app.MapGroup("");
        var prefixes = cultures.All.Where(c => !c.IsDefault).Select(c => c.Code).ToList();
        if (prefixes.Count > 0)
        {
            yield return app.MapGroup($"/{{culture:regex(^({string.Join('|', prefixes)})$)}}");
        }
    }
}
