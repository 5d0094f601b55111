using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Features.Messages;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Shared.Messaging;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Home;

/// <summary>Issue 10, finding 6: another site's form must not write through the API with an operator's sign-in cookie.</summary>
[Collection(SharedApp.Name)]
public sealed partial class ApiAntiforgeryTests(TunasFactory app)
{
    [Fact]
    public async Task ACrossSiteFormCannotMarkAMessageSentWithTheSignInCookie()
    {
        var program = await MessageData.ProgramAsync(app);
        var applicant = await MessageData.ApplicationAsync(app, program, TunasFactory.OperatorVillage, "Sri Rahayu Silang");
        var id = (await MessageData.AddAsync(app, MessageData.Draft(program, applicant)))!.Value;
        var browser = await app.PageClientAsync(Roles.ProgramOfficer);

        // What a form on another site sends: the cookie, a form body (or none), no header.
        var form = await browser.PostAsync($"/api/v1/messages/{id}/sent", new FormUrlEncodedContent([]));
        var bare = await browser.PostAsync($"/api/v1/messages/{id}/sent", null);

        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Contains("token keamanan", (await bare.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(MessageStatus.Pending, (await MessageData.LoadAsync(app, id)).Status);

        // The page's own script sends the token it got from the layout.
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/messages/{id}/sent");
        request.Headers.Add(ApiAntiforgery.HeaderName, await TokenAsync(browser));
        var withToken = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Equal(MessageStatus.Sent, (await MessageData.LoadAsync(app, id)).Status);
    }

    [Fact]
    public async Task ACookieJsonWriteNeedsTheHeaderAndABearerCallDoesNot()
    {
        var browser = await app.PageClientAsync(Roles.ProgramOfficer);
        var bearer = await app.ApiClientAsync(Roles.ProgramOfficer);

        var refused = await browser.PostAsJsonAsync("/api/v1/persons", Person("3572014107909601"));
        var wrongToken = await SendWithTokenAsync(browser, HttpMethod.Post, "/api/v1/persons", Person("3572014107909601"), "bukan-token");
        var accepted = await SendWithTokenAsync(browser, HttpMethod.Post, "/api/v1/persons", Person("3572014107909602"), await TokenAsync(browser));
        var byBearer = await bearer.PostAsJsonAsync("/api/v1/persons", Person("3572014107909603"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byBearer.StatusCode);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        Assert.False(await db.Persons.AnyAsync(p => p.Nik == "3572014107909601"));
    }

    [Fact]
    public async Task ATokenOfAnotherUserIsRefused()
    {
        var officer = await app.PageClientAsync(Roles.ProgramOfficer);
        var admin = await app.PageClientAsync(Roles.Administrator);

        var response = await SendWithTokenAsync(officer, HttpMethod.Post, "/api/v1/persons", Person("3572014107909604"), await TokenAsync(admin));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task APublicEndpointAnswersACookieCallerWithoutTheHeaderAsAnyoneElse()
    {
        var browser = await app.PageClientAsync(Roles.ProgramOfficer);

        var response = await browser.PostAsJsonAsync("/api/v1/public/applications/status", new { registrationNumber = "TNS-0000-0000", birthDate = "1990-01-01" });

        Assert.NotEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("token keamanan", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The token the layout gives a signed-in page, as the page's script reads it.</summary>
    private static async Task<string> TokenAsync(HttpClient browser)
    {
        var html = await browser.GetStringAsync("/");
        var match = CsrfMeta().Match(html);
        Assert.True(match.Success, "The layout has no csrf-token meta tag.");
        return match.Groups[1].Value;
    }

    private static async Task<HttpResponseMessage> SendWithTokenAsync(HttpClient client, HttpMethod method, string url, object body, string token)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.Add(ApiAntiforgery.HeaderName, token);
        return await client.SendAsync(request);
    }

    private static object Person(string nik) => new { nik, fullName = "Warga Silang Situs", villageCode = TunasFactory.OperatorVillage, welfareDecile = 2, welfareSource = "DTKS" };

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfMeta();
}
