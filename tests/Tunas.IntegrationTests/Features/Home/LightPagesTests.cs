using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Home;

/// <summary>Issue 12, light pages (decision 0020): compressed answers, a year's caching of versioned files, a favicon.</summary>
[Collection(SharedApp.Name)]
public sealed partial class LightPagesTests(TunasFactory app)
{
    [Theory]
    [InlineData("/", "br, gzip", "br")]
    [InlineData("/", "gzip", "gzip")]
    [InlineData("/Results", "gzip, deflate", "gzip")]
    [InlineData("/css/site.css", "br", "br")]
    [InlineData("/lib/bootstrap/bootstrap.min.css", "gzip", "gzip")]
    [InlineData("/js/site.js", "br, gzip", "br")]
    [InlineData("/api/v1/public/programs", "gzip", "gzip")]
    public async Task PagesFilesAndJsonComeCompressed(string url, string accepts, string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", accepts);

        var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task VersionedFilesAreKeptForAYearAndPagesNever()
    {
        var client = app.CreateClient();
        var page = await client.GetAsync("/");
        var html = await page.Content.ReadAsStringAsync();
        var cacheControl = page.Headers.CacheControl!;
        Assert.True(cacheControl.NoStore || cacheControl.NoCache, "The page may be cached: " + cacheControl);

        var files = VersionedFile().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Contains(files, f => f.StartsWith("/lib/bootstrap/bootstrap.min.css?v=", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("/favicon.svg?v=", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var response = await client.GetAsync(file);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(LightPages.ImmutableCaching, response.Headers.CacheControl!.ToString());
        }
        Assert.Equal(LightPages.UnversionedCaching, (await client.GetAsync("/css/site.css")).Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task TheFaviconIsThereWhereBrowsersLookForIt()
    {
        var response = await app.CreateClient().GetAsync("/favicon.ico");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/x-icon", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, bytes[..4]);
    }

    [Fact]
    public async Task APublicPageLoadsNoScriptItDoesNotNeed()
    {
        var anonymous = await app.CreateClient().GetStringAsync("/");
        var signedIn = await (await app.PageClientAsync(Roles.ProgramOfficer)).GetStringAsync("/");

        Assert.DoesNotContain("bootstrap.bundle.min.js", anonymous, StringComparison.Ordinal);
        Assert.Contains("bootstrap.bundle.min.js", signedIn, StringComparison.Ordinal);
    }

    /// <summary>BREACH: over HTTPS a page for a user signed in by the cookie stays uncompressed; the public's pages do not.</summary>
    [Fact]
    public async Task OverHttpsASignedInPageIsNotCompressedButAPublicOneIs()
    {
        var options = new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost/"), AllowAutoRedirect = false, HandleCookies = true };
        var client = app.CreateClient(options);
        Assert.Equal("gzip", await EncodingAsync(client, "/"));
        var login = await client.PostAsync("/Account/Login", await TunasFactory.FormAsync(client, "/Account/Login", new()
        {
            ["Input.Email"] = TunasFactory.EmailOf(Roles.ProgramOfficer),
            ["Input.Password"] = TunasFactory.Password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        Assert.Null(await EncodingAsync(client, "/Programs"));
        Assert.Null(await EncodingAsync(client, "/"));
        Assert.Equal("gzip", await EncodingAsync(client, "/css/site.css"));
        Assert.Equal("gzip", await EncodingAsync(app.CreateClient(options), "/Results"));
    }

    private static async Task<string?> EncodingAsync(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Content.Headers.ContentEncoding.SingleOrDefault();
    }

    [GeneratedRegex("(?:href|src)=\"(/[^\"]+\\?v=[^\"]+)\"")]
    private static partial Regex VersionedFile();
}
