using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;

namespace Tunas.IntegrationTests.Data;

/// <summary>
/// Rows stored before every tenant table carried its agency (migration AgencyKeyOnEveryRow) get their parent's agency,
/// for two agencies side by side, and nothing is lost in SQLite's table rebuilds; on the database the tests run on.
/// </summary>
public sealed class AgencyKeyMigrationTests
{
    private static readonly Guid Job7 = Guid.Parse("0b7f4a9e-1111-4c3e-9d2a-000000000007");
    private static readonly Guid Job8 = Guid.Parse("0b7f4a9e-1111-4c3e-9d2a-000000000008");

    [Fact]
    public async Task RowsStoredBeforeTheMigrationTakeTheirParentsAgency()
    {
        var (db, drop) = MigrationDatabase.New();
        try
        {
            var migrator = db.GetService<IMigrator>();
            var all = db.Database.GetMigrations().ToList();
            await migrator.MigrateAsync(all[all.FindIndex(m => m.EndsWith("_AgencyKeyOnEveryRow", StringComparison.Ordinal)) - 1]);
            foreach (var agency in new[] { 7, 8 })
            {
                foreach (var sql in Rows(agency))
                {
                    await db.Database.ExecuteSqlRawAsync(sql);
                }
            }

            await migrator.MigrateAsync();

            // Each id ends with the agency's digit (7 or 8): a row keyed right has AgencyId == its id's last digit.
            static string Key(long id, int agency) => $"{id}:{agency}";
            static string[] Expected(params long[] ids) => [.. ids.Select(i => Key(i, (int)(i % 10)))];
            Assert.Equal(Expected(27, 28), await db.Tracks.OrderBy(x => x.Id).Select(x => x.Id + ":" + x.AgencyId).ToListAsync());
            Assert.Equal(Expected(37, 38), await db.TrackModules.OrderBy(x => x.Id).Select(x => x.Id + ":" + x.AgencyId).ToListAsync());
            Assert.Equal(Expected(27, 28), await db.TrackProviders.OrderBy(x => x.TrackId).Select(x => x.TrackId + ":" + x.AgencyId).ToListAsync());
            Assert.Equal(Expected(47, 48), await db.ProgramQuotas.OrderBy(x => x.Id).Select(x => x.Id + ":" + x.AgencyId).ToListAsync());
            Assert.Equal(Expected(57, 58), await db.Applications.OrderBy(x => x.Id).Select(x => x.Id + ":" + x.AgencyId).ToListAsync());
            Assert.Equal(Expected(67, 68), await db.SelectionRuns.OrderBy(x => x.Id).Select(x => x.Id + ":" + x.AgencyId).ToListAsync());
            Assert.Equal(Expected(77, 78), await db.SelectionDecisions.OrderBy(x => x.Id).Select(x => x.Id + ":" + x.AgencyId).ToListAsync());
            Assert.Equal(Expected(87, 88), await db.Appeals.OrderBy(x => x.Id).Select(x => x.Id + ":" + x.AgencyId).ToListAsync());
            Assert.Equal(Expected(97, 98), await db.ImportRowErrors.OrderBy(x => x.Id).Select(x => x.Id + ":" + x.AgencyId).ToListAsync());
            // The rebuilt tables kept their other columns too.
            Assert.Equal(["TNS-7", "TNS-8"], await db.Applications.OrderBy(x => x.Id).Select(x => x.RegistrationNumber).ToListAsync());
            Assert.Equal([Job7, Job8], await db.ImportRowErrors.OrderBy(x => x.Id).Select(x => x.ImportJobId).ToListAsync());
            Assert.Equal(["Tolong periksa lagi 7", "Tolong periksa lagi 8"], await db.Appeals.OrderBy(x => x.Id).Select(x => x.Text).ToListAsync());
        }
        finally
        {
            await db.DisposeAsync();
            await drop();
        }
    }

