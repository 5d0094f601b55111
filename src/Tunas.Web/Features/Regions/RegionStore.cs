using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Tunas.Web.Data;

namespace Tunas.Web.Features.Regions;

public sealed record RegionImportResult(int Added, int Renamed, int Retired, int Unchanged)
{
    public int Total => Added + Renamed + Unchanged;
}

/// <summary>
/// Writes region files into the database: an empty table is filled by the provider's fast path (one prepared
/// statement in one transaction on SQLite, binary COPY on PostgreSQL); a filled one is brought up to date,
/// with codes missing from the new files kept but marked not current.
/// </summary>
public sealed class RegionStore(TunasDb db, RegionDirectory directory, ILogger<RegionStore> log)
{
    public async Task<RegionImportResult> ImportAsync(IReadOnlyList<Region> regions, CancellationToken ct = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        var result = await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var existing = await db.Regions.AsNoTracking()
                .Select(r => new { r.Code, r.Name, r.ParentCode, r.IsCurrent })
                .ToDictionaryAsync(r => r.Code, StringComparer.Ordinal, ct);

            var added = regions.Where(r => !existing.ContainsKey(r.Code)).ToList();
            var changed = regions.Where(r => existing.TryGetValue(r.Code, out var old)
                && (old.Name != r.Name || old.ParentCode != r.ParentCode || !old.IsCurrent)).ToList();
            var incoming = regions.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
            var retired = existing.Values.Where(r => r.IsCurrent && !incoming.Contains(r.Code)).Select(r => r.Code).ToList();

            await BulkInsertAsync(added, ct);
            foreach (var r in changed)
            {
                await db.Regions.Where(x => x.Code == r.Code).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Name, r.Name)
                    .SetProperty(x => x.SearchName, r.SearchName)
                    .SetProperty(x => x.ParentCode, r.ParentCode)
                    .SetProperty(x => x.IsCurrent, true), ct);
            }
            foreach (var chunk in retired.Chunk(500))
            {
                await db.Regions.Where(x => chunk.Contains(x.Code)).ExecuteUpdateAsync(s => s.SetProperty(x => x.IsCurrent, false), ct);
            }
            if (added.Count + changed.Count + retired.Count > 0)
            {
                await BumpVersionAsync(ct);
            }
            await tx.CommitAsync(ct);
            return new RegionImportResult(added.Count, changed.Count, retired.Count, regions.Count - added.Count - changed.Count);
        });
        directory.Invalidate();
        log.LogInformation("Regions imported: {Added} added, {Renamed} changed, {Retired} retired, {Unchanged} unchanged",
            result.Added, result.Renamed, result.Retired, result.Unchanged);
        return result;
    }

    /// <summary>Loads the shipped region files when the table is empty (first start). Returns null when nothing was needed.</summary>
    public async Task<RegionImportResult?> EnsureLoadedAsync(string folder, CancellationToken ct = default)
    {
        if (await db.Regions.AnyAsync(ct))
        {
            return null;
        }
        return await ImportAsync(RegionFiles.Read(folder), ct);
    }

    /// <summary>Tells every instance (<see cref="RegionDirectory.RefreshAsync"/>) that its regions in memory are out of date.</summary>
    private async Task BumpVersionAsync(CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var bumped = await db.Set<RegionsVersion>().Where(v => v.Id == RegionsVersion.Row)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version + 1).SetProperty(v => v.ChangedAt, now), ct);
        if (bumped == 0)
        {
            db.Add(new RegionsVersion { Version = 1, ChangedAt = now });
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task BulkInsertAsync(List<Region> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var connection = db.Database.GetDbConnection();
        switch (connection)
        {
            case SqliteConnection sqlite:
                await InsertSqliteAsync(sqlite, rows, ct);
                break;
            case NpgsqlConnection npgsql:
                await CopyPostgresAsync(npgsql, rows, ct);
                break;
            default:
                db.Regions.AddRange(rows);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                break;
        }
    }

    private async Task InsertSqliteAsync(SqliteConnection connection, List<Region> rows, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = """
            INSERT INTO "Regions" ("Code", "Name", "Level", "ParentCode", "SearchName", "IsCurrent")
            VALUES ($code, $name, $level, $parent, $search, 1)
            """;
        var code = command.Parameters.Add("$code", SqliteType.Text);
        var name = command.Parameters.Add("$name", SqliteType.Text);
        var level = command.Parameters.Add("$level", SqliteType.Integer);
        var parent = command.Parameters.Add("$parent", SqliteType.Text);
        var search = command.Parameters.Add("$search", SqliteType.Text);
        command.Prepare();
        foreach (var r in rows)
        {
            code.Value = r.Code;
            name.Value = r.Name;
            level.Value = (int)r.Level;
            parent.Value = (object?)r.ParentCode ?? DBNull.Value;
            search.Value = r.SearchName;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task CopyPostgresAsync(NpgsqlConnection connection, List<Region> rows, CancellationToken ct)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            """COPY "Regions" ("Code", "Name", "Level", "ParentCode", "SearchName", "IsCurrent") FROM STDIN (FORMAT BINARY)""", ct);
        foreach (var r in rows)
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(r.Code, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(r.Name, NpgsqlDbType.Text, ct);
            await writer.WriteAsync((int)r.Level, NpgsqlDbType.Integer, ct);
            if (r.ParentCode is null)
            {
                await writer.WriteNullAsync(ct);
            }
            else
            {
                await writer.WriteAsync(r.ParentCode, NpgsqlDbType.Text, ct);
            }
            await writer.WriteAsync(r.SearchName, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(true, NpgsqlDbType.Boolean, ct);
        }
        await writer.CompleteAsync(ct);
    }
}
