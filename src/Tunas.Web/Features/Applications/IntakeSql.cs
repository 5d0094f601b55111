using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry.Bulk;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Applications;

/// <summary>The inserts of the intake, by each provider's fast path (as <see cref="PersonBulkWriter"/> does for persons).</summary>
internal abstract class IntakeSql
{
    protected const string ApplicationColumns = """
        "ProgramId", "PersonId", "RegistrationNumber", "FirstTrackId", "SecondTrackId", "VillageCode", "Phone", "Motivation",
        "Consent", "ConsentPurpose", "ConsentAt", "Channel", "EnteredById", "Status", "ChecksJson", "SubmittedAt", "UnverifiedPhone",
        "GivenName", "AgencyId"
        """;

    protected const string AuditColumns = """ "At", "AgencyId", "ActorId", "ActorName", "Action", "EntityType", "EntityId", "Details" """;

    /// <summary>The inserts on the database's connection, inside its current transaction.</summary>
    public static IntakeSql For(TunasDb db) => db.Database.GetDbConnection() switch
    {
        SqliteConnection sqlite => new SqliteIntakeSql(sqlite, (SqliteTransaction)db.Database.CurrentTransaction!.GetDbTransaction()),
        NpgsqlConnection npgsql => new PostgresIntakeSql(npgsql),
        _ => throw new NotSupportedException("Applications support SQLite and PostgreSQL."),
    };

    /// <summary>Inserts the applications and sets their <see cref="Application.Id"/>.</summary>
    public abstract Task InsertApplicationsAsync(List<Application> applications, CancellationToken ct);

    public abstract Task InsertAuditAsync(List<AuditEntry> entries, CancellationToken ct);

    protected static object?[] Values(Application a) =>
    [
        a.ProgramId, a.PersonId, a.RegistrationNumber, a.FirstTrackId, a.SecondTrackId, a.VillageCode, a.Phone, a.Motivation,
        a.Consent, a.ConsentPurpose, a.ConsentAt, a.Channel.ToString(), a.EnteredById, a.Status.ToString(), a.ChecksJson, a.SubmittedAt,
        a.UnverifiedPhone, a.GivenName, a.AgencyId,
    ];

    protected static object?[] Values(AuditEntry e) => [e.At, e.AgencyId, e.ActorId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Details];
}

/// <summary>
/// SQLite: several rows per statement, the statements kept prepared on the writer's connection from batch to batch
/// (<see cref="SqliteStatements"/>), application ids given out first as the registry does for persons.
/// </summary>
internal sealed class SqliteIntakeSql(SqliteConnection connection, SqliteTransaction transaction) : IntakeSql
{
    // The inserts run synchronously: SQLite runs in-process, and its async methods only add a task per statement.
    public override async Task InsertApplicationsAsync(List<Application> applications, CancellationToken ct)
    {
        if (applications.Count == 0)
        {
            return;
        }
        var next = await SqliteStatements.NextIdAsync(connection, transaction, "Applications", ct);
        foreach (var application in applications)
        {
            application.Id = next++;
        }
        SqliteStatements.Insert(connection, transaction, $"""
            "Applications" ("Id", {ApplicationColumns})
            """, 20, applications, a => [a.Id, .. Values(a)], ct: ct);
    }

    public override Task InsertAuditAsync(List<AuditEntry> entries, CancellationToken ct)
    {
        SqliteStatements.Insert(connection, transaction, $"""
            "AuditEntries" ({AuditColumns})
            """, 8, entries, Values, ct: ct);
        return Task.CompletedTask;
    }
}

/// <summary>PostgreSQL: binary COPY, with application ids drawn from the table's own sequence first.</summary>
internal sealed class PostgresIntakeSql(NpgsqlConnection connection) : IntakeSql
{
    private static readonly NpgsqlDbType[] ApplicationTypes =
    [
        NpgsqlDbType.Integer, NpgsqlDbType.Bigint, NpgsqlDbType.Varchar, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar,
        NpgsqlDbType.Boolean, NpgsqlDbType.Varchar, NpgsqlDbType.TimestampTz, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.TimestampTz,
        NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Integer,
    ];

    private static readonly NpgsqlDbType[] AuditTypes =
    [
        NpgsqlDbType.TimestampTz, NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Text,
    ];

    public override async Task InsertApplicationsAsync(List<Application> applications, CancellationToken ct)
    {
        await PostgresIds.AssignAsync(connection, "Applications", applications.Count, (i, id) => applications[i].Id = id, ct);
        await using var writer = await connection.BeginBinaryImportAsync($"""COPY "Applications" ("Id", {ApplicationColumns}) FROM STDIN (FORMAT BINARY)""", ct);
        foreach (var application in applications)
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(application.Id, NpgsqlDbType.Bigint, ct);
            await WriteRowAsync(writer, Values(application), ApplicationTypes, ct);
        }
        await writer.CompleteAsync(ct);
    }

    public override async Task InsertAuditAsync(List<AuditEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0)
        {
            return;
        }
        await using var writer = await connection.BeginBinaryImportAsync($"""COPY "AuditEntries" ({AuditColumns}) FROM STDIN (FORMAT BINARY)""", ct);
        foreach (var entry in entries)
        {
            await writer.StartRowAsync(ct);
            await WriteRowAsync(writer, Values(entry), AuditTypes, ct);
        }
        await writer.CompleteAsync(ct);
    }

    private static async Task WriteRowAsync(NpgsqlBinaryImporter writer, object?[] values, NpgsqlDbType[] types, CancellationToken ct)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is null)
            {
                await writer.WriteNullAsync(ct);
            }
            else
            {
                await writer.WriteAsync(values[i], types[i], ct);
            }
        }
    }
}
