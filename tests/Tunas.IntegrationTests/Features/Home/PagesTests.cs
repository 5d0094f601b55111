using System.Net;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Home;

[Collection(SharedApp.Name)]
public sealed class PagesTests(TunasFactory app)
{
    [Fact]
    public async Task TheLandingPageIsPublicAndInIndonesian()
    {
        var client = await app.PageClientAsync(null);

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"id\">", html, StringComparison.Ordinal);
        Assert.Contains("Pelatihan keterampilan wirausaha", html, StringComparison.Ordinal);
        Assert.Contains("Dinas Sosial Kota Uji", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Account/Login\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAboutPageAttributesTheRegionDataUnderOdbl()
    {
        var html = await (await app.PageClientAsync(null)).GetStringAsync("/About");

        Assert.Contains("idn-area-data", html, StringComparison.Ordinal);
        Assert.Contains("Open Database License (ODbL)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnglishIsOneClickAway()
    {
        var client = await app.PageClientAsync(null);

        var switched = await client.PostAsync("/Culture", await TunasFactory.FormAsync(client, "/", new() { ["culture"] = "en-US", ["returnUrl"] = "/About" }));
        var html = await client.GetStringAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/About", switched.Headers.Location?.OriginalString);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Entrepreneurship skills training for residents", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLanguageSwitchDoesNotRedirectElsewhere()
    {
        var client = await app.PageClientAsync(null);

        var switched = await client.PostAsync("/Culture", await TunasFactory.FormAsync(client, "/", new() { ["culture"] = "en-US", ["returnUrl"] = "https://example.com/" }));

        Assert.Equal("/", switched.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/Users")]
    [InlineData("/Users/Create")]
    [InlineData("/Agency")]
    [InlineData("/Regions")]
    [InlineData("/Registry/CheckNik")]
    public async Task PrivatePagesSendAnonymousVisitorsToSignIn(string path)
    {
        var response = await (await app.PageClientAsync(null)).GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery.Length > 0 ? new Uri(new Uri("http://x"), response.Headers.Location).PathAndQuery : "", StringComparison.Ordinal);
    }

    public static TheoryData<string, string> ForbiddenPages()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in Roles.All.Where(r => r != Roles.Administrator))
        {
            data.Add("/Users", role);
            data.Add("/Users/Create", role);
            data.Add("/Agency", role);
        }
        foreach (var role in new[] { Roles.Leadership, Roles.Participant, Roles.ProviderStaff, Roles.Facilitator })
        {
            data.Add("/Registry/CheckNik", role);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ForbiddenPages))]
    public async Task AWrongRoleIsRefused(string path, string role)
    {
        var client = await app.PageClientAsync(role);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var denied = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("Peran Anda tidak boleh membuka halaman ini.", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Administrator, true, true, true)]
    [InlineData(Roles.ProgramOfficer, false, false, true)]
    [InlineData(Roles.VillageOperator, false, false, true)]
    [InlineData(Roles.Leadership, false, false, false)]
    [InlineData(Roles.Participant, false, false, false)]
    public async Task TheMenuShowsEachRoleOnlyWhatItMayUse(string role, bool users, bool agency, bool nik)
    {
        var html = await (await app.PageClientAsync(role)).GetStringAsync("/");

        Assert.Equal(users, html.Contains("href=\"/Users\"", StringComparison.Ordinal));
        Assert.Equal(agency, html.Contains("href=\"/Agency\"", StringComparison.Ordinal));
        Assert.Equal(nik, html.Contains("href=\"/Registry/CheckNik\"", StringComparison.Ordinal));
        Assert.Contains(TunasFactory.EmailOf(role), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownPageIsAFriendlyNotFound()
    {
        var response = await (await app.PageClientAsync(Roles.ProgramOfficer)).GetAsync("/tidak-ada");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Halaman tidak ditemukan", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/tidak-ada")]
    [InlineData("/tidak-ada.ico")] // /favicon.ico exists since issue 12 (LightPagesTests)
    [InlineData("/js/tidak-ada.js")]
    public async Task AnUnknownAddressIsNotFoundEvenForAnonymousVisitors(string path)
    {
        var response = await (await app.PageClientAsync(null)).GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task SignOutEndsTheSession()
    {
        var client = await app.PageClientAsync(Roles.Administrator);

        var signedOut = await client.PostAsync("/Account/Logout", await TunasFactory.FormAsync(client, "/", []));
        var response = await client.GetAsync("/Users");

        // A shared phone keeps nothing of the session: cached pages and offline stores are cleared with it.
        Assert.Equal("\"cache\", \"storage\"", string.Join(",", signedOut.Headers.GetValues("Clear-Site-Data")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongPasswordOnTheSignInPageDoesNotSayWhichPartWasWrong()
    {
        var client = await app.PageClientAsync(null);

        var response = await client.PostAsync("/Account/Login", await TunasFactory.FormAsync(client, "/Account/Login", new()
        {
            ["Input.Email"] = "tidak.ada@uji.test",
            ["Input.Password"] = "salah-sekali-1",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("E-mail atau kata sandi salah.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCheckNikPagePostsTheNikAndShowsTheResult()
    {
        var client = await app.PageClientAsync(Roles.VillageOperator);

        var response = await client.PostAsync("/Registry/CheckNik", await TunasFactory.FormAsync(client, "/Registry/CheckNik", new() { ["Nik"] = "3572014107900001" }));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("NIK valid.", html, StringComparison.Ordinal);
        Assert.Contains("Perempuan", html, StringComparison.Ordinal);
        Assert.Contains("1 Juli 1990", html, StringComparison.Ordinal);
        Assert.Contains("Kepanjenkidul", html, StringComparison.Ordinal);
    }
}
