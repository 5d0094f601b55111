using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Tunas.Web.Data;

namespace Tunas.Web.Features.Registry.Imports;

/// <summary>Row errors as stored: the cell's column and value (NIK and No. KK masked), the English message and its arguments.</summary>
public static class ImportErrors
{
    public static ImportRowError Create(Guid jobId, int rowNumber, string column, string? value, string message, IReadOnlyList<string> args, string? advice) => new()
    {
        ImportJobId = jobId,
        RowNumber = rowNumber,
        Column = Cut(column, 100)!,
        Value = Cut(value, 300),
        Problem = message,
        Arguments = args.Count == 0 ? null : Cut(JsonSerializer.Serialize(args.Select(a => Cut(a, 150))), 1000),
        Advice = advice,
    };

    public static string[] Arguments(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<string[]>(json) ?? [];

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..max];

    /// <summary>
    /// Stores refused rows inside the batch's transaction, by the provider's fast path as the persons are; each row
    /// takes the job's agency.
    /// </summary>
    public static Task InsertAsync(TunasDb db, ImportJobState job, List<ImportRowError> errors, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (errors.Count == 0)
        {
            return Task.CompletedTask;
        }
        foreach (var e in errors)
        {
            e.AgencyId = job.AgencyId;
        }
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        return db.Database.GetDbConnection() switch
        {
            SqliteConnection sqlite => InsertAsync(sqlite, (SqliteTransaction)transaction, errors, ct),
            NpgsqlConnection npgsql => InsertAsync(npgsql, errors, ct),
            _ => throw new NotSupportedException("Imports support SQLite and PostgreSQL."),
        };
    }

    private const string Columns = """ "ImportJobId", "RowNumber", "Column", "Value", "Problem", "Arguments", "Advice", "AgencyId" """;

    private static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, List<ImportRowError> errors, CancellationToken ct)
    {
        if (errors.Count == 0)
        {
            return;
        }
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""INSERT INTO "ImportRowErrors" ({Columns}) VALUES ($job, $row, $column, $value, $problem, $args, $advice, $agency)""";
        var job = command.Parameters.Add("$job", SqliteType.Text);
        var row = command.Parameters.Add("$row", SqliteType.Integer);
        var column = command.Parameters.Add("$column", SqliteType.Text);
        var value = command.Parameters.Add("$value", SqliteType.Text);
        var problem = command.Parameters.Add("$problem", SqliteType.Text);
        var args = command.Parameters.Add("$args", SqliteType.Text);
        var advice = command.Parameters.Add("$advice", SqliteType.Text);
        var agency = command.Parameters.Add("$agency", SqliteType.Integer);
        command.Prepare();
        foreach (var e in errors)
        {
            job.Value = e.ImportJobId;
            row.Value = e.RowNumber;
            column.Value = e.Column;
            value.Value = (object?)e.Value ?? DBNull.Value;
            problem.Value = e.Problem;
            args.Value = (object?)e.Arguments ?? DBNull.Value;
            advice.Value = (object?)e.Advice ?? DBNull.Value;
            agency.Value = e.AgencyId;
            command.ExecuteNonQuery();
        }
    }

    private static async Task InsertAsync(NpgsqlConnection connection, List<ImportRowError> errors, CancellationToken ct)
    {
        if (errors.Count == 0)
        {
            return;
        }
        await using var writer = await connection.BeginBinaryImportAsync($"""COPY "ImportRowErrors" ({Columns}) FROM STDIN (FORMAT BINARY)""", ct);
        foreach (var e in errors)
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(e.ImportJobId, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(e.RowNumber, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync(e.Column, NpgsqlDbType.Varchar, ct);
            await WriteAsync(writer, e.Value, NpgsqlDbType.Varchar, ct);
            await writer.WriteAsync(e.Problem, NpgsqlDbType.Varchar, ct);
            await WriteAsync(writer, e.Arguments, NpgsqlDbType.Varchar, ct);
            await WriteAsync(writer, e.Advice, NpgsqlDbType.Varchar, ct);
            await writer.WriteAsync(e.AgencyId, NpgsqlDbType.Integer, ct);
        }
        await writer.CompleteAsync(ct);
    }

    private static Task WriteAsync(NpgsqlBinaryImporter writer, object? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? writer.WriteNullAsync(ct) : writer.WriteAsync(value, type, ct);
}
