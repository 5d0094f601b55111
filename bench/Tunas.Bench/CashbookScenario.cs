using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using NpgsqlTypes;
using Tunas.Web.Features.Businesses.Cashbook;
using Tunas.Web.Features.Training.Participants;
using Tunas.Web.Infrastructure;

namespace Tunas.Bench;

/// <summary>
/// The cashbook (issue 14): <c>--rows</c> entries over rows/200 participants (the 10,000,000 over 50,000 keeps
/// 200 a participant), spread over twelve months, loaded by the provider's raw bulk path. Then a participant's month
/// summary (<see cref="CashbookTotals.MonthAsync"/>) for random participants, p95 beside the same grouped SQL on a bare
/// prepared command; and a 500-entry sync (<see cref="CashbookBook.SyncAsync"/>) beside 500 raw inserts in one transaction.
/// The placements are bare rows with their foreign keys off during the load (the bench has no applications): reads
/// and the sync's inserts go through the same indexes as in the app.
/// </summary>
internal static class CashbookScenario
{
    private const int PerParticipant = 200;

    public static async Task RunAsync(BenchOptions options)
    {
        if (!options.NoSqlite)
        {
            await RunOneAsync(options, null);
        }
        if (options.Postgres is not null)
        {
            await RunOneAsync(options, options.Postgres);
        }
    }

