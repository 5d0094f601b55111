using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Features.Users;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Account;

/// <summary>Only the right password of a locked account learns that it is locked; any wrong password, even the
/// one that locks it, gets the same words as an unknown e-mail, on the page and from the API alike.</summary>
[Collection(SharedApp.Name)]
public sealed class SignInAnswersTests(TunasFactory app)
{
    private const string Wrong = "E-mail atau kata sandi salah.";
    private const string Locked = "Akun ini dikunci sementara";

    [Fact]
    public async Task TheWrongPasswordThatLocksAnAccountGetsTheWordsOfAnyWrongPassword()
    {
        const string email = "masuk.kelima@uji.test";
        await CreateAsync(email);
        for (var i = 0; i < 4; i++)
        {
            Assert.Contains(Wrong, await PageSignInAsync(email, "salah-sekali-1"), StringComparison.Ordinal);
        }

        var fifth = await PageSignInAsync(email, "salah-sekali-1");

        Assert.Contains(Wrong, fifth, StringComparison.Ordinal);
        Assert.DoesNotContain(Locked, fifth, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongPasswordForALockedAccountLearnsNothingOnThePage()
    {
        const string email = "masuk.terkunci@uji.test";
        await CreateLockedAsync(email);

        var html = await PageSignInAsync(email, "salah-lagi-22");

        Assert.Contains(Wrong, html, StringComparison.Ordinal);
        Assert.DoesNotContain(Locked, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRightPasswordForALockedAccountLearnsItIsLockedOnThePage()
    {
        const string email = "masuk.pemilik@uji.test";
        await CreateLockedAsync(email);

        var html = await PageSignInAsync(email, TunasFactory.Password);

        Assert.Contains(Locked, html, StringComparison.Ordinal);
        Assert.DoesNotContain(Wrong, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApiAnswersALockedAccountAsThePageDoes()
    {
        const string email = "token.terkunci@uji.test";
        await CreateLockedAsync(email);
        var client = app.CreateClient();

        var wrong = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "salah-lagi-22" });
        var unknown = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "tidak.ada@uji.test", password = "salah-lagi-22" });
        var right = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = TunasFactory.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(await WithoutTraceIdAsync(unknown), await WithoutTraceIdAsync(wrong));
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains(Locked, (await right.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    private async Task CreateAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<UserAdmin>()
            .CreateAsync(new(email, TunasFactory.Password, Roles.Facilitator, null, null, null), (null, "test"));
        Assert.True(created.Succeeded);
    }

    private async Task CreateLockedAsync(string email)
    {
        await CreateAsync(email);
        for (var i = 0; i < 5; i++)
        {
            await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password = "salah-sekali-1" });
        }
    }

    private async Task<string> PageSignInAsync(string email, string password)
    {
        var client = await app.PageClientAsync(null);
        var response = await client.PostAsync("/Account/Login", await TunasFactory.FormAsync(client, "/Account/Login", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> WithoutTraceIdAsync(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body.Remove("traceId");
        return body.ToJsonString();
    }
}
