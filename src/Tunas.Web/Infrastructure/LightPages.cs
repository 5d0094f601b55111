using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Tunas.Web.Infrastructure;

/// <summary>
/// Pages light enough for a phone on a slow, paid connection (decision 0020): answers compressed (Brotli, else gzip),
/// versioned static files cached for a year, everything else revalidated.
/// </summary>
public static class LightPages
{
    /// <summary>A year: the longest lifetime caches honour, for files whose address changes with their content.</summary>
    public const string ImmutableCaching = "public, max-age=31536000, immutable";

    /// <summary>A file without a version in its address (favicon.ico, a source map) is kept for a day.</summary>
    public const string UnversionedCaching = "public, max-age=86400";

    public static IServiceCollection AddLightPages(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            // Over HTTPS too: SignedInPagesStayPlain keeps the answers that could leak through BREACH uncompressed.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "image/svg+xml", "image/x-icon", "application/problem+json"];
        });
        // Compressed on every request (no precompressed copies, decision 0020): fast levels, which on these files
        // cost little in size (bootstrap.min.css: 232 KB, about 31 KB either way).
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddSingleton<IResponseCompressionProvider, SignedInPagesStayPlain>();
        return services;
    }

    /// <summary>Static files from wwwroot: a year for an address with <c>?v=</c> (asp-append-version), a day otherwise.</summary>
    public static IApplicationBuilder UseLightStaticFiles(this IApplicationBuilder app) =>
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                file.Context.Request.Query.ContainsKey("v") ? ImmutableCaching : UnversionedCaching,
        });
}

/// <summary>
/// Compresses like the default provider, except, over HTTPS, an answer to a request signed in by the cookie: such
/// a page can hold personal data beside text an attacker chooses, and a browser sends the cookie on requests another
/// site starts, which is what BREACH needs. Anonymous answers hold no secret but the antiforgery token, which is
/// encrypted anew for every answer; a bearer token is never sent by the browser on its own.
/// </summary>
public sealed class SignedInPagesStayPlain(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
    : ResponseCompressionProvider(services, options)
{
    public override bool ShouldCompressResponse(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return base.ShouldCompressResponse(context) && !(context.Request.IsHttps && SignedInByCookie(context));
    }

    private static bool SignedInByCookie(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && !context.Request.Headers.ContainsKey(HeaderNames.Authorization);
}
