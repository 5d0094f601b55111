using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Tunas.Web.Infrastructure;

/// <summary>
/// A browser sends the sign-in cookie with any request, including a form another site submits; the API accepts a
/// write under the cookie only with the antiforgery token in the <see cref="HeaderName"/> header, which another site
/// cannot read. Pages give the token in <c>&lt;meta name="csrf-token"&gt;</c>. A bearer token is never sent by a browser
/// on its own, so bearer calls need no header; anonymous callers have no cookie to abuse.
/// </summary>
public static class ApiAntiforgery
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public static IServiceCollection AddApiAntiforgery(this IServiceCollection services) =>
        services.AddAntiforgery(o =>
        {
            o.HeaderName = HeaderName;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // SecurityHeaders sends X-Frame-Options DENY on every answer; this one would say SAMEORIGIN on some.
            o.SuppressXFrameOptionsHeader = true;
        });

    /// <summary>After authentication (it needs to know how the caller signed in), before authorization and the rate limits.</summary>
    public static IApplicationBuilder UseApiAntiforgery(this IApplicationBuilder app) =>
        app.Use(async (ctx, next) =>
        {
            if (!NeedsToken(ctx) || await ctx.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(ctx))
            {
                await next(ctx);
                return;
            }
            if (ctx.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                // A public endpoint: the call goes on as the anonymous caller it could have been, without what the
                // cookie would add (staff are not rate-limited).
                ctx.User = new ClaimsPrincipal(new ClaimsIdentity());
                await next(ctx);
                return;
            }
            var L = ctx.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            await TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
                title: L["This request lacks its security token. Reload the page and try again."]).ExecuteAsync(ctx);
        });

    private static bool NeedsToken(HttpContext ctx) =>
        !(HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method) || HttpMethods.IsOptions(ctx.Request.Method)
            || HttpMethods.IsTrace(ctx.Request.Method))
        && ctx.Request.Path.StartsWithSegments("/api")
        && ctx.User.Identity is { IsAuthenticated: true, AuthenticationType: var type }
        && type == IdentityConstants.ApplicationScheme;
}
