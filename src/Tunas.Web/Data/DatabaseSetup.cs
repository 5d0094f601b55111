using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Data;

public static class DatabaseSetup
{
    /// <summary>Registers <see cref="TunasDb"/> on the configured provider, or stops start-up with a clear message.</summary>
    public static IServiceCollection AddTunasDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var provider = ParseProvider(options.Provider);
        var connectionString = configuration.GetConnectionString("Tunas");

        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    "Database:Provider is Postgres but ConnectionStrings:Tunas is empty. " +
                    "Set it, e.g. ConnectionStrings__Tunas=\"Host=127.0.0.1;Database=tunas;Username=tunas;Password=...\".");
            }
            services.AddDbContext<TunasDb, PostgresTunasDb>(o => ConfigurePostgres(o, connectionString));
        }
        else
        {
            connectionString = string.IsNullOrWhiteSpace(connectionString)
                ? DefaultSqliteConnectionString(options.DataFolder)
                : connectionString;
            services.AddDbContext<TunasDb, SqliteTunasDb>(o => ConfigureSqlite(o, connectionString));
        }
        services.AddSingleton(new DatabaseInfo(provider, connectionString));
        services.AddHostedService<SqliteCheckpointer>();
        // Sign-in cookies' keys live in the database, so a restart or a second server signs nobody out.
        services.AddDataProtection().SetApplicationName("Tunas").PersistKeysToDbContext<TunasDb>();
        services.AddScoped<AppInitializer>();
        services.AddScoped<IAppCommand, MigrateCommand>();
        services.AddScoped<IAppCommand, BackupCommand>();
        return services;
    }

    public static DatabaseProvider ParseProvider(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRES" or "POSTGRESQL" or "NPGSQL" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException(
            $"Database:Provider '{value}' is not supported. Use 'Sqlite' (the default, an embedded file) or 'Postgres'."),
    };

    public static string DefaultSqliteConnectionString(string dataFolder)
    {
        var folder = Path.IsPathRooted(dataFolder) ? dataFolder : Path.Combine(AppContext.BaseDirectory, dataFolder);
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Opening the file says so at start-up, in one plain sentence (StartFailure), instead of a stack trace here.
        }
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, "tunas.db"),
            Pooling = true,
        }.ToString();
    }

    public static void ConfigureSqlite(DbContextOptionsBuilder o, string connectionString) =>
        o.UseSqlite(connectionString, s => s.CommandTimeout(60))
            .AddInterceptors(SqlitePragmas.Instance, Features.Impact.PersonFieldKeeper.Instance, Features.Businesses.Cashbook.CashbookMonthKeeper.Instance);

    public static void ConfigurePostgres(DbContextOptionsBuilder o, string connectionString) =>
        o.UseNpgsql(connectionString).AddInterceptors(Features.Impact.PersonFieldKeeper.Instance, Features.Businesses.Cashbook.CashbookMonthKeeper.Instance);

    /// <summary>Applies pending migrations of whichever provider is configured.</summary>
    public static async Task MigrateAsync(this TunasDb db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (db is SqliteTunasDb)
        {
            // WAL lets readers go on while an import writes; it is a property of the file, so set it once.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    /// <summary>
    /// SQLite plans queries from statistics it only has after ANALYZE; without them it scans a million persons
    /// for a name search (docs/benchmarks.md). `PRAGMA optimize` analyses what changed enough, cheaply.
    /// PostgreSQL's autovacuum keeps its own statistics.
    /// </summary>
    public static async Task RefreshStatisticsAsync(TunasDb db, CancellationToken ct = default)
    {
        if (db is SqliteTunasDb)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002;", ct);
        }
    }

    /// <summary>
    /// PostgreSQL: statistics of the registry's tables, now. Autovacuum gathers them about once a minute; meanwhile a
    /// table an import is filling is planned as if it were (nearly) empty, and a lookup of 500 NIKs becomes a scan of
    /// the agency's every person instead of 500 probes of the (AgencyId, Nik) index, ever slower as the table grows
    /// (docs/benchmarks.md). SQLite picks the unique index without statistics, so there is nothing to do there.
    /// </summary>
    public static async Task AnalyzeRegistryAsync(TunasDb db, CancellationToken ct = default)
    {
        if (db is PostgresTunasDb)
        {
            await db.Database.ExecuteSqlRawAsync("""ANALYZE "Persons", "Households";""", ct);
        }
    }

    /// <summary>
    /// PostgreSQL, after an import wrote many rows: VACUUM (ANALYZE) of the name tokens, which a name search reads
    /// with index-only scans (decision 0012). Until a vacuum marks the new pages all-visible, each of those reads goes
    /// to the table for every row (40,000 rows for a common name: 36 ms instead of 6). Autovacuum would do it within
    /// a minute or so; the import does not leave the first searches to that. Needs the table's owner, as the app is.
    /// </summary>
    public static async Task VacuumSearchIndexAsync(TunasDb db, CancellationToken ct = default)
    {
        if (db is PostgresTunasDb)
        {
            await db.Database.ExecuteSqlRawAsync("""VACUUM (ANALYZE) "PersonNameTokens";""", ct);
        }
    }

    public static string Describe(this DatabaseInfo info) => info.Provider == DatabaseProvider.Sqlite
        ? string.Create(CultureInfo.InvariantCulture, $"SQLite ({new SqliteConnectionStringBuilder(info.ConnectionString).DataSource})")
        : "PostgreSQL";
}

public sealed record DatabaseInfo(DatabaseProvider Provider, string ConnectionString);

/// <summary>Per-connection SQLite settings: foreign keys on, a busy timeout so two writers wait instead of failing.</summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, ConnectionEndEventData eventData) =>
        Apply(connection);

    public override Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    internal static void Apply(System.Data.Common.DbConnection connection)
    {
        using var command = connection.CreateCommand();
        // wal_autocheckpoint: the writer that crosses it restarts the log; SqliteCheckpointer has copied most of it by then.
        command.CommandText = "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint="
            + SqliteCheckpointer.WriterCheckpointFrames.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";";
        command.ExecuteNonQuery();
    }
}
