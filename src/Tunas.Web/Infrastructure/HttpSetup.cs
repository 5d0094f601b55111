using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Tunas.Web.Infrastructure;

/// <summary>
/// How the app meets the network: the client address and scheme from a trusted reverse proxy, the security headers,
/// and HTTPS redirection with HSTS when the app itself serves HTTPS (an https address in <c>Urls</c>).
/// </summary>
public static class HttpSetup
{
    public const string KnownProxiesKey = "ForwardedHeaders:KnownProxies";
    public const string KnownNetworksKey = "ForwardedHeaders:KnownNetworks";

    public static WebApplicationBuilder AddTunasHttp(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var proxies = configuration.GetSection(KnownProxiesKey).Get<string[]>() ?? [];
        var networks = configuration.GetSection(KnownNetworksKey).Get<string[]>() ?? [];
        // Checked here, so that a mistyped address stops start-up instead of silently trusting no one.
        var proxyAddresses = proxies.Select(p => IPAddress.TryParse(p, out var a) ? a
            : throw new InvalidOperationException($"{KnownProxiesKey}: '{p}' is not an IP address.")).ToList();
        var proxyNetworks = networks.Select(n => System.Net.IPNetwork.TryParse(n, out var net) ? net
            : throw new InvalidOperationException($"{KnownNetworksKey}: '{n}' is not a network such as 10.0.0.0/8.")).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Not the host: the Host header the proxy passes on is checked against AllowedHosts like any other.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            proxyAddresses.ForEach(o.KnownProxies.Add);
            proxyNetworks.ForEach(o.KnownIPNetworks.Add);
        });
        if (HttpsAddress(configuration) is { } https)
        {
            builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
            builder.Services.AddHttpsRedirection(o => o.HttpsPort = https.Port);
        }
        return builder;
    }

    /// <summary>First in the pipeline: every later step (HTTPS, cookies, rate limits per address) sees the real client.</summary>
    public static WebApplication UseTunasHttp(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (HttpsAddress(app.Configuration) is not null)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        return app;
    }

    /// <summary>The first https address among <c>Urls</c> (the setting that <c>--urls</c> and <c>ASPNETCORE_URLS</c> also fill).</summary>
    public static Uri? HttpsAddress(IConfiguration configuration) =>
        (configuration["Urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => u.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal))
            .Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri : null)
            .FirstOrDefault(u => u?.Scheme == Uri.UriSchemeHttps);
}
