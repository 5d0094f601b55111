using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Features.Users;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Users;

[Collection(SharedApp.Name)]
public sealed class UsersPagesTests(TunasFactory app)
{
    [Fact]
    public async Task AnAdministratorCreatesAnOperatorBoundToAKelurahanInTheBrowserForm()
    {
        var client = await app.PageClientAsync(Roles.Administrator);

        var response = await client.PostAsync("/Users/Create", await TunasFactory.FormAsync(client, "/Users/Create", new()
        {
            ["Input.Email"] = "operator.bendo@uji.test",
            ["Input.Password"] = "kata-sandi-99",
            ["Input.FullName"] = "Operator Bendo",
            ["Input.Role"] = Roles.VillageOperator,
            ["Input.VillageCode"] = "35.72.01.1006",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await client.GetStringAsync("/Users");
        Assert.Contains("operator.bendo@uji.test", list, StringComparison.Ordinal);
        Assert.Contains("Bendo", list, StringComparison.Ordinal);
        Assert.Contains("Pengguna operator.bendo@uji.test sudah dibuat.", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFormKeepsWhatWasTypedAndSaysWhatIsWrong()
    {
        var client = await app.PageClientAsync(Roles.Administrator);

        var response = await client.PostAsync("/Users/Create", await TunasFactory.FormAsync(client, "/Users/Create", new()
        {
            ["Input.Email"] = "operator.tanpa@uji.test",
            ["Input.Password"] = "kata-sandi-99",
            ["Input.Role"] = Roles.VillageOperator,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Operator kelurahan harus punya kelurahan/desa.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"operator.tanpa@uji.test\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LockingAUserStopsTheirSignInAndIsAudited()
    {
        using var scope = app.Services.CreateScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdmin>();
        var created = await admin.CreateAsync(new("dikunci@uji.test", TunasFactory.Password, Roles.Facilitator, null, null, null), (null, "test"));
        var client = await app.PageClientAsync(Roles.Administrator);

        var response = await client.PostAsync($"/Users/Edit/{created.Id}", await TunasFactory.FormAsync(client, $"/Users/Edit/{created.Id}", new()
        {
            ["Input.Role"] = Roles.Facilitator,
            ["Input.Locked"] = "true",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var token = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = "dikunci@uji.test", password = TunasFactory.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
        var db = scope.ServiceProvider.GetRequiredService<Tunas.Web.Data.TunasDb>();
        Assert.Contains(db.AuditEntries.Where(a => a.EntityId == created.Id).Select(a => a.Action), a => a == "user.changed");
    }

    [Fact]
    public async Task ChangingARoleTakesEffectAtOnce()
    {
        using var scope = app.Services.CreateScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdmin>();
        var created = await admin.CreateAsync(new("naik@uji.test", TunasFactory.Password, Roles.Leadership, null, null, null), (null, "test"));
        var asUser = await app.PageClientAsync(null);
        await asUser.PostAsync("/Account/Login", await TunasFactory.FormAsync(asUser, "/Account/Login", new() { ["Input.Email"] = "naik@uji.test", ["Input.Password"] = TunasFactory.Password }));
        Assert.Equal(HttpStatusCode.Redirect, (await asUser.GetAsync("/Registry/CheckNik")).StatusCode);

        var changed = await admin.ChangeAsync(created.Id!, new UserChange(Roles.ProgramOfficer, null, null, null, false, null));
        Assert.True(changed.Succeeded);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True(await users.IsInRoleAsync((await users.FindByIdAsync(created.Id!))!, Roles.ProgramOfficer));
    }

    [Fact]
    public async Task TheLastAdministratorCannotBeDemotedOrLocked()
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admins = await users.GetUsersInRoleAsync(Roles.Administrator);
        var admin = scope.ServiceProvider.GetRequiredService<UserAdmin>();
        var me = Assert.Single(admins);

        var demoted = await admin.ChangeAsync(me.Id, new UserChange(Roles.ProgramOfficer, null, null, null, false, null));
        var locked = await admin.ChangeAsync(me.Id, new UserChange(Roles.Administrator, null, null, null, true, null));

        Assert.False(demoted.Succeeded);
        Assert.False(locked.Succeeded);
        Assert.True(demoted.Errors.ContainsKey("role"));
        Assert.True(await users.IsInRoleAsync(me, Roles.Administrator));
    }
}
