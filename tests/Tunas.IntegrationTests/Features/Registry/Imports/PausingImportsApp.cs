using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;

namespace Tunas.IntegrationTests.Features.Registry.Imports;

/// <summary>
/// The import app with a switch that makes the database refuse to write a batch's counters as a full disk would
/// (SQLITE_FULL, or PostgreSQL's 53100): the whole batch is then rolled back. Leases, polls and pauses are short, so
/// that a paused job is tried again within a second.
/// </summary>
public sealed class PausingImportsApp : TunasFactory
{
    public PausingImportsApp()
    {
        Settings["Imports:BatchSize"] = ImportsApp.BatchSize.ToString(CultureInfo.InvariantCulture);
        Settings["Imports:Folder"] = Folder;
        Settings["Imports:LeaseSeconds"] = "3";
        Settings["Imports:PollSeconds"] = "0.3";
        Settings["Imports:PauseRetrySeconds"] = "0.5";
        Settings["Imports:PauseRetryMaxSeconds"] = "1";
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "tunas-pausing-" + Guid.NewGuid().ToString("N")[..8]);

    public DiskFullSwitch Disk { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            if (IsPostgres)
            {
                services.ConfigureDbContext<PostgresTunasDb>(o => o.AddInterceptors(Disk));
            }
            else
            {
                services.ConfigureDbContext<SqliteTunasDb>(o => o.AddInterceptors(Disk));
            }
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}

/// <summary>Once armed, lets a number of batches through, then fails every batch's counter update until cleared.</summary>
public sealed class DiskFullSwitch : DbCommandInterceptor
{
    private int _allowed = int.MaxValue;

    public int Refused { get; private set; }

    public void Arm(int allowBatches) => Interlocked.Exchange(ref _allowed, allowBatches);

    public void Clear() => Interlocked.Exchange(ref _allowed, int.MaxValue);

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    private void Check(DbCommand command)
    {
        if (!command.CommandText.Contains("\"ProcessedRows\" =", StringComparison.Ordinal) || Volatile.Read(ref _allowed) == int.MaxValue)
        {
            return;
        }
        if (Interlocked.Decrement(ref _allowed) >= 0)
        {
            return;
        }
        Interlocked.Exchange(ref _allowed, -1);
        Refused++;
        throw command is NpgsqlCommand
            ? new PostgresException("could not extend file: No space left on device", "ERROR", "ERROR", "53100")
            : new SqliteException("SQLite Error 13: 'database or disk is full'.", 13);
    }
}
