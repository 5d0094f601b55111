using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Account;
using Tunas.Web.Features.Users;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Account;

/// <summary>A bearer token stops with its account (the administrator's changes: UserTokenTests). The shared app reads
/// each token's user on every request (<c>Auth:AccountCheckSeconds=0</c>); one test shows a server keeps it at most that long.</summary>
[Collection(SharedApp.Name)]
public sealed class TokenRevocationTests(TunasFactory app)
{
    private const string OfficerOnly = "/api/v1/programs";

    [Fact]
    public async Task ATokenIsAcceptedWhileNothingChanges()
    {
        var (_, client) = await OfficerWithTokenAsync("token.tetap@uji.test");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(OfficerOnly)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(OfficerOnly)).StatusCode);
    }

    [Fact]
    public async Task ATokenStopsWhenWrongPasswordsLockItsUser()
    {
        var (id, client) = await OfficerWithTokenAsync("token.salah@uji.test");

        for (var i = 0; i < 5; i++)
        {
            await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = "token.salah@uji.test", password = "salah-sekali-1" });
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(OfficerOnly)).StatusCode);
        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(id);
        Assert.True(user!.LockoutEnd > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task WrongPasswordsThatLockAnAccountGiveItANewSecurityStampSoItsCookiesStopToo()
    {
        var (id, _) = await OfficerWithTokenAsync("cookie.salah@uji.test");
        var before = await StampAsync(id);

        for (var i = 0; i < 5; i++)
        {
            await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = "cookie.salah@uji.test", password = "salah-sekali-1" });
        }

        Assert.NotEqual(before, await StampAsync(id));
    }

    [Fact]
    public async Task AServerKeepsWhatItReadOfAUserNoLongerThanTheCheckInterval()
    {
        var (id, _) = await OfficerWithTokenAsync("token.cache@uji.test");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var states = new AccountStates(Options.Create(new AuthOptions { AccountCheckSeconds = 60 }), clock);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var reads = 0;
        TunasDb Db()
        {
            reads++;
            return db;
        }
        var first = await states.GetAsync(id, Db, default);
        var stamp = first!.Stamp;

        await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, DateTimeOffset.UtcNow.AddYears(1)));
        clock.Advance(TimeSpan.FromSeconds(59));
        var cached = await states.GetAsync(id, Db, default);
        clock.Advance(TimeSpan.FromSeconds(2));
        var read = await states.GetAsync(id, Db, default);

        Assert.Equal(2, reads);
        Assert.True(states.IsCurrent(cached, stamp, [Roles.ProgramOfficer]));
        Assert.False(states.IsCurrent(read, stamp, [Roles.ProgramOfficer]));
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

    private async Task<string?> StampAsync(string id)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TunasDb>().Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync();
    }
}
