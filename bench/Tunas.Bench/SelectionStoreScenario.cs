using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Tunas.Web.Data;
using Tunas.Web.Features.Audit;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Selection;
using Tunas.Web.Infrastructure;

namespace Tunas.Bench;

/// <summary>
/// A selection run stored end to end, as the app's <see cref="SelectionRunner"/> stores it: the engine, then the
/// <see cref="SelectionRun"/> row (settings, quotas, the compressed inputs and their hash) and every applicant's
/// decision, in one transaction. The applications it decides on are put in first by plain SQL, unmeasured. The raw
/// baseline in the same run: the provider's own bulk insert (one prepared statement in one transaction on SQLite,
/// binary COPY on PostgreSQL) of as many rows of the same columns and widths into a table without secondary indexes.
/// Goal (issue 9): under 60 s and 2 GB for 1,000,000 applicants on both databases.
/// </summary>
internal static class SelectionStoreScenario
{
    public static async Task RunAsync(BenchOptions options, string? postgres, SelectionInput input)
    {
        await using var database = await BenchDatabase.CreateAsync(postgres, "selection", options.Keep);
        await using var services = database.Services();
        var agency = await BenchDatabase.PrepareAsync(services);
        var count = input.Applicants.Count;
        var prepare = Stopwatch.StartNew();
        var programId = await ApplicationsAsync(services, database, agency, count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"selection store ({database.Label}): {count:N0} persons and applications put in by SQL in {prepare.Elapsed.TotalSeconds:F1} s (not measured)"));

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var sampler = new PeakSampler();
        var watch = Stopwatch.StartNew();
        var result = SelectionEngine.Run(input);
        var engine = watch.Elapsed.TotalSeconds;
        SelectionRun run;
        using (var scope = services.CreateScope())
        {
            var sp = scope.ServiceProvider;
            var runner = new SelectionRunner(sp.GetRequiredService<TunasDb>(), sp.GetRequiredService<CurrentUser>(), sp.GetRequiredService<AuditLog>(), TimeProvider.System, new NoTrainingHistory());
            run = await runner.StoreAsync(programId, input, result, new SelectionActor(agency, "bench", "bench"));
        }
        watch.Stop();
        var peak = sampler.Stop();

