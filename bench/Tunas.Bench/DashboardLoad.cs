using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Training;

namespace Tunas.Bench;

/// <summary>
/// The dashboard's rows for <see cref="DashboardScenario"/>, on SQLite or PostgreSQL: <c>residents</c> residents, a fifth
/// of them applicants, a quarter of those placed, ten cashbook lines per resident, written by INSERT … SELECT over a
/// generated series; the cashbook's monthly totals filled from the lines as the migration that adds them would.
/// </summary>
internal static class DashboardLoad
{
    public static async Task<(int ProgramId, string Counts)> LoadAsync(ServiceProvider services, BenchDatabase database, int agency, long residents)
    {
        var now = DateTime.UtcNow;
        int programId, t1, cohorts;
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
            var program = new TrainingProgram
            {
                AgencyId = agency,
                Name = "Bench",
                Year = 2025,
                Budget = 5_000_000_000,
                Seed = "s",
                RegistrationOpens = new(2025, 1, 1),
                RegistrationCloses = new(2025, 2, 1),
                MinAge = 18,
                MaxAge = 55,
                MaxDesil = 6,
                DomicileRegencyCode = "35.72",
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Programs.Add(program);
            await db.SaveChangesAsync();
            var tracks = Enumerable.Range(0, 3).Select(i => new Track { AgencyId = agency, ProgramId = program.Id, Name = "T" + i.ToString(CultureInfo.InvariantCulture) }).ToList();
            var provider = new Provider { AgencyId = agency, Name = "LPK", Capacity = 100, CreatedAt = now };
            db.AddRange(tracks);
            db.Add(provider);
            db.Add(new Tunas.Web.Features.Businesses.BusinessCategory { AgencyId = agency, Name = "Makanan", CreatedAt = now });
            await db.SaveChangesAsync();
            cohorts = (int)Math.Max(1, residents / 20 / 25);
            for (var c = 0; c < cohorts; c++)
            {
                db.Add(new Cohort
                {
                    AgencyId = agency,
                    ProgramId = program.Id,
                    TrackId = tracks[c % 3].Id,
                    ProviderId = provider.Id,
                    Name = "A" + c.ToString(CultureInfo.InvariantCulture),
                    Place = "Aula",
                    StartsOn = new(2025, 3, 1),
                    EndsOn = new(2025, 3, 10),
                    Capacity = 30,
                    CreatedAt = now,
                    UpdatedAt = now,
                });
            }
            await db.SaveChangesAsync();
            (programId, t1) = (program.Id, tracks[0].Id);
        }
        await using var connection = database.OpenRaw();
        var applicants = residents / 5;
        var participants = applicants / 4;
        foreach (var sql in Statements(database.IsPostgres, agency, programId, t1, cohorts, residents, applicants, participants, now))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync();
        }
        return (programId, string.Create(CultureInfo.InvariantCulture,
            $"{residents:N0} residents, {applicants:N0} applications, {participants:N0} participants, {residents * 10:N0} cashbook entries"));
    }

    private static string[] Statements(bool pg, int agency, int programId, int t1, int cohorts, long residents, long applicants, long participants, DateTime now)
    {
        static string I(long n) => n.ToString(CultureInfo.InvariantCulture);
        // The same rows on both: a generated series, typed literals, and each provider's own date and padding functions.
        string With(long n) => pg ? "" : $"WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < {I(n)}) ";
        string From(long n) => pg ? $"generate_series(1, {I(n)}) AS s(i)" : "s";
        string Pad(string e, int w) => pg ? $"lpad(({e})::text, {w}, '0')" : $"printf('%0{w}d', {e})";
        string Day(string iso) => pg ? $"DATE '{iso}'" : $"'{iso}'";
        var True = pg ? "true" : "1";
        var False = pg ? "false" : "0";
        var n = now.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var ts = pg ? $"TIMESTAMPTZ '{n}+00'" : $"'{n}'";
        var born = pg ? "DATE '1970-01-01' + ((i * 37) % 14000)::int" : "date('1970-01-01', '+' || ((i * 37) % 14000) || ' days')";
        var occurred = pg ? "CURRENT_DATE - (i % 365)::int" : "date('now', '-' || (i % 365) || ' days')";
        var month = pg ? "date_trunc('month', \"OccurredOn\")::date" : "date(\"OccurredOn\", 'start of month')";
        const string Village = "'35.72.0' || (1 + (i % 3)) || '.100' || (1 + (i % 7))";
        var a = I(agency);
        var p = I(programId);
        return
        [
            $"""{With(residents)}INSERT INTO "Persons" ("Id","AgencyId","Nik","FullName","NameKey","Sex","BirthDate","VillageCode","Disability","WelfareDecile","Origin","Verified","CreatedAt","UpdatedAt") SELECT i, {a}, '3572' || {Pad("i", 12)}, 'W ' || i, 'w ' || i, i % 2, {born}, {Village}, i % 50 = 0, 1 + (i % 10), 0, {True}, {ts}, {ts} FROM {From(residents)}""",
            $"""{With(applicants)}INSERT INTO "Applications" ("Id","AgencyId","ProgramId","PersonId","RegistrationNumber","FirstTrackId","VillageCode","Consent","ConsentPurpose","ConsentAt","Channel","Status","SubmittedAt") SELECT i, {a}, {p}, i * 5, 'B-' || i, {I(t1)} + (i % 3), '35.72.0' || (1 + ((i * 5) % 3)) || '.100' || (1 + ((i * 5) % 7)), {True}, 'x', {ts}, 'Public', 'Submitted', {ts} FROM {From(applicants)}""",
            $"""INSERT INTO "SelectionRuns" ("Id","AgencyId","ProgramId","Number","Status","RunAt","RunById","RunByName","ReferenceDate","Seed","SettingsJson","QuotasJson","InputsHash","Applicants","Selected","Waitlisted","NotSelected","Ineligible") VALUES (1, {a}, {p}, 1, 'Published', {ts}, 'b', 'b', {Day("2025-02-01")}, 's', '{"{}"}', '[]', 'h', 0, 0, 0, 0, 0)""",
            $"""INSERT INTO "SelectionDecisions" ("AgencyId","RunId","ApplicationId","RegistrationNumber","VillageCode","QuotaRegion","TrackId","Outcome","Status","Placement","Score","ScoreJson","RulesJson","ReasonsJson") SELECT {a}, 1, "Id", "RegistrationNumber", "VillageCode", "VillageCode", "FirstTrackId", CASE "Id" % 4 WHEN 0 THEN 'Selected' WHEN 1 THEN 'Waitlisted' WHEN 2 THEN 'NotSelected' ELSE 'Ineligible' END, CASE "Id" % 4 WHEN 0 THEN 'Selected' WHEN 1 THEN 'Waitlisted' WHEN 2 THEN 'NotSelected' ELSE 'Ineligible' END, 'None', 0, '{"{}"}', '[]', '[]' FROM "Applications" """,
            $"""INSERT INTO "CohortParticipants" ("Id","AgencyId","CohortId","ApplicationId","Status","PlacedAt") SELECT "Id" / 4, {a}, (SELECT MIN("Id") FROM "Cohorts") + (("Id" / 4) % {I(cohorts)}), "Id", 'Placed', {ts} FROM "Applications" WHERE "Id" % 4 = 0""",
            $"""INSERT INTO "Certificates" ("AgencyId","ProgramId","CohortId","ParticipantId","Sequence","Number","VerificationCode","HolderName","TrackName","ProviderName","StartsOn","EndsOn","Hours","IssuedAt") SELECT {a}, {p}, "CohortId", "Id", "Id", 'C' || "Id", {Pad("\"Id\"", 16)}, '-', '-', '-', {Day("2025-03-01")}, {Day("2025-03-10")}, 40, {ts} FROM "CohortParticipants" WHERE "Id" % 5 <> 0""",
            $"""INSERT INTO "AllowancePayments" ("AgencyId","ProgramId","CohortId","PaidOn","Amount","Days","RecordedAt") SELECT {a}, {p}, "Id", {Day("2025-03-11")}, 1000000, 200, {ts} FROM "Cohorts" """,
            $"""INSERT INTO "CashbookSharing" ("AgencyId","ParticipantId","ShareMonthlyTotals","ChangedAt") SELECT {a}, "Id", "Id" % 3 <> 0, {ts} FROM "CohortParticipants" """,
            $"""INSERT INTO "Businesses" ("Id","AgencyId","Name","CategoryId","VillageCode","Status","CatalogueConsent","CreatedAt","UpdatedAt") SELECT p."Id", {a}, 'U' || p."Id", (SELECT MIN("Id") FROM "BusinessCategories"), a."VillageCode", CASE p."Id" % 3 WHEN 0 THEN 'Closed' ELSE 'Active' END, {False}, {ts}, {ts} FROM "CohortParticipants" p JOIN "Applications" a ON a."Id" = p."ApplicationId" WHERE p."Id" % 2 = 0""",
            $"""INSERT INTO "BusinessOwners" ("AgencyId","BusinessId","PersonId") SELECT {a}, b."Id", a."PersonId" FROM "Businesses" b JOIN "CohortParticipants" p ON p."Id" = b."Id" JOIN "Applications" a ON a."Id" = p."ApplicationId" """,
            $"""INSERT INTO "BusinessWorkers" ("AgencyId","BusinessId","FullName","Nik","HoursPerWeek","PayBand","StartedOn","CreatedAt","UpdatedAt") SELECT {a}, "Id", 'K', '3572' || {Pad("\"Id\" * 5 + 1", 12)}, 20, 'Unpaid', {Day("2025-04-01")}, {ts}, {ts} FROM "Businesses" WHERE "Id" % 4 = 0""",
            $"""INSERT INTO "FollowUps" ("AgencyId","ProgramId","PersonId","ApplicationId","Group","MonthsAfter","DueOn","Status","BusinessActive","MonthlyRevenue","MonthlyProfit","HouseholdMonthlyIncome","Needs","CreatedAt","UpdatedAt") SELECT {a}, {p}, a."PersonId", a."Id", CASE a."Id" % 4 WHEN 0 THEN 'Participant' ELSE 'Comparison' END, m.m, {Day("2025-06-01")}, 'Done', (a."Id" + m.m) % 3 <> 0, 100000 * (a."Id" % 37), 30000 * (a."Id" % 17), 1000000 + 1000 * (a."Id" % 900), 0, {ts}, {ts} FROM "Applications" a CROSS JOIN (SELECT 3 AS m UNION ALL SELECT 6) m WHERE a."Id" % 4 IN (0, 1)""",
            // The copies of the person's counted fields that the app keeps on each save (decision 0034), set here as the migration does.
            """UPDATE "FollowUps" AS f SET "PersonSex" = p."Sex", "PersonBirthDate" = p."BirthDate", "PersonDisability" = p."Disability", "PersonWelfareDecile" = p."WelfareDecile" FROM "Persons" AS p WHERE p."Id" = f."PersonId" """,
            """UPDATE "CohortParticipants" AS c SET "PersonSex" = p."Sex", "PersonBirthDate" = p."BirthDate", "PersonDisability" = p."Disability", "PersonWelfareDecile" = p."WelfareDecile" FROM "Applications" AS a JOIN "Persons" AS p ON p."Id" = a."PersonId" WHERE a."Id" = c."ApplicationId" """,
            $"""{With(residents * 10)}INSERT INTO "CashbookEntries" ("AgencyId","ParticipantId","ClientId","Kind","OccurredOn","Amount","Paid","Deleted","ClientUpdatedAt","CreatedAt","UpdatedAt") SELECT {a}, 1 + (i % {I(participants)}), 'b' || i, CASE WHEN i % 10 < 6 THEN 'Sale' WHEN i % 10 < 9 THEN 'Expense' ELSE 'DebtPayment' END, {occurred}, 1000 * (5 + (i * 7) % 500), {True}, {False}, {ts}, {ts}, {ts} FROM {From(residents * 10)}""",
            $"""INSERT INTO "CashbookMonths" ("AgencyId","ParticipantId","Month","Sales","Expenses","Lines") SELECT "AgencyId", "ParticipantId", {month}, SUM(CASE WHEN "Kind" = 'Sale' THEN "Amount" ELSE 0 END), SUM(CASE WHEN "Kind" = 'Expense' THEN "Amount" ELSE 0 END), COUNT(*) FROM "CashbookEntries" WHERE NOT "Deleted" AND "Kind" <> 'DebtPayment' GROUP BY "AgencyId", "ParticipantId", {month}""",
            pg ? "VACUUM ANALYZE" : "ANALYZE",
        ];
    }
}
