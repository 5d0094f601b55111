using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;

namespace Tunas.Web.Features.Impact.Facts;

/// <summary>The change log's side of <see cref="ImpactFacts"/> (where it stands, what changed since the last read; decision 0035), and the queries by a list of ids.</summary>
public sealed partial class ImpactFacts
{
    /// <summary>
    /// Where the log stands before anything is read: on SQLite its highest id (one writer at a time: a later commit
    /// gets a higher id); on PostgreSQL the current snapshot, whose running transactions are read at the next request.
    /// </summary>
    private static async Task<(long LastId, string? Snapshot)> MarkAsync(TunasDb db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = db.Database.IsNpgsql()
                ? "SELECT pg_current_snapshot()::text"
                : $"SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{DashboardChangeLog.Table}\"";
            var value = await command.ExecuteScalarAsync(ct);
            return db.Database.IsNpgsql() ? (0, (string)value!) : (Convert.ToInt64(value, CultureInfo.InvariantCulture), null);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<Dictionary<FactKind, HashSet<long>>> ChangesAsync(TunasDb db, (long LastId, string? Snapshot) mark, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            var agency = command.CreateParameter();
            agency.ParameterName = "agency";
            agency.Value = agencyId;
            command.Parameters.Add(agency);
            if (db.Database.IsNpgsql())
            {
                // Every transaction not yet visible at the last read: those still running then, and every later one.
                command.CommandText = $"""
                    SELECT "Kind", "RowId" FROM "{DashboardChangeLog.Table}"
                    WHERE "AgencyId" = @agency AND "TxId" >= pg_snapshot_xmin(@since::pg_snapshot)::text::bigint
                      AND NOT pg_visible_in_snapshot("TxId"::text::xid8, @since::pg_snapshot)
                    """;
                Add(command, "since", _snapshot!);
            }
            else
            {
                command.CommandText = $"""SELECT "Kind", "RowId" FROM "{DashboardChangeLog.Table}" WHERE "AgencyId" = @agency AND "Id" > @from AND "Id" <= @to""";
                Add(command, "from", _lastId);
                Add(command, "to", mark.LastId);
            }
            var changed = new Dictionary<FactKind, HashSet<long>>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var kind = (FactKind)Convert.ToInt16(reader.GetValue(0), CultureInfo.InvariantCulture);
                if (!changed.TryGetValue(kind, out var ids))
                {
                    changed[kind] = ids = [];
                }
                ids.Add(reader.GetInt64(1));
            }
            return changed;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        static void Add(DbCommand command, string name, object value)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }
    }

    private static IQueryable<T> Named<T>(IQueryable<T> q, List<long>? ids, System.Linq.Expressions.Expression<Func<T, long>> key)
    {
        if (ids is null)
        {
            return q;
        }
        var p = key.Parameters[0];
        var contains = System.Linq.Expressions.Expression.Call(
            typeof(Enumerable), nameof(Enumerable.Contains), [typeof(long)], System.Linq.Expressions.Expression.Constant(ids), key.Body);
        return q.Where(System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(contains, p));
    }

    /// <summary>Drops the rows named (all of them when <paramref name="ids"/> is null) before they are read again.</summary>
    private static void Forget<TKey, T>(Dictionary<TKey, T> rows, List<TKey>? ids)
        where TKey : notnull
    {
        if (ids is null)
        {
            rows.Clear();
            return;
        }
        foreach (var id in ids)
        {
            rows.Remove(id);
        }
    }
}
