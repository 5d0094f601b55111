using Microsoft.AspNetCore.Hosting;

namespace Tunas.IntegrationTests.Infrastructure;

/// <summary>
/// The app on a database the test names (a SQLite file, a restored PostgreSQL database) instead of a fresh one of
/// its own. Its settings win over the base's; the role users are seeded only when the database is new.
/// </summary>
public sealed class AppOnDatabase : TunasFactory
{
    private readonly string _provider;
    private readonly string _connectionString;

    public AppOnDatabase(string provider, string connectionString, bool newDatabase)
    {
        _provider = provider;
        _connectionString = connectionString;
        SeedRoleUsers = newDatabase;
        Settings["RateLimiting:Enabled"] = "false";
        Settings["Applications:ProgramCacheSeconds"] = "0";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:Provider", _provider);
        builder.UseSetting("ConnectionStrings:Tunas", _connectionString);
    }
}

/// <summary>A test of PostgreSQL's own tools: skipped, with the reason, unless the suite runs on PostgreSQL.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TunasFactory.IsPostgres)
        {
            Skip = "PostgreSQL only: set Database__Provider=Postgres and ConnectionStrings__Tunas (CI does).";
        }
    }
}
