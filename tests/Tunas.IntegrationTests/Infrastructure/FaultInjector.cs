using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tunas.Web.Data;

namespace Tunas.IntegrationTests.Infrastructure;

/// <summary>
/// A full disk, simulated: while <see cref="Failing"/>, every commit and every write command that goes through EF
/// throws what the provider throws on a full disk (SQLite's SQLITE_FULL, PostgreSQL's 53100 disk_full). Reads go on,
/// as they do on a real full disk.
/// </summary>
public sealed class FaultInjector : IDbTransactionInterceptor, IDbCommandInterceptor
{
    private volatile bool _failing;

    public bool Failing
    {
        get => _failing;
        set => _failing = value;
    }

    /// <summary>When set, only an INSERT into this table fails, and commits go through: the second of two saves, say.</summary>
    public string? OnlyInsertsInto { get; set; }

    public static Exception DiskFull() => TunasFactory.IsPostgres
        ? new PostgresException("could not extend file: No space left on device", "ERROR", "ERROR", PostgresErrorCodes.DiskFull)
        : new SqliteException("SQLite Error 13: 'database or disk is full'.", 13, 13);

    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default) => _failing ? throw DiskFull() : ValueTask.FromResult(result);

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result) =>
        _failing ? throw DiskFull() : result;

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default) => Fails(command) ? throw DiskFull() : ValueTask.FromResult(result);

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Fails(command) ? throw DiskFull() : result;

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default) => Fails(command) ? throw DiskFull() : ValueTask.FromResult(result);

    private bool Fails(DbCommand command) => _failing && (OnlyInsertsInto is { } table
        ? command.CommandText.Contains($"INSERT INTO \"{table}\"", StringComparison.OrdinalIgnoreCase)
        : IsWrite(command));

    private static bool IsWrite(DbCommand command)
    {
        var sql = command.CommandText.TrimStart();
        return sql.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || sql.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || sql.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Adds the injector to the app's <see cref="TunasDb"/> of the provider the tests run on.</summary>
    public void AddTo(IWebHostBuilder builder) => builder.ConfigureTestServices(services =>
    {
        if (TunasFactory.IsPostgres)
        {
            services.ConfigureDbContext<PostgresTunasDb>(o => o.AddInterceptors(this));
        }
        else
        {
            services.ConfigureDbContext<SqliteTunasDb>(o => o.AddInterceptors(this));
        }
    });
}
