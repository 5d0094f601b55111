using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Tunas.Web.Data;

// Used only by `dotnet ef` to build each provider's model; no database is opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteTunasDb>
{
    public SqliteTunasDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteTunasDb>();
        DatabaseSetup.ConfigureSqlite(options, "Data Source=design-time.db");
        return new SqliteTunasDb(options.Options);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresTunasDb>
{
    public PostgresTunasDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresTunasDb>();
        DatabaseSetup.ConfigurePostgres(options, "Host=127.0.0.1;Database=tunas_design");
        return new PostgresTunasDb(options.Options);
    }
}
