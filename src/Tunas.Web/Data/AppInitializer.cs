using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Users;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Data;

public sealed class AdminOptions
{
    public const string Section = "Admin";
    public string? Email { get; set; }
    public string? Password { get; set; }
}

/// <summary>
/// What the app makes sure of before it takes a request: the schema is current, the regions are loaded,
/// the agency row and the roles exist, the API key is ready, and the first administrator exists when configured.
/// </summary>
public sealed class AppInitializer(
    TunasDb db,
    IOptions<DatabaseOptions> database,
    RegionStore regions,
    TokenKeys tokenKeys,
    AgencyService agencies,
    UserAdmin userAdmin,
    RoleManager<IdentityRole> roles,
    IOptions<AdminOptions> admin,
    ILogger<AppInitializer> log)
{
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        if (database.Value.MigrateOnStart)
        {
            await db.MigrateAsync(ct);
        }
        else if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            throw new InvalidOperationException("The database schema is not current. Run the app once with `-- migrate`, then start it again.");
        }

        var loaded = await regions.EnsureLoadedAsync(RegionFiles.DefaultFolder, ct);
        if (loaded is not null)
        {
            log.LogInformation("Loaded {Count} regions in {Elapsed} ms", loaded.Added, clock.ElapsedMilliseconds);
        }

        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        await agencies.EnsureAsync(ct);
        await tokenKeys.InitializeAsync(db, ct);
        await CreateConfiguredAdminAsync(ct);
        await DatabaseSetup.RefreshStatisticsAsync(db, ct);
        log.LogInformation("Database ready in {Elapsed} ms", clock.ElapsedMilliseconds);
    }

    private async Task CreateConfiguredAdminAsync(CancellationToken ct)
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