    private static IEnumerable<string> Rows(int a)
    {
        var t = TunasFactory.IsPostgres ? "TRUE" : "1";
        const string EmptyJson = "[]"; // ExecuteSqlRaw reads braces as placeholders
        // EF stores a Guid on SQLite as upper-case text.
        var job = (a == 7 ? Job7 : Job8).ToString().ToUpperInvariant();
        var jobValue = TunasFactory.IsPostgres ? $"'{job}'::uuid" : $"'{job}'";
        return
        [
            $"""INSERT INTO "Agencies" ("Id", "Name", "UpdatedAt") VALUES ({a}, 'Dinas {a}', '2026-01-01')""",
            $"""
            INSERT INTO "Programs" ("Id", "AgencyId", "Name", "Year", "Budget", "TargetSize", "Status", "RegistrationOpens", "RegistrationCloses",
                "YouthWeight", "WomenWeight", "SpillOver", "NameDisplay", "Seed", "CreatedAt", "UpdatedAt")
            VALUES (1{a}, {a}, 'Program {a}', 2026, 0, 10, 'Active', '2026-01-01', '2026-02-01', 5, 5, 'SameTrackThenAnyTrack', 'Initials', 's', '2026-01-01', '2026-01-01')
            """,
            $"""INSERT INTO "Tracks" ("Id", "ProgramId", "Name", "WomenOnly", "SortOrder") VALUES (2{a}, 1{a}, 'Jahit', {t}, 1)""",
            $"""INSERT INTO "TrackModules" ("Id", "TrackId", "SortOrder", "Name", "Kind", "Hours") VALUES (3{a}, 2{a}, 1, 'Jahit', 'Craft', 8)""",
            $"""INSERT INTO "Providers" ("Id", "AgencyId", "Name", "Type", "Capacity", "CreatedAt") VALUES (1{a}, {a}, 'LPK {a}', 'Lpk', 10, '2026-01-01')""",
            $"""INSERT INTO "TrackProviders" ("TrackId", "ProviderId") VALUES (2{a}, 1{a})""",
            $"""INSERT INTO "ProgramQuotas" ("Id", "ProgramId", "RegionCode", "Size") VALUES (4{a}, 1{a}, '35.72.01.1004', 3)""",
            $"""
            INSERT INTO "Persons" ("Id", "AgencyId", "Nik", "FullName", "NameKey", "Sex", "BirthDate", "VillageCode", "Disability", "Origin", "Verified", "CreatedAt", "UpdatedAt")
            VALUES (1{a}, {a}, '357201520377090{a}', 'Siti {a}', 'siti', 1, '1977-03-12', '35.72.01.1004', {t}, 0, {t}, '2026-01-01', '2026-01-01')
            """,
            $"""
            INSERT INTO "Applications" ("Id", "ProgramId", "PersonId", "RegistrationNumber", "FirstTrackId", "VillageCode", "Consent", "ConsentPurpose",
                "ConsentAt", "Channel", "Status", "SubmittedAt")
            VALUES (5{a}, 1{a}, 1{a}, 'TNS-{a}', 2{a}, '35.72.01.1004', {t}, 'Seleksi', '2026-01-02', 'Public', 'Submitted', '2026-01-02')
            """,
            $"""
            INSERT INTO "SelectionRuns" ("Id", "ProgramId", "Number", "Status", "RunAt", "RunById", "RunByName", "ReferenceDate", "Seed", "SettingsJson",
                "QuotasJson", "InputsHash", "Applicants", "Selected", "Waitlisted", "NotSelected", "Ineligible")
            VALUES (6{a}, 1{a}, 1, 'Published', '2026-02-02', 'u', 'Petugas', '2026-02-02', 's', '{EmptyJson}', '[]', 'h', 1, 1, 0, 0, 0)
            """,
            $"""
            INSERT INTO "SelectionDecisions" ("Id", "RunId", "ApplicationId", "RegistrationNumber", "VillageCode", "QuotaRegion", "Outcome", "Status",
                "Placement", "Score", "ScoreJson", "RulesJson", "ReasonsJson", "InputJson")
            VALUES (7{a}, 6{a}, 5{a}, 'TNS-{a}', '35.72.01.1004', '35.72.01.1004', 'Selected', 'Selected', 'HomeQuota', 10, '{EmptyJson}', '[]', '[]', '{EmptyJson}')
            """,
            $"""INSERT INTO "Appeals" ("Id", "ApplicationId", "RunId", "Text", "LodgedAt", "Status") VALUES (8{a}, 5{a}, 6{a}, 'Tolong periksa lagi {a}', '2026-02-03', 'Open')""",
            $"""
            INSERT INTO "ImportJobs" ("Id", "AgencyId", "Status", "FileName", "TotalRows", "ProcessedRows", "Inserted", "Updated", "Unchanged", "Rejected",
                "CreatedByName", "CreatedAt")
            VALUES ({jobValue}, {a}, 3, 'warga.csv', 1, 1, 0, 0, 0, 1, 'Petugas', '2026-01-01')
            """,
            $"""INSERT INTO "ImportRowErrors" ("Id", "ImportJobId", "RowNumber", "Column", "Problem") VALUES (9{a}, {jobValue}, 2, 'NIK', 'NIK is not valid.')""",
        ];
    }
}
