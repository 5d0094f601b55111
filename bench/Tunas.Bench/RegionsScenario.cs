using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Tunas.Web.Data;
using Tunas.Web.Features.Regions;

namespace Tunas.Bench;

/// <summary>
/// Loading the official regions the way the app does at first start (read and check the four CSV files, then the
/// provider's fast path through <see cref="RegionStore"/>), against a raw baseline: the same rows, already in
/// memory, inserted by the bare driver into a bare table of the same shape.
/// </summary>
internal static class RegionsScenario
{
    public static async Task RunAsync(string? postgres)
    {
        await RunSqliteAsync();
        if (postgres is not null)
        {
            await RunPostgresAsync(postgres);
        }
    }

    private static async Task RunSqliteAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tunas-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var regions = RegionFiles.Read(RegionFiles.DefaultFolder);
            var raw = Path.Combine(folder, "raw.db");
            var baseline = await TimeAsync(() => RawSqliteAsync($"Data Source={raw}", regions));

            await using var provider = Services($"Data Source={Path.Combine(folder, "tunas.db")}", "Sqlite");
            var (tunas, memory) = await TimeLoadAsync(provider);
            Report.Line("regions, read + check + load (SQLite)", tunas, baseline, "s", memory);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task RunPostgresAsync(string connectionString)
    {
        var database = "tunas_bench_" + Guid.NewGuid().ToString("N")[..8];
        await ExecuteAsync(connectionString, $"CREATE DATABASE \"{database}\"");
        var target = new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;
        try
        {
            var regions = RegionFiles.Read(RegionFiles.DefaultFolder);
            var baseline = await TimeAsync(() => RawPostgresAsync(target, regions));
            await ExecuteAsync(target, "DROP TABLE raw_regions");
            await using var provider = Services(target, "Postgres");
            var (tunas, memory) = await TimeLoadAsync(provider);
            Report.Line("regions, read + check + load (PostgreSQL)", tunas, baseline, "s", memory);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(connectionString, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    private static ServiceProvider Services(string connectionString, string provider)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Tunas"] = connectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddTunasDatabase(configuration);
        services.AddSingleton<RegionDirectory>();
        services.AddScoped<RegionStore>();
        return services.BuildServiceProvider();
    }

    private static async Task<(double Seconds, string Memory)> TimeLoadAsync(ServiceProvider provider)
    {
        using (var scope = provider.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<TunasDb>().MigrateAsync();
        }
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var seconds = await TimeAsync(async () =>
        {
            using var scope = provider.CreateScope();
            var loaded = await scope.ServiceProvider.GetRequiredService<RegionStore>().EnsureLoadedAsync(RegionFiles.DefaultFolder);
            if (loaded?.Added != 91_599)
            {
                throw new InvalidOperationException("The regions were not loaded.");
            }
        });
        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - before) / 1048576.0;
        return (seconds, FormattableString.Invariant($"allocated {allocated:F0} MB, process peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB"));
    }

    private static async Task<double> TimeAsync(Func<Task> work)
    {
        var clock = Stopwatch.StartNew();
        await work();
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task RawSqliteAsync(string connectionString, List<Region> rows)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
                CREATE TABLE raw_regions (code TEXT PRIMARY KEY, name TEXT NOT NULL, level INTEGER NOT NULL, parent TEXT, search TEXT NOT NULL, current INTEGER NOT NULL);
                CREATE INDEX raw_parent ON raw_regions (parent);
                CREATE INDEX raw_search ON raw_regions (level, search);
                """;
            await create.ExecuteNonQueryAsync();
        }
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO raw_regions VALUES ($c, $n, $l, $p, $s, 1)";
        var c = insert.Parameters.Add("$c", SqliteType.Text);
        var n = insert.Parameters.Add("$n", SqliteType.Text);
        var l = insert.Parameters.Add("$l", SqliteType.Integer);
        var p = insert.Parameters.Add("$p", SqliteType.Text);
        var s = insert.Parameters.Add("$s", SqliteType.Text);
        insert.Prepare();
        foreach (var r in rows)
        {
            c.Value = r.Code;
            n.Value = r.Name;
            l.Value = (int)r.Level;
            p.Value = (object?)r.ParentCode ?? DBNull.Value;
            s.Value = r.SearchName;
            await insert.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
    }

    private static async Task RawPostgresAsync(string connectionString, List<Region> rows)
    {
        await ExecuteAsync(connectionString, """
            CREATE TABLE raw_regions (code text PRIMARY KEY, name text NOT NULL, level int NOT NULL, parent text, search text NOT NULL, current boolean NOT NULL);
            CREATE INDEX raw_parent ON raw_regions (parent);
            CREATE INDEX raw_search ON raw_regions (level, search);
            """);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var writer = await connection.BeginBinaryImportAsync("COPY raw_regions FROM STDIN (FORMAT BINARY)");
        foreach (var r in rows)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(r.Code, NpgsqlDbType.Text);
            await writer.WriteAsync(r.Name, NpgsqlDbType.Text);
            await writer.WriteAsync((int)r.Level, NpgsqlDbType.Integer);
            await writer.WriteAsync(r.ParentCode, NpgsqlDbType.Text);
            await writer.WriteAsync(r.SearchName, NpgsqlDbType.Text);
            await writer.WriteAsync(true, NpgsqlDbType.Boolean);
        }
        await writer.CompleteAsync();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
