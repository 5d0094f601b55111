using Scalar.AspNetCore;

namespace Tunas.Web.Infrastructure;

/// <summary>
/// The headers every answer carries (pages, API, static files, errors): a Content-Security-Policy without inline
/// scripts, no MIME sniffing, no referrer to other sites (addresses hold record ids), and no framing by other sites.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts only from the app's own files. Style attributes are allowed (style-src-attr) and nothing else inline:
    /// Razor encodes every value, so an attribute can only come from a view, and with img-src, font-src and
    /// connect-src at 'self' a style cannot send anything to another site; the views use a few dynamic widths.
    /// </summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The API reference page (Scalar) starts itself with an inline module, allowed by a per-request nonce, and writes its own styles.</summary>
    public static string DocsPolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>First in the pipeline, so that static files, short-circuited endpoints and error answers get the headers too.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((ctx, next) =>
        {
            // Set as the answer starts: the exception handler clears the headers of a failed answer before writing its own.
            ctx.Response.OnStarting(static state =>
            {
                var http = (HttpContext)state;
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = http.Items[ScalarOptions.NonceHttpContextItemKey] is string nonce ? DocsPolicy(nonce) : PagePolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                return Task.CompletedTask;
            }, ctx);
            return next(ctx);
        });
}
