using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;

namespace Tunas.Web.Features.Registry;

/// <summary>
/// Keeps the planner statistics of the registry's tables in step with their size, whichever way the rows came in
/// (an import, the application intake, the forms or the API): a table whose statistics are missing, or were taken
/// when it held less than half or more than one and a half times the rows it holds now, is analysed again
/// (decision 0012). Everything else is left alone, so a check on a registry that has not changed costs three counts.
/// </summary>
public sealed class RegistryStatistics(TunasDb db)
{
    /// <summary>The tables a name search, a NIK lookup and the duplicate scan are planned over.</summary>
    public static readonly IReadOnlyList<string> Tables = ["Persons", "Households", "PersonNameTokens"];

    /// <summary>
    /// SQLite reads at most this many entries of each index for ANALYZE (PRAGMA analysis_limit): tens of milliseconds on
    /// a million persons instead of seconds under the write lock, and close enough for the averages it records.
    /// </summary>
    public const int SqliteAnalysisLimit = 20_000;

    /// <summary>Whether statistics taken at <paramref name="recorded"/> rows (null: none) no longer describe a table of <paramref name="rows"/>.</summary>
    public static bool IsStale(long rows, long? recorded) =>
        rows > 0 && (recorded is not > 0 || Math.Abs(rows - recorded.Value) * 2 > recorded.Value);

    /// <summary>Analyses the registry's tables whose statistics are stale; returns their names (none when all are current).</summary>
    public async Task<IReadOnlyList<string>> RefreshIfStaleAsync(CancellationToken ct = default)
    {
        var stale = new List<string>();
        foreach (var table in Tables)
        {
            if (IsStale(await RowsAsync(table, ct), await RecordedRowsAsync(table, ct)))
            {
                stale.Add(table);
            }
        }
        if (stale.Count > 0)
        {
            await AnalyzeAsync(stale, ct);
        }
        return stale;
    }

    /// <summary>The rows the table's statistics were taken at, or null when it has none.</summary>
    public async Task<long?> RecordedRowsAsync(string table, CancellationToken ct = default)
    {
        if (db is SqliteTunasDb)
        {
            var hasStatistics = await ScalarAsync("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'", null, ct);
            // Each index's row starts with the rows it counted (estimated under analysis_limit).
            return hasStatistics > 0
                ? await ScalarAsync("SELECT max(CAST(stat AS INTEGER)) FROM sqlite_stat1 WHERE tbl = @table", table, ct)
                : null;
        }
        // reltuples is also set by VACUUM and CREATE INDEX; only rows in pg_stats say that ANALYZE has seen the columns.
        return await ScalarAsync("""
            SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_stats WHERE schemaname = current_schema() AND tablename = @table)
                        THEN (SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass(quote_ident(@table))) END
            """, table, ct);
    }

    private async Task<long> RowsAsync(string table, CancellationToken ct) =>
        await ScalarAsync("SELECT count(*) FROM " + Quoted(table), null, ct) ?? 0;

    private async Task AnalyzeAsync(List<string> tables, CancellationToken ct)
    {
        var analyze = string.Join(' ', tables.Select(t => "ANALYZE " + Quoted(t) + ";"));
        if (db is SqliteTunasDb)
        {
            await ExecuteAsync(string.Create(CultureInfo.InvariantCulture, $"PRAGMA analysis_limit={SqliteAnalysisLimit}; {analyze}"), ct);
            // A SQLite connection reads the statistics when it loads the schema, and ANALYZE does not make the others
            // load it again: pooled connections would plan with what they had (none) until they are closed.
            SqliteConnection.ClearPool((SqliteConnection)db.Database.GetDbConnection());
            return;
        }
        // Index-only scans of a freshly filled token table read the heap for every row until a vacuum marks its pages
        // all-visible (decision 0013): a name search of a million persons filled by the intake or the API took p95
        // 82 ms before the token table's first vacuum. VACUUM cannot share a command with other statements.
        var rest = tables.Where(t => t != nameof(TunasDb.PersonNameTokens)).ToList();
        if (rest.Count > 0)
        {
            await ExecuteAsync(string.Join(' ', rest.Select(t => "ANALYZE " + Quoted(t) + ";")), ct);
        }
        if (rest.Count < tables.Count)
        {
            await ExecuteAsync("VACUUM (ANALYZE) " + Quoted(nameof(TunasDb.PersonNameTokens)) + ";", ct);
        }
    }

    private static string Quoted(string table) => Tables.Contains(table)
        ? "\"" + table + "\""
        : throw new ArgumentOutOfRangeException(nameof(table), table, "Not a table of the registry.");

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<long?> ScalarAsync(string sql, string? table, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            if (table is not null)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@table";
                parameter.Value = table;
                command.Parameters.Add(parameter);
            }
            var value = await command.ExecuteScalarAsync(ct);
            return value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
