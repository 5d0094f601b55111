using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;

namespace Tunas.IntegrationTests.Data;

/// <summary>
/// A registry stored before the name key moved onto the search tokens (migration SearchNameKey) gets every token's
/// key filled from its person, on the database the tests run on. A database of its own: the shared one cannot go back.
/// </summary>
public sealed class SearchNameKeyMigrationTests
{
    [Fact]
    public async Task TokensStoredBeforeTheMigrationGetTheirPersonsNameKey()
    {
        var (db, drop) = MigrationDatabase.New();
        try
        {
            var migrator = db.GetService<IMigrator>();
            var all = db.Database.GetMigrations().ToList();
            var before = all[all.FindIndex(m => m.EndsWith("_SearchNameKey", StringComparison.Ordinal)) - 1];
            await migrator.MigrateAsync(before);
            var t = TunasFactory.IsPostgres ? "TRUE" : "1";
            foreach (var sql in new[]
            {
                """INSERT INTO "Agencies" ("Id", "Name", "UpdatedAt") VALUES (7, 'Dinas Sosial', '2026-01-01')""",
                $"""
                INSERT INTO "Persons" ("Id", "AgencyId", "Nik", "FullName", "NameKey", "Sex", "BirthDate", "VillageCode", "Disability", "Origin", "Verified", "CreatedAt", "UpdatedAt")
                VALUES (11, 7, '3572015203770901', 'Siti Aminah', 'siti aminah', 1, '1977-03-12', '35.72.01.1004', {t}, 0, {t}, '2026-01-01', '2026-01-01'),
                       (12, 7, '3572011203770902', 'Budi Santoso', 'budi santoso', 0, '1977-03-12', '35.72.01.1004', {t}, 0, {t}, '2026-01-01', '2026-01-01')
                """,
                """INSERT INTO "PersonNameTokens" ("AgencyId", "Token", "PersonId") VALUES (7, 'siti', 11), (7, 'aminah', 11), (7, 'budi', 12), (7, 'santoso', 12)""",
            })
            {
                await db.Database.ExecuteSqlRawAsync(sql);
            }

            await migrator.MigrateAsync();

            var keys = await db.PersonNameTokens.AsNoTracking().OrderBy(x => x.Token).Select(x => x.Token + "=" + x.NameKey).ToListAsync();
            Assert.Equal(["aminah=siti aminah", "budi=budi santoso", "santoso=budi santoso", "siti=siti aminah"], keys);
        }
        finally
        {
            await db.DisposeAsync();
            await drop();
        }
    }
}