        var (stored, widths, size) = await StoredAsync(database, run.Id);
        var baseline = await BaselineAsync(database, input, widths);
        Report.Line(string.Create(CultureInfo.InvariantCulture, $"selection stored ({database.Label}), {count:N0} decisions"),
            watch.Elapsed.TotalSeconds, baseline, "s",
            string.Create(CultureInfo.InvariantCulture,
                $"{count / watch.Elapsed.TotalSeconds:N0} rows/s (raw {count / baseline:N0} rows/s); engine {engine:F1} s, store {watch.Elapsed.TotalSeconds - engine:F1} s; peak working set {peak / 1048576.0:F0} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  stored {stored:N0} decisions, average widths score/rules/reasons {widths[0]:F0}/{widths[1]:F0}/{widths[2]:F0} chars, inputs blob {run.InputsBlob?.Length / 1048576.0:F1} MB, decisions table {size / 1048576.0:F0} MB"));
    }

    /// <summary>A program with three tracks and <paramref name="count"/> persons with one application each; ids 1..count.</summary>
    private static async Task<int> ApplicationsAsync(ServiceProvider services, BenchDatabase database, int agency, int count)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var program = new TrainingProgram
        {
            AgencyId = agency,
            Name = "Pelatihan Nasional (bench)",
            Year = 2025,
            Budget = 1_000_000_000,
            TargetSize = 80_000,
            Status = ProgramStatus.Active,
            RegistrationOpens = new DateOnly(2025, 9, 1),
            RegistrationCloses = new DateOnly(2025, 9, 21),
            Seed = "bench-2025",
            Tracks = [new Track { Name = "Jajanan" }, new Track { Name = "Menjahit" }, new Track { Name = "Bengkel" }],
        };
        db.Programs.Add(program);
        await db.SaveChangesAsync();
        var track = program.Tracks[0].Id;
        await using var connection = database.OpenRaw();
        var sql = database.IsPostgres
            ? $"""
              INSERT INTO "Persons" ("Id", "AgencyId", "Nik", "FullName", "NameKey", "Sex", "BirthDate", "VillageCode", "Disability", "Origin", "Verified", "CreatedAt", "UpdatedAt")
              SELECT i, {agency}, '35' || lpad(i::text, 14, '0'), 'Warga ' || i, 'warga ' || i, 1, DATE '1990-01-01', '35.72.01.1001', false, 0, true, now(), now()
              FROM generate_series(1, {count}) AS i;
              INSERT INTO "Applications" ("Id", "AgencyId", "ProgramId", "PersonId", "RegistrationNumber", "FirstTrackId", "VillageCode", "Consent", "ConsentPurpose", "ConsentAt", "Channel", "Status", "SubmittedAt")
              SELECT i, {agency}, {program.Id}, i, 'TNS-2025-' || lpad(i::text, 7, '0'), {track}, '35.72.01.1001', true, 'bench', now(), 'Public', 'Submitted', now()
              FROM generate_series(1, {count}) AS i;
              """
            : $"""
              BEGIN;
              WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})
              INSERT INTO "Persons" ("Id", "AgencyId", "Nik", "FullName", "NameKey", "Sex", "BirthDate", "VillageCode", "Disability", "Origin", "Verified", "CreatedAt", "UpdatedAt")
              SELECT i, {agency}, printf('35%014d', i), 'Warga ' || i, 'warga ' || i, 1, '1990-01-01', '35.72.01.1001', 0, 0, 1, '2025-09-01 00:00:00', '2025-09-01 00:00:00' FROM n;
              WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})
              INSERT INTO "Applications" ("Id", "AgencyId", "ProgramId", "PersonId", "RegistrationNumber", "FirstTrackId", "VillageCode", "Consent", "ConsentPurpose", "ConsentAt", "Channel", "Status", "SubmittedAt")
              SELECT i, {agency}, {program.Id}, i, printf('TNS-2025-%07d', i), {track}, '35.72.01.1001', 1, 'bench', '2025-09-01 00:00:00', 'Public', 'Submitted', '2025-09-01 00:00:00' FROM n;
              COMMIT;
              """;
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
        return program.Id;
    }

    private static async Task<(long Count, double[] Widths, long Bytes)> StoredAsync(BenchDatabase database, long runId)
    {
        await using var connection = database.OpenRaw();
        await using var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
            SELECT COUNT(*), AVG(LENGTH("ScoreJson")), AVG(LENGTH("RulesJson")), AVG(LENGTH("ReasonsJson")) FROM "SelectionDecisions" WHERE "RunId" = {runId}
            """);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var result = (reader.GetInt64(0), new[] { Convert.ToDouble(reader.GetValue(1), CultureInfo.InvariantCulture),
            Convert.ToDouble(reader.GetValue(2), CultureInfo.InvariantCulture), Convert.ToDouble(reader.GetValue(3), CultureInfo.InvariantCulture) });
        await reader.DisposeAsync();
        command.CommandText = database.IsPostgres
            ? """SELECT pg_total_relation_size('"SelectionDecisions"')"""
            : "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()";
        var bytes = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        return (result.Item1, result.Item2, bytes);
    }

    /// <summary>The raw bulk insert of as many rows of the decisions' columns and average widths; returns seconds.</summary>
    private static async Task<double> BaselineAsync(BenchDatabase database, SelectionInput input, double[] widths)
    {
        var score = new string('s', (int)Math.Round(widths[0]));
        var rules = new string('r', (int)Math.Round(widths[1]));
        var reasons = new string('e', (int)Math.Round(widths[2]));
        await using var connection = database.OpenRaw();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = database.IsPostgres
                ? """
                  CREATE TABLE "RawDecisions" ("Id" bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "RunId" bigint, "ApplicationId" bigint,
                  "RegistrationNumber" varchar(24), "VillageCode" varchar(13), "QuotaRegion" varchar(13), "TrackId" integer, "Outcome" varchar(16),
                  "Status" varchar(16), "Placement" varchar(24), "Rank" integer, "WaitlistPosition" integer, "Score" integer, "ScoreJson" text,
                  "RulesJson" text, "RuleStates" varchar(16), "ReasonsJson" text)
                  """
                : """
                  CREATE TABLE "RawDecisions" ("Id" INTEGER PRIMARY KEY AUTOINCREMENT, "RunId" INTEGER, "ApplicationId" INTEGER, "RegistrationNumber" TEXT,
                  "VillageCode" TEXT, "QuotaRegion" TEXT, "TrackId" INTEGER, "Outcome" TEXT, "Status" TEXT, "Placement" TEXT, "Rank" INTEGER,
                  "WaitlistPosition" INTEGER, "Score" INTEGER, "ScoreJson" TEXT, "RulesJson" TEXT, "RuleStates" TEXT, "ReasonsJson" TEXT)
                  """;
            await create.ExecuteNonQueryAsync();
        }
        var watch = Stopwatch.StartNew();
        if (connection is NpgsqlConnection npgsql)
        {
            await using var writer = await npgsql.BeginBinaryImportAsync("""
                COPY "RawDecisions" ("RunId", "ApplicationId", "RegistrationNumber", "VillageCode", "QuotaRegion", "TrackId", "Outcome", "Status",
                "Placement", "Rank", "WaitlistPosition", "Score", "ScoreJson", "RulesJson", "RuleStates", "ReasonsJson") FROM STDIN (FORMAT BINARY)
                """);
            writer.Timeout = TimeSpan.FromMinutes(10);
            foreach (var a in input.Applicants)
            {
                writer.StartRow();
                writer.Write(1L, NpgsqlDbType.Bigint);
                writer.Write(a.ApplicationId, NpgsqlDbType.Bigint);
                writer.Write(a.RegistrationNumber, NpgsqlDbType.Varchar);
                writer.Write(a.VillageCode, NpgsqlDbType.Varchar);
                writer.Write(a.QuotaRegion, NpgsqlDbType.Varchar);
                writer.Write((int)a.FirstTrackId, NpgsqlDbType.Integer);
                writer.Write("Ineligible", NpgsqlDbType.Varchar);
                writer.Write("Ineligible", NpgsqlDbType.Varchar);
                writer.Write("None", NpgsqlDbType.Varchar);
                writer.WriteNull();
                writer.WriteNull();
                writer.Write(500, NpgsqlDbType.Integer);
                writer.Write(score, NpgsqlDbType.Text);
                writer.Write(rules, NpgsqlDbType.Text);
                writer.Write("0123!56", NpgsqlDbType.Varchar);
                writer.Write(reasons, NpgsqlDbType.Text);
            }
            await writer.CompleteAsync();
        }
        else
        {
            var sqlite = (SqliteConnection)connection;
            await using var tx = (SqliteTransaction)await sqlite.BeginTransactionAsync();
            await using var command = sqlite.CreateCommand();
            command.Transaction = tx;
            var names = Enumerable.Range(0, 16).Select(i => "$c" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
            command.CommandText = $"""
                INSERT INTO "RawDecisions" ("RunId", "ApplicationId", "RegistrationNumber", "VillageCode", "QuotaRegion", "TrackId", "Outcome", "Status",
                "Placement", "Rank", "WaitlistPosition", "Score", "ScoreJson", "RulesJson", "RuleStates", "ReasonsJson") VALUES ({string.Join(", ", names)})
                """;
            var p = names.Select(n => command.Parameters.Add(n, SqliteType.Text)).ToArray();
            command.Prepare();
            foreach (var a in input.Applicants)
            {
                p[0].Value = 1L;
                p[1].Value = a.ApplicationId;
                p[2].Value = a.RegistrationNumber;
                p[3].Value = a.VillageCode;
                p[4].Value = a.QuotaRegion;
                p[5].Value = a.FirstTrackId;
                p[6].Value = "Ineligible";
                p[7].Value = "Ineligible";
                p[8].Value = "None";
                p[9].Value = DBNull.Value;
                p[10].Value = DBNull.Value;
                p[11].Value = 500;
                p[12].Value = score;
                p[13].Value = rules;
                p[14].Value = "0123!56";
                p[15].Value = reasons;
                command.ExecuteNonQuery();
            }
            await tx.CommitAsync();
        }
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>The highest working set of the process while it runs, sampled every 50 ms.</summary>
    private sealed class PeakSampler : IDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly Task<long> sampling;

        public PeakSampler() => sampling = Task.Run(async () =>
        {
            var peak = 0L;
            using var process = Process.GetCurrentProcess();
            while (!stop.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                try
                {
                    await Task.Delay(50, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            return peak;
        });

        public long Stop()
        {
            stop.Cancel();
            return sampling.GetAwaiter().GetResult();
        }

        public void Dispose() => stop.Dispose();
    }
}
