using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tunas.Web.Data;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Users;

/// <summary>What users need before the first request: every role exists, and the configured first administrator.</summary>
public sealed class UserSetup(TunasDb db, UserAdmin userAdmin, RoleManager<IdentityRole> roles, IOptions<AdminOptions> admin, ILogger<UserSetup> log)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    public async Task EnsureConfiguredAdminAsync(CancellationToken ct = default)
    {
        var (email, password) = (admin.Value.Email, admin.Value.Password);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password) || await db.Users.AnyAsync(ct))
        {
            return;
        }
        var result = await userAdmin.CreateAsync(new NewUser(email, password, Roles.Administrator, null, null, "Administrator"), actor: null, ct);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Admin:Email / Admin:Password could not create the first administrator: " +
                string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        }
        log.LogInformation("Created the first administrator from configuration");
    }
}
