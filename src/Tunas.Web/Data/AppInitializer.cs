using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tunas.Web.Features.Account;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Users;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Data;

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
    UserSetup users,
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

        await users.EnsureRolesAsync();
        await agencies.EnsureAsync(ct);
        await tokenKeys.InitializeAsync(db, ct);
        await users.EnsureConfiguredAdminAsync(ct);
        await DatabaseSetup.RefreshStatisticsAsync(db, ct);
        log.LogInformation("Database ready in {Elapsed} ms", clock.ElapsedMilliseconds);
    }
}

/// <summary>Start-up for Program.cs: the database made ready before the first request or command.</summary>
public static class AppStart
{
    /// <summary>
    /// Logs which database is used and makes it ready (not for <c>migrate</c>, which only migrates, nor for
    /// <c>backup</c>, which copies the database as it is and must not create one where the path was mistyped).
    /// False when the database cannot be opened: <see cref="StartFailure"/> has said why on stderr, in one sentence.
    /// </summary>
    public static async Task<bool> InitializeAsync(this WebApplication app, Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var scope = app.Services.CreateScope();
        var database = scope.ServiceProvider.GetRequiredService<DatabaseInfo>();
        app.Logger.LogInformation("Database: {Database}", database.Describe());
        if (command.Name is not (CommandName.Migrate or CommandName.Backup))
        {
            try
            {
                await scope.ServiceProvider.GetRequiredService<AppInitializer>().InitializeAsync();
            }
            catch (Exception e) when (StartFailure.Sentence(e, database) is { } sentence)
            {
                await Console.Error.WriteLineAsync(sentence);
                return false;
            }
        }
        return true;
    }
}
