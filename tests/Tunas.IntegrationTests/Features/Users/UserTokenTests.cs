using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Features.Users;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Users;

/// <summary>What an administrator changes on the edit page stops the user's API tokens too, not only their cookies.</summary>
[Collection(SharedApp.Name)]
public sealed class UserTokenTests(TunasFactory app)
{
    private const string OfficerOnly = "/api/v1/programs";

    [Fact]
    public async Task LockingAUserStopsTheirToken()
    {
        var (id, token) = await OfficerWithTokenAsync("edit.kunci@uji.test");

        await EditAsync(id, new() { ["Input.Role"] = Roles.ProgramOfficer, ["Input.Locked"] = "true" });

        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync(OfficerOnly)).StatusCode);
    }

    [Fact]
    public async Task GivingAUserAnotherRoleTakesTheOldRolesAccessFromTheirToken()
    {
        var (id, token) = await OfficerWithTokenAsync("edit.turun@uji.test");

        await EditAsync(id, new() { ["Input.Role"] = Roles.Facilitator });

        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync(OfficerOnly)).StatusCode);
        var fresh = await TokenClientAsync("edit.turun@uji.test", TunasFactory.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await fresh.GetAsync(OfficerOnly)).StatusCode);
    }

    [Fact]
    public async Task ResettingAPasswordStopsTheTokensGivenForTheOldOne()
    {
        var (id, token) = await OfficerWithTokenAsync("edit.sandi@uji.test");

        await EditAsync(id, new() { ["Input.Role"] = Roles.ProgramOfficer, ["Input.NewPassword"] = "sandi-baru-123" });

        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync(OfficerOnly)).StatusCode);
        var fresh = await TokenClientAsync("edit.sandi@uji.test", "sandi-baru-123");
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync(OfficerOnly)).StatusCode);
    }

    [Fact]
    public async Task ChangingAnotherUserLeavesATokenAlone()
    {
        var (_, token) = await OfficerWithTokenAsync("edit.tetap@uji.test");
        var (other, _) = await OfficerWithTokenAsync("edit.lain@uji.test");

        await EditAsync(other, new() { ["Input.Role"] = Roles.ProgramOfficer, ["Input.Locked"] = "true" });

        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync(OfficerOnly)).StatusCode);
    }

    private async Task EditAsync(string id, Dictionary<string, string> fields)
    {
        var admin = await app.PageClientAsync(Roles.Administrator);
        var response = await admin.PostAsync($"/Users/Edit/{id}", await TunasFactory.FormAsync(admin, $"/Users/Edit/{id}", fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<(string Id, HttpClient Client)> OfficerWithTokenAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<UserAdmin>()
            .CreateAsync(new(email, TunasFactory.Password, Roles.ProgramOfficer, null, null, null), (null, "test"));
        Assert.True(created.Succeeded);
        var client = await TokenClientAsync(email, TunasFactory.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(OfficerOnly)).StatusCode);
        return (created.Id!, client);
    }

    private async Task<HttpClient> TokenClientAsync(string email, string password)
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }
}
