using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;

namespace Tunas.IntegrationTests.Data;

/// <summary>An empty database of its own on the provider the tests run on, for migration tests (the shared one cannot go back).</summary>
internal static class MigrationDatabase
{
    public static (TunasDb Db, Func<Task> Drop) New()
    {
        if (TunasFactory.IsPostgres)
        {
            var name = "tunas_test_migration_" + Guid.NewGuid().ToString("N")[..8];
            var options = new DbContextOptionsBuilder<PostgresTunasDb>();
            DatabaseSetup.ConfigurePostgres(options, TunasFactory.CreatePostgresDatabase(name));
            return (new PostgresTunasDb(options.Options), () => TunasFactory.DropPostgresDatabaseAsync(name));
        }
        var folder = Directory.CreateTempSubdirectory("tunas-migration-");
        var file = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder.FullName, "tunas.db"), Pooling = false }.ToString();
        var sqlite = new DbContextOptionsBuilder<SqliteTunasDb>();
        DatabaseSetup.ConfigureSqlite(sqlite, file);
        return (new SqliteTunasDb(sqlite.Options), () =>
        {
            folder.Delete(recursive: true);
            return Task.CompletedTask;
        }
        );
    }
}
