using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Home;

/// <summary>
/// The app behind a TLS proxy at 10.9.8.7 that it was told about, serving https itself too (an https address in
/// Urls), under the names localhost and tunas.example. A test says which peer a request comes from and reads
/// which client address and scheme the app saw.
/// </summary>
public sealed class ProxiedHttpsApp : TunasFactory
{
    public const string Proxy = "10.9.8.7";
    public const string PeerHeader = "X-Test-Peer";
    public const string ProbeHeader = "X-Test-Probe";

    public ProxiedHttpsApp()
    {
        Settings["Urls"] = "https://localhost:5443";
        Settings["AllowedHosts"] = "localhost;tunas.example";
        Settings[HttpSetup.KnownProxiesKey + ":0"] = Proxy;
        SeedRoleUsers = false;
    }

    /// <summary>What the app saw of each probed request: the client address and the scheme.</summary>
    public ConcurrentDictionary<string, (string? Address, string Scheme)> Seen { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new Peer(Seen)));
    }

    private sealed class Peer(ConcurrentDictionary<string, (string?, string)> seen) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (ctx, nextMiddleware) =>
            {
                if (IPAddress.TryParse(ctx.Request.Headers[PeerHeader].ToString(), out var peer))
                {
                    ctx.Connection.RemoteIpAddress = peer;
                }
                await nextMiddleware(ctx);
                if (ctx.Request.Headers[ProbeHeader].ToString() is { Length: > 0 } probe)
                {
                    seen[probe] = (ctx.Connection.RemoteIpAddress?.ToString(), ctx.Request.Scheme);
                }
            });
            next(app);
        };
    }
}

/// <summary>Issue 10, finding 10: forwarded headers only from a known proxy, HTTPS only when configured, no forged Host in a redirect.</summary>
public sealed partial class DeploymentTests(ProxiedHttpsApp app) : IClassFixture<ProxiedHttpsApp>
{
    [Fact]
    public async Task AKnownProxyGivesTheClientsAddressAndScheme()
    {
        var probe = await ProbeAsync(ProxiedHttpsApp.Proxy, "203.0.113.5", "https");

        Assert.Equal(("203.0.113.5", "https"), probe);
    }

    [Fact]
    public async Task AnyoneElsesForwardedHeadersAreIgnored()
    {
        var probe = await ProbeAsync("198.51.100.9", "203.0.113.5", "https");

        Assert.Equal("198.51.100.9", probe.Address);
    }

    [Fact]
    public async Task PlainHttpIsRedirectedToTheHttpsAddress()
    {
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/Apply");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://localhost:5443/Apply", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task HttpsAnswersCarryHsts()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://tunas.example/") });

        var response = await client.GetAsync("/Apply");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
        SecurityHeaderAsserts.Present(response);
    }

    [Fact]
    public async Task AForgedHostIsRefusedBeforeAnyRedirect()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://evil.example/") });

        var response = await client.GetAsync("/Registry");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task BehindTheTlsProxyTheCookiesAreSecure()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var get = Proxied(HttpMethod.Get, "/Account/Login");
        var page = await client.SendAsync(get);
        var antiforgery = Assert.Single(SetCookies(page), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var token = Regex.Match(await page.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        using var post = Proxied(HttpMethod.Post, "/Account/Login");
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        post.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = TunasFactory.EmailOf(Roles.Administrator),
            ["Input.Password"] = TunasFactory.Password,
            ["__RequestVerificationToken"] = token,
        });
        var signedIn = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var auth = Assert.Single(SetCookies(signedIn), c => c.StartsWith("tunas.auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<(string? Address, string Scheme)> ProbeAsync(string peer, string forwardedFor, string forwardedProto)
    {
        var probe = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add(ProxiedHttpsApp.PeerHeader, peer);
        request.Headers.Add(ProxiedHttpsApp.ProbeHeader, probe);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        await app.CreateClient(new() { AllowAutoRedirect = false }).SendAsync(request);
        return app.Seen[probe];
    }

    private static HttpRequestMessage Proxied(HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add(ProxiedHttpsApp.PeerHeader, ProxiedHttpsApp.Proxy);
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Proto", "https");
        return request;
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}

/// <summary>The defaults (http://localhost:5080, AllowedHosts of this machine's names): plain HTTP, and no other Host.</summary>
[Collection(SharedApp.Name)]
public sealed class DefaultDeploymentTests(TunasFactory app)
{
    [Fact]
    public async Task WithoutAnHttpsAddressPlainHttpIsServedWithoutHsts()
    {
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/Apply");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("http://localhost/")]
    [InlineData("http://127.0.0.1/")]
    public async Task TheDefaultAllowedHostsServeThisMachine(string address)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri(address) });

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Apply")).StatusCode);
    }

    [Fact]
    public async Task AForgedHostNeverLandsInTheSignInRedirect()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://evil.example/") });

        var response = await client.GetAsync("/Registry");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("evil.example", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
    }
}