    private static async Task RunOneAsync(BenchOptions options, string? postgres)
    {
        await using var database = await BenchDatabase.CreateAsync(postgres, "cashbook", options.Keep);
        var accessor = new SwitchableAccessor();
        await using var services = database.Services(s =>
        {
            s.Replace(ServiceDescriptor.Singleton<IHttpContextAccessor>(accessor));
            s.AddScoped<ParticipantSelf>();
            s.AddScoped<CashbookBook>();
            s.AddScoped<CashbookTotals>();
        });
        var agency = await BenchDatabase.PrepareAsync(services);
        var participants = (int)Math.Max(1, options.Rows / PerParticipant);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var watch = Stopwatch.StartNew();
        var rows = await LoadAsync(database, agency, participants, options.Rows, today, options.Seed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cashbook ({database.Label}): {rows:N0} entries over {participants:N0} participants loaded in {watch.Elapsed.TotalSeconds:F0} s"));

        var random = new Random(options.Seed);
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var queries = Math.Min(options.Queries, 2_000);
        var app = new List<double>(queries);
        var raw = new List<double>(queries);
        await using var connection = database.OpenRaw();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT "Kind", "Paid", SUM("Amount") FROM "CashbookEntries"
            WHERE "AgencyId" = @a AND "ParticipantId" = @p AND NOT "Deleted" AND "OccurredOn" >= @f AND "OccurredOn" <= @t GROUP BY "Kind", "Paid"
            """;
        var pa = Parameter(command, "@a", agency);
        var pp = Parameter(command, "@p", 1L);
        Parameter(command, "@f", database.IsPostgres ? month : month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Parameter(command, "@t", database.IsPostgres ? month.AddMonths(1).AddDays(-1) : month.AddMonths(1).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await command.PrepareAsync();
        for (var i = -50; i < queries; i++)
        {
            long participant = random.Next(1, participants + 1);
            var t = Stopwatch.GetTimestamp();
            using (var scope = services.CreateScope())
            {
                await scope.ServiceProvider.GetRequiredService<CashbookTotals>().MonthAsync(agency, participant, month);
            }
            var appMs = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            pp.Value = participant;
            t = Stopwatch.GetTimestamp();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    _ = reader.GetInt64(2);
                }
            }
            var rawMs = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            if (i >= 0)
            {
                app.Add(appMs);
                raw.Add(rawMs);
            }
        }
        Report.Line($"cashbook month summary p95 ({database.Label})", P95(app), P95(raw), "ms",
            string.Create(CultureInfo.InvariantCulture, $"{queries:N0} queries; median {Median(app):F2} ms vs {Median(raw):F2} ms"));

        // A 500-entry sync, as a phone that was offline for weeks sends it, for 20 participants in turn.
        var syncs = new List<double>();
        var inserts = new List<double>();
        for (var round = 0; round < 20; round++)
        {
            long participant = random.Next(1, participants + 1);
            accessor.HttpContext = new DefaultHttpContext { User = Participant(participant, agency) };
            var batch = Enumerable.Range(0, CashbookRules.MaxBatch).Select(i => new EntryValues(
                $"sync-{round}-{i}", CashbookKind.Sale, today.AddDays(-(i % 28)), "Kue lapis", 2, 10_000 + i, null, true, null, null, false, DateTime.UtcNow)).ToList();
            var t = Stopwatch.GetTimestamp();
            using (var scope = services.CreateScope())
            {
                var book = scope.ServiceProvider.GetRequiredService<CashbookBook>();
                if (!await book.OpenAsync())
                {
                    throw new InvalidOperationException("The bench participant has no placement.");
                }
                var result = await book.SyncAsync(batch);
                if (result.Stored != batch.Count)
                {
                    throw new InvalidOperationException("The sync stored " + result.Stored);
                }
            }
            syncs.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            t = Stopwatch.GetTimestamp();
            await RawInsertAsync(database, agency, participant, 500, today, "raw-" + round.ToString(CultureInfo.InvariantCulture) + "-");
            inserts.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        Report.Line($"cashbook 500-entry sync, median ({database.Label})", Median(syncs), Median(inserts), "ms",
            string.Create(CultureInfo.InvariantCulture, $"20 syncs; max {syncs.Max():F0} ms vs {inserts.Max():F0} ms; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB"));
    }

    private static async Task<long> LoadAsync(BenchDatabase database, int agency, int participants, long rows, DateOnly today, int seed)
    {
        var random = new Random(seed);
        var now = DateTime.UtcNow;
        await using var connection = database.OpenRaw();
        if (database.IsPostgres)
        {
            foreach (var sql in new[]
            {
                "ALTER TABLE \"CohortParticipants\" DROP CONSTRAINT IF EXISTS \"FK_CohortParticipants_Applications_ApplicationId\"",
                "ALTER TABLE \"CohortParticipants\" DROP CONSTRAINT IF EXISTS \"FK_CohortParticipants_Cohorts_CohortId\"",
                "ALTER TABLE \"CohortParticipants\" DROP CONSTRAINT IF EXISTS \"FK_CohortParticipants_AspNetUsers_UserId\"",
            })
            {
                await BenchDatabase.ExecuteAsync(database.ConnectionString, sql);
            }
            var pg = (NpgsqlConnection)connection;
            await using (var copy = await pg.BeginBinaryImportAsync(
                "COPY \"CohortParticipants\" (\"Id\", \"AgencyId\", \"CohortId\", \"ApplicationId\", \"Status\", \"PlacedAt\", \"UserId\") FROM STDIN (FORMAT BINARY)"))
            {
                for (long p = 1; p <= participants; p++)
                {
                    await copy.WriteRowAsync(default, p, agency, 1, p, "Placed", now, "bench-" + p.ToString(CultureInfo.InvariantCulture));
                }
                await copy.CompleteAsync();
            }
            await using (var copy = await pg.BeginBinaryImportAsync(
                "COPY \"CashbookEntries\" (\"AgencyId\", \"ParticipantId\", \"ClientId\", \"Kind\", \"OccurredOn\", \"Item\", \"Quantity\", \"Amount\", \"Customer\", \"Paid\", \"Deleted\", \"ClientUpdatedAt\", \"CreatedAt\", \"UpdatedAt\") FROM STDIN (FORMAT BINARY)"))
            {
                for (long i = 0; i < rows; i++)
                {
                    var (participant, kind, on, amount, paid) = Line(random, i, participants, today);
                    await copy.StartRowAsync();
                    await copy.WriteAsync(agency, NpgsqlDbType.Integer);
                    await copy.WriteAsync(participant, NpgsqlDbType.Bigint);
                    await copy.WriteAsync("b" + i.ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Varchar);
                    await copy.WriteAsync(kind, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(on, NpgsqlDbType.Date);
                    await copy.WriteAsync("Kue", NpgsqlDbType.Varchar);
                    await copy.WriteAsync(1, NpgsqlDbType.Integer);
                    await copy.WriteAsync(amount, NpgsqlDbType.Bigint);
                    if (paid)
                    {
                        await copy.WriteNullAsync();
                    }
                    else
                    {
                        await copy.WriteAsync("Bu Ani", NpgsqlDbType.Varchar);
                    }
                    await copy.WriteAsync(paid, NpgsqlDbType.Boolean);
                    await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                    await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                }
                await copy.CompleteAsync();
            }
            await BenchDatabase.ExecuteAsync(database.ConnectionString, "ANALYZE \"CashbookEntries\"; ANALYZE \"CohortParticipants\"");
            return rows;
        }
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA foreign_keys = OFF";
            await pragma.ExecuteNonQueryAsync();
        }
        await using var tx = await connection.BeginTransactionAsync();
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO \"CohortParticipants\" (\"Id\", \"AgencyId\", \"CohortId\", \"ApplicationId\", \"Status\", \"PlacedAt\", \"UserId\") VALUES (@i, @a, 1, @i, 'Placed', @n, @u)";
            var i = Parameter(insert, "@i", 0L);
            Parameter(insert, "@a", agency);
            Parameter(insert, "@n", now);
            var u = Parameter(insert, "@u", "");
            for (long p = 1; p <= participants; p++)
            {
                i.Value = p;
                u.Value = "bench-" + p.ToString(CultureInfo.InvariantCulture);
                await insert.ExecuteNonQueryAsync();
            }
        }
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = """
                INSERT INTO "CashbookEntries" ("AgencyId", "ParticipantId", "ClientId", "Kind", "OccurredOn", "Item", "Quantity", "Amount", "Customer", "Paid", "Deleted", "ClientUpdatedAt", "CreatedAt", "UpdatedAt")
                VALUES (@a, @p, @c, @k, @o, 'Kue', 1, @m, @cu, @pd, 0, @n, @n, @n)
                """;
            Parameter(insert, "@a", agency);
            var p = Parameter(insert, "@p", 0L);
            var c = Parameter(insert, "@c", "");
            var k = Parameter(insert, "@k", "");
            var o = Parameter(insert, "@o", "");
            var m = Parameter(insert, "@m", 0L);
            var cu = Parameter(insert, "@cu", DBNull.Value);
            var pd = Parameter(insert, "@pd", true);
            Parameter(insert, "@n", now);
            await insert.PrepareAsync();
            for (long i = 0; i < rows; i++)
            {
                var (participant, kind, on, amount, paid) = Line(random, i, participants, today);
                p.Value = participant;
                c.Value = "b" + i.ToString(CultureInfo.InvariantCulture);
                k.Value = kind;
                o.Value = on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                m.Value = amount;
                cu.Value = paid ? DBNull.Value : "Bu Ani";
                pd.Value = paid;
                await insert.ExecuteNonQueryAsync();
            }
        }
        await tx.CommitAsync();
        await using (var analyze = connection.CreateCommand())
        {
            analyze.CommandText = "ANALYZE";
            await analyze.ExecuteNonQueryAsync();
        }
        return rows;
    }

    private static (long Participant, string Kind, DateOnly On, long Amount, bool Paid) Line(Random random, long i, int participants, DateOnly today)
    {
        var kind = (i % 10) switch { < 6 => "Sale", < 9 => "Expense", _ => "DebtPayment" };
        var paid = kind != "Sale" || random.Next(5) > 0;
        return (i % participants + 1, kind, today.AddDays(-random.Next(365)), 1_000 * random.Next(5, 500), paid);
    }

    private static async Task RawInsertAsync(BenchDatabase database, int agency, long participant, int count, DateOnly today, string prefix)
    {
        await using var connection = database.OpenRaw();
        await using var tx = await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO "CashbookEntries" ("AgencyId", "ParticipantId", "ClientId", "Kind", "OccurredOn", "Item", "Quantity", "Amount", "Paid", "Deleted", "ClientUpdatedAt", "CreatedAt", "UpdatedAt")
            VALUES (@a, @p, @c, 'Sale', @o, 'Kue lapis', 2, @m, TRUE, FALSE, @n, @n, @n)
            """;
        Parameter(insert, "@a", agency);
        Parameter(insert, "@p", participant);
        var c = Parameter(insert, "@c", "");
        var o = Parameter(insert, "@o", database.IsPostgres ? today : today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var m = Parameter(insert, "@m", 0L);
        Parameter(insert, "@n", DateTime.UtcNow);
        await insert.PrepareAsync();
        for (var i = 0; i < count; i++)
        {
            c.Value = prefix + i.ToString(CultureInfo.InvariantCulture);
            o.Value = database.IsPostgres ? today.AddDays(-(i % 28)) : today.AddDays(-(i % 28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            m.Value = 10_000L + i;
            await insert.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
    }

    private static System.Data.Common.DbParameter Parameter(System.Data.Common.DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
        return p;
    }

    private static ClaimsPrincipal Participant(long id, int agency) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, "bench-" + id.ToString(CultureInfo.InvariantCulture)),
        new Claim(ClaimTypes.Name, "bench"),
        new Claim(ClaimTypes.Role, Roles.Participant),
        new Claim(TunasClaims.AgencyId, agency.ToString(CultureInfo.InvariantCulture)),
    ], "bench"));

    private static double P95(List<double> values) => values.Order().ElementAt((int)Math.Ceiling(values.Count * 0.95) - 1);

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private sealed class SwitchableAccessor : IHttpContextAccessor
    {
        public HttpContext? HttpContext { get; set; } = new DefaultHttpContext();
    }
}
