using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Home;

public sealed class ConfigurationTests
{
    [Fact]
    public async Task AnUnknownDatabaseProviderStopsStartUpWithAClearMessage()
    {
        await using var app = new TunasFactory();
        app.Settings["Database:Provider"] = "Oracle";

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Database:Provider 'Oracle' is not supported", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownAgencyRegencyStopsStartUpWithAClearMessage()
    {
        await using var app = new TunasFactory();
        app.Settings["Agency:RegencyCode"] = "35.99";

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Agency:RegencyCode '35.99' is not a regency/city code", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDefaultSqliteFileRunsInWalMode()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tunas-wal-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var app = new TunasFactory { SeedRoleUsers = false })
            {
                app.Settings["Database:Provider"] = "Sqlite";
                app.Settings["ConnectionStrings:Tunas"] = "";
                app.Settings["Database:DataFolder"] = folder;
                await ((IAsyncLifetime)app).InitializeAsync();
            }
            SqliteConnection.ClearAllPools();

            var file = Path.Combine(folder, "tunas.db");
            Assert.True(File.Exists(file));
            await using var connection = new SqliteConnection($"Data Source={file}");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task TheMigrateCommandBringsTheSchemaUpToDate()
    {
        await using var app = new TunasFactory { SeedRoleUsers = false };
        await ((IAsyncLifetime)app).InitializeAsync();

        var exit = await CommandLine.RunAsync(new Command(CommandName.Migrate, false, null, []), app.Services);

        Assert.Equal(0, exit);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Flatten(e.InnerException);
}
