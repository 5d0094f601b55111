using System.Data.Common;
using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Tunas.Web.Data;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Registry.Duplicates;
using Tunas.Web.Infrastructure;

namespace Tunas.Bench;

/// <summary>
/// A fresh database of the app's schema for one measurement: a SQLite file in a temporary folder, or a new
/// PostgreSQL database beside the one given; dropped afterwards unless --keep.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly string? _postgresBase;
    private readonly string? _postgresName;
    private readonly bool _keep;
    private readonly Lazy<DbContextOptions<SqliteTunasDb>> _sqliteOptions;
    private readonly Lazy<DbContextOptions<PostgresTunasDb>> _postgresOptions;

    private BenchDatabase(string provider, string connectionString, string? folder, string? postgresBase, string? postgresName, bool keep)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _folder = folder;
        _postgresBase = postgresBase;
        _postgresName = postgresName;
        _keep = keep;
        _sqliteOptions = new(() =>
        {
            var builder = new DbContextOptionsBuilder<SqliteTunasDb>();
            DatabaseSetup.ConfigureSqlite(builder, ConnectionString);
            return builder.AddInterceptors(Capture).Options;
        });
        _postgresOptions = new(() =>
        {
            var builder = new DbContextOptionsBuilder<PostgresTunasDb>();
            DatabaseSetup.ConfigurePostgres(builder, ConnectionString);
            return builder.AddInterceptors(Capture).Options;
        });
    }

    /// <summary>"Sqlite" or "Postgres", as Database:Provider says it.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    public bool IsPostgres => Provider == "Postgres";

    public string Label => IsPostgres ? "PostgreSQL" : "SQLite";

    /// <summary>Records the SQL of EF commands while <see cref="CommandCapture.Enabled"/>.</summary>
    public CommandCapture Capture { get; } = new();

    public static async Task<BenchDatabase> CreateAsync(string? postgres, string name, bool keep, string? reuse = null)
    {
        if (reuse is not null)
        {
            return postgres is null
                ? new BenchDatabase("Sqlite", new SqliteConnectionStringBuilder { DataSource = Path.Combine(reuse, name + ".db"), Pooling = true }.ToString(),
                    reuse, null, null, keep: true)
                : new BenchDatabase("Postgres", new NpgsqlConnectionStringBuilder(postgres) { Database = reuse }.ConnectionString, null, postgres, reuse, keep: true);
        }
        if (postgres is null)
        {
            var folder = Path.Combine(Path.GetTempPath(), "tunas-bench-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(folder);
            return new BenchDatabase("Sqlite", new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, name + ".db"), Pooling = true }.ToString(),
                folder, null, null, keep);
        }
        var database = "tunas_bench_" + name.Replace('-', '_') + "_" + Guid.NewGuid().ToString("N")[..6];
        await ExecuteAsync(postgres, $"CREATE DATABASE \"{database}\"");
        var target = new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString;
        return new BenchDatabase("Postgres", target, null, postgres, database, keep);
    }

    /// <summary>The app's services on this database, with a signed-in ProgramOfficer of agency 1 for <see cref="CurrentUser"/>.</summary>
    public ServiceProvider Services(Action<IServiceCollection>? more = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider,
            ["ConnectionStrings:Tunas"] = ConnectionString,
            ["Agency:Name"] = "Dinas Sosial Kota Blitar (bench)",
            ["Agency:RegencyCode"] = "35.72",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddTunasDatabase(configuration);
        // The app's own options (DatabaseSetup), plus the command capture for the raw baseline.
        services.AddScoped<TunasDb>(_ => IsPostgres ? new PostgresTunasDb(_postgresOptions.Value) : new SqliteTunasDb(_sqliteOptions.Value));
        services.AddSingleton(TimeProvider.System);
        services.Configure<AgencyOptions>(configuration.GetSection(AgencyOptions.Section));
        services.AddSingleton<RegionDirectory>();
        services.AddScoped<RegionStore>();
        services.AddScoped<AgencyService>();
        services.AddScoped<AuditLog>();
        services.AddSingleton<IHttpContextAccessor>(new FixedHttpContextAccessor(ProgramOfficer()));
        services.AddScoped<CurrentUser>();
        services.AddScoped<DuplicateDetector>();
        services.AddScoped<RegistryRules>();
        services.AddScoped<PersonWriter>();
        services.AddScoped<PersonSearch>();
        services.AddScoped<RegistryStatistics>();
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }


    /// <summary>Migrates, loads the regions and makes the agency (id 1, Kota Blitar), as the app's first start does.</summary>
    public static async Task<int> PrepareAsync(ServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        await db.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<RegionStore>().EnsureLoadedAsync(RegionFiles.DefaultFolder);
        return (await scope.ServiceProvider.GetRequiredService<AgencyService>().EnsureAsync()).Id;
    }

    public DbConnection OpenRaw()
    {
        DbConnection connection = IsPostgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    private static ClaimsPrincipal ProgramOfficer() => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, "bench"),
        new Claim(ClaimTypes.Name, "bench"),
        new Claim(ClaimTypes.Role, Roles.ProgramOfficer),
        new Claim(TunasClaims.AgencyId, "1"),
    ], "bench"));

    public async ValueTask DisposeAsync()
    {
        if (_keep)
        {
            Console.WriteLine($"  kept: {(IsPostgres ? _postgresName : _folder)}");
            return;
        }
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(_postgresBase!, $"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)");
        }
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    private sealed class FixedHttpContextAccessor(ClaimsPrincipal user) : IHttpContextAccessor
    {
        private HttpContext? _context = new DefaultHttpContext { User = user };

        public HttpContext? HttpContext
        {
            get => _context;
            set => _context = value;
        }
    }
}

/// <summary>The SQL and parameters of the EF commands run while enabled, to run them again on a bare connection.</summary>
internal sealed class CommandCapture : DbCommandInterceptor
{
    public bool Enabled { get; set; }

    public List<CapturedCommand> Commands { get; } = [];

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        if (Enabled)
        {
            Commands.Add(new CapturedCommand(command.CommandText,
                [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value))]));
        }
    }
}

internal sealed record CapturedCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)
{
    public DbCommand On(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = Sql;
        foreach (var (name, value) in Parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        return command;
    }
}
