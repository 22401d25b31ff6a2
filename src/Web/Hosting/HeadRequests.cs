using Microsoft.AspNetCore.Http.Features;

namespace Portal.Web.Hosting;

/// <summary>
/// Answers HEAD wherever GET is answered, with GET's status and headers and no body. Uptime monitors and link checkers
/// ask with HEAD, and the site's GET endpoints would otherwise answer them 405 or 404.
/// </summary>
public static class HeadRequests
{
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await next(context);
                return;
            }

            var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
            context.Request.Method = HttpMethods.Get;
            context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, body));
            try
            {
                await next(context);
            }
            finally
            {
                context.Features.Set(body);
                context.Request.Method = HttpMethods.Head;
            }
        });
}
