using System.Net;
using System.Text.RegularExpressions;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Home;

/// <summary>Issue 10, finding 10: the headers every answer carries, and pages that run under a CSP without inline scripts.</summary>
[Collection(SharedApp.Name)]
public sealed partial class SecurityHeadersTests(TunasFactory app)
{
    [Theory]
    [InlineData("/", HttpStatusCode.OK)]                                   // a page
    [InlineData("/api/v1/public/programs", HttpStatusCode.OK)]             // an API answer
    [InlineData("/css/site.css", HttpStatusCode.OK)]                       // a static file
    [InlineData("/lib/bootstrap/bootstrap.bundle.min.js", HttpStatusCode.OK)]
    [InlineData("/tidak-ada", HttpStatusCode.NotFound)]                    // the error page
    [InlineData("/api/v1/tidak-ada", HttpStatusCode.NotFound)]             // an API error
    [InlineData("/health", HttpStatusCode.OK)]                             // a short-circuited endpoint
    public async Task EveryAnswerCarriesTheSecurityHeaders(string url, HttpStatusCode status)
    {
        var response = await app.CreateClient().GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        SecurityHeaderAsserts.Present(response);
        Assert.Equal(SecurityHeaders.PagePolicy, SecurityHeaderAsserts.Header(response, "Content-Security-Policy"));
    }

    [Fact]
    public async Task AnAnswerToABodyTheApiCannotReadCarriesThemToo()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        var response = await client.PostAsync("/api/v1/nik/check", new StringContent("{\"nik\": ", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        SecurityHeaderAsserts.Present(response);
    }

    [Fact]
    public void ThePagePolicyAllowsNoInlineOrForeignScriptAndNoFraming()
    {
        var directives = SecurityHeaders.PagePolicy.Split(';', StringSplitOptions.TrimEntries).ToDictionary(d => d.Split(' ')[0], d => d);

        Assert.Equal("script-src 'self'", directives["script-src"]);
        Assert.Equal("default-src 'self'", directives["default-src"]);
        Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
        Assert.Equal("object-src 'none'", directives["object-src"]);
        Assert.Equal("style-src 'self'", directives["style-src"]);
    }

    [Fact]
    public async Task PagesHaveNoInlineScriptsOrEventHandlers()
    {
        var program = await Programs.Arrange.ProgramAsync(app);
        var admin = await app.PageClientAsync(Roles.Administrator);
        var anonymous = app.CreateClient();

        var pages = new List<(string Url, string Html)>();
        foreach (var url in new[] { "/", "/Registry", "/Registry/Create", "/Registry/Imports", "/Registry/Duplicates", "/Programs", $"/Programs/{program}", $"/Programs/{program}/Quotas", "/Selection", "/Messages", "/Users" })
        {
            pages.Add((url, await admin.GetStringAsync(url)));
        }
        foreach (var url in new[] { "/", "/Apply", "/Status", "/Results", "/Account/Login", "/About" })
        {
            pages.Add((url, await anonymous.GetStringAsync(url)));
        }

        Assert.All(pages, p =>
        {
            Assert.False(InlineScript().IsMatch(p.Html), p.Url + " has an inline script: " + InlineScript().Match(p.Html).Value);
            Assert.False(EventHandler().IsMatch(p.Html), p.Url + " has an inline event handler: " + EventHandler().Match(p.Html).Value);
            Assert.DoesNotContain("javascript:", p.Html, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task TheApiReferenceRunsItsStartUpScriptByANoncePerRequest()
    {
        var client = app.CreateClient();

        var first = await client.GetAsync("/docs");
        var second = await client.GetAsync("/docs");

        SecurityHeaderAsserts.Present(first);
        var policy = SecurityHeaderAsserts.Header(first, "Content-Security-Policy");
        var nonce = Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.DoesNotContain("'unsafe-inline'", policy.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        var html = await first.Content.ReadAsStringAsync();
        Assert.All(Regex.Matches(html, "<script[^>]*>").Select(m => m.Value), tag => Assert.Contains($"nonce=\"{nonce}\"", tag, StringComparison.Ordinal));
        Assert.DoesNotContain(nonce, SecurityHeaderAsserts.Header(second, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("\\son[a-z]+\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();
}

/// <summary>The headers of <see cref="SecurityHeaders"/> on an answer.</summary>
internal static class SecurityHeaderAsserts
{
    public static void Present(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri} answered without {name}.");
}
