using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Tunas.Web.Features.Applications;

/// <summary>
/// Prepared statements kept with their connection, for writers that keep one connection from batch to batch (the
/// application writer), so a batch does not prepare its dozen statements again. One row per INSERT: several rows to
/// a statement measured slower, since Microsoft.Data.Sqlite binds each parameter by name and SQLite finds a name by
/// scanning the statement's list (binding grows with the square of the parameters).
/// A statement is used by one thread at a time, as its connection is; when the connection closes, SQLite drops the
/// prepared form and the next use prepares it again.
/// </summary>
internal static class SqliteStatements
{
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> Cache = new();

    private static readonly ConcurrentDictionary<(string Into, int Width), string> InsertSql = new();

    /// <summary>
    /// The prepared command of <paramref name="sql"/> on this connection, in <paramref name="transaction"/>, with
    /// <paramref name="parameters"/> parameters named <c>$p0</c>, <c>$p1</c>…; typed by <paramref name="types"/>
    /// (repeated) when given. The caller sets every parameter and must not dispose the command.
    /// </summary>
    public static SqliteCommand Get(SqliteConnection connection, SqliteTransaction? transaction, string sql, int parameters, SqliteType[]? types = null)
    {
        var commands = Cache.GetValue(connection, _ => new Dictionary<string, SqliteCommand>(StringComparer.Ordinal));
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < parameters; i++)
            {
                var parameter = command.Parameters.Add(new SqliteParameter { ParameterName = Name(i) });
                if (types is not null)
                {
                    parameter.SqliteType = types[i % types.Length];
                }
            }
            commands[sql] = command;
        }
        command.Transaction = transaction;
        command.Prepare();
        return command;
    }

    /// <summary>
    /// Inserts <paramref name="rows"/> into <paramref name="into"/> (a table and its column list, <paramref name="width"/>
    /// columns), each row's values given by <paramref name="values"/> in the columns' order.
    /// </summary>
    public static void Insert<T>(SqliteConnection connection, SqliteTransaction transaction, string into, int width, IReadOnlyList<T> rows,
        Func<T, object?[]> values, SqliteType[]? types = null, CancellationToken ct = default)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var command = Get(connection, transaction, InsertSql.GetOrAdd((into, width), static k => $"INSERT INTO {k.Into} VALUES ({Names(0, k.Width)})"), width, types);
        var parameters = command.Parameters;
        foreach (var item in rows)
        {
            ct.ThrowIfCancellationRequested();
            var row = values(item);
            for (var i = 0; i < width; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }
            command.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// The next id of an AUTOINCREMENT table. The caller's transaction holds SQLite's only write lock (it began
    /// IMMEDIATE), so no other writer can take the same ids; ids of deleted rows are not reused (sqlite_sequence).
    /// </summary>
    public static async Task<long> NextIdAsync(SqliteConnection connection, SqliteTransaction transaction, string table, CancellationToken ct)
    {
        var command = Get(connection, transaction, $"""
            SELECT MAX(n) FROM (SELECT "seq" AS n FROM "sqlite_sequence" WHERE "name" = '{table}' UNION ALL SELECT MAX("Id") FROM "{table}" UNION ALL SELECT 0)
            """, 0);
        return (long)(await command.ExecuteScalarAsync(ct))! + 1;
    }

    public static string Names(int from, int count)
    {
        var sb = new StringBuilder(count * 5);
        for (var i = 0; i < count; i++)
        {
            sb.Append(i == 0 ? "" : ", ").Append(Name(from + i));
        }
        return sb.ToString();
    }

    private static string Name(int i) => "$p" + i.ToString(CultureInfo.InvariantCulture);
}
