using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Account;

[Collection(SharedApp.Name)]
public sealed class AuthApiTests(TunasFactory app)
{
    [Fact]
    public async Task ARightPasswordGivesATokenWithItsExpiry()
    {
        var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = TunasFactory.EmailOf(Roles.ProgramOfficer), password = TunasFactory.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(body.GetProperty("accessToken").GetString()));
        var expires = body.GetProperty("expiresAt").GetDateTime();
        Assert.InRange(expires, DateTime.UtcNow.AddHours(7), DateTime.UtcNow.AddHours(9));
    }

    [Fact]
    public async Task AWrongPasswordAndAnUnknownEmailLookTheSame()
    {
        var client = app.CreateClient();

        var wrongPassword = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = TunasFactory.EmailOf(Roles.Facilitator), password = "salah-sekali-1" });
        var unknownEmail = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "siapa@uji.test", password = "salah-sekali-1" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownEmail.StatusCode);
        Assert.Equal(await WithoutTraceIdAsync(unknownEmail), await WithoutTraceIdAsync(wrongPassword));
        Assert.DoesNotContain("password", await wrongPassword.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> WithoutTraceIdAsync(HttpResponseMessage response)
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body.Remove("traceId");
        return body.ToJsonString();
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccount()
    {
        using var scope = app.Services.CreateScope();
        var admin = scope.ServiceProvider.GetRequiredService<Tunas.Web.Features.Users.UserAdmin>();
        var created = await admin.CreateAsync(new("kunci@uji.test", TunasFactory.Password, Roles.Facilitator, null, null, null), (null, "test"));
        Assert.True(created.Succeeded);
        var client = app.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "kunci@uji.test", password = "salah-sekali-1" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        var right = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "kunci@uji.test", password = TunasFactory.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
    }

    [Fact]
    public async Task AnEmptyRequestIsUnauthorizedNotAnError()
    {
        var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AForgedTokenIsRefused()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");

        var response = await client.GetAsync("/api/v1/users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
