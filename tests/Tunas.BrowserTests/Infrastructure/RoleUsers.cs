using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Features.Users;
using Tunas.Web.Infrastructure;

namespace Tunas.BrowserTests.Infrastructure;

/// <summary>
/// The integration tests' users of every role (<see cref="TunasFactory.EmailOf"/>, one password), for fixtures whose
/// journeys sign in as someone other than the administrator: the browser app seeds only its administrator.
/// </summary>
public static class RoleUsers
{
    public static async Task SeedAsync(BrowserAppFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var scope = app.Services.CreateScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdmin>();
        foreach (var role in Roles.All.Where(r => r != Roles.Administrator))
        {
            await CreateAsync(admin, TunasFactory.EmailOf(role), role);
        }
    }

    /// <summary>One more user in <paramref name="role"/>, with the tests' password; their e-mail is <paramref name="email"/>.</summary>
    public static async Task CreateAsync(UserAdmin admin, string email, string role)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var result = await admin.CreateAsync(new NewUser(email, TunasFactory.Password, role,
            role == Roles.VillageOperator ? TunasFactory.OperatorVillage : null, null, role), (null, "test"));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
    }
}
