using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web;
using Tunas.Web.Data;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Businesses.Cashbook;
using Tunas.Web.Features.Impact;
using Tunas.Web.Infrastructure;

namespace Tunas.Bench;

/// <summary>
/// The impact dashboard (issue 15), on SQLite and (with --postgres) PostgreSQL: <c>--rows</c> residents, a fifth of them
/// applicants, a quarter of those placed (rows/20 participants), ten cashbook lines per resident (200 per participant),
/// follow-ups of both groups, certificates, businesses and workers (<see cref="DashboardLoad"/>). Then
/// <see cref="DashboardReader.ReadAsync"/> for the whole program and for one kelurahan, each block of the whole program
/// on its own, and the PDF report (read and drawn), p95 beside a raw baseline in the same run (one bare COUNT of the
/// placements per kelurahan); a check that its figures equal a direct SQL recount, and that a cashbook line saved
/// through the app counts at the next read.
/// </summary>
internal static class DashboardScenario
{
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
        await using var database = await BenchDatabase.CreateAsync(postgres, "dashboard", options.Keep, options.Reuse);
        await using var services = database.Services(s =>
        {
            s.AddScoped<VillageNames>();
            s.AddScoped<CashbookTotals>();
            s.AddScoped<DashboardReader>();
            s.AddSingleton<Tunas.Web.Features.Impact.Facts.ImpactFactsCache>();
            s.AddSingleton<IStringLocalizer<SharedResource>, Passthrough>();
        });
        var agency = await BenchDatabase.PrepareAsync(services);
        var watch = Stopwatch.StartNew();
        var (programId, counts) = options.Reuse is null
            ? await DashboardLoad.LoadAsync(services, database, agency, options.Rows)
            : (await FirstProgramAsync(services), "the kept rows of " + options.Reuse);
        var label = database.Label;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dashboard ({label}): {counts} loaded in {watch.Elapsed.TotalSeconds:F0} s"));

        const string village = "35.72.01.1001";
        var queries = Math.Min(options.Queries, 200);
        var app = new List<double>();
        var appVillage = new List<double>();
        var pdf = new List<double>();
        var raw = new List<double>();
        var blocks = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        await using var connection = database.OpenRaw();
        await using var count = connection.CreateCommand();
        var p = database.IsPostgres ? "@v" : "$v";
        count.CommandText = $"""
            SELECT COUNT(*) FROM "CohortParticipants" p JOIN "Applications" a ON a."Id" = p."ApplicationId" WHERE a."VillageCode" = {p}
            """;
        var v = count.CreateParameter();
        v.ParameterName = p;
        v.Value = village;
        count.Parameters.Add(v);
        var program = new DashboardFilter(ProgramId: programId);
        Dashboard? whole = null;
        // The first read loads the agency's facts whole (decision 0035); every later one applies the change log first.
        var cold = Stopwatch.GetTimestamp();
        await ReadAsync(services, program);
        var coldMs = Stopwatch.GetElapsedTime(cold).TotalMilliseconds;
        var recount = new List<double>();
        var afterAnswer = new List<double>();
        var afterResident = new List<double>();
        for (var i = -3; i < queries; i++)
        {
            // A change through the app before each round, so every measured read has one to apply: a follow-up answer
            // in even rounds (what a day of visits brings), a participant's desil in odd ones (it moves most blocks).
            var resident = (i & 1) == 1;
            if (resident)
            {
                await ChangeResidentAsync(services, agency, i);
            }
            else
            {
                await ChangeAnswerAsync(services, agency, i);
            }
            var t = Stopwatch.GetTimestamp();
            whole = await ReadAsync(services, program);
            var a = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            t = Stopwatch.GetTimestamp();
            await ReadAsync(services, program with { VillageCode = village });
            var b = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            t = Stopwatch.GetTimestamp();
            _ = DashboardPdf.Write(await ReadAsync(services, program), "Bench", new Passthrough());
            var d = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            t = Stopwatch.GetTimestamp();
            _ = await count.ExecuteScalarAsync();
            var r = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            t = Stopwatch.GetTimestamp();
            await RecountAsync(services, program);
            var rc = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            var each = options.Analyze ? [.. await BlocksAsync(services, agency, program), .. await FactBlocksAsync(services, agency, program)] : new List<(string, double)>();
            if (i >= 0)
            {
                app.Add(a);
                (resident ? afterResident : afterAnswer).Add(a);
                appVillage.Add(b);
                pdf.Add(d);
                raw.Add(r);
                recount.Add(rc);
                foreach (var (name, ms) in each)
                {
                    (blocks.TryGetValue(name, out var list) ? list : blocks[name] = []).Add(ms);
                }
            }
        }
        Report.Line($"dashboard, first read: the facts loaded whole ({label})", coldMs, P95(raw), "ms", "once per agency, then every 12 h");
        Report.Line($"dashboard, recount from the rows p95 ({label})", P95(recount), P95(raw), "ms", "the path before decision 0035");
        Report.Line($"dashboard, whole program p95 ({label})", P95(app), P95(raw), "ms",
            string.Create(CultureInfo.InvariantCulture, $"{queries} requests, each after a change; median {P50(app):F0} ms; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB"));
        Report.Line($"  whole program after an answer changed, p95 ({label})", P95(afterAnswer), P95(raw), "ms", string.Create(CultureInfo.InvariantCulture, $"median {P50(afterAnswer):F0} ms"));
        Report.Line($"  whole program after a resident changed, p95 ({label})", P95(afterResident), P95(raw), "ms", string.Create(CultureInfo.InvariantCulture, $"median {P50(afterResident):F0} ms"));
        Report.Line($"dashboard, one kelurahan p95 ({label})", P95(appVillage), P95(raw), "ms", string.Create(CultureInfo.InvariantCulture, $"median {P50(appVillage):F0} ms"));
        Report.Line($"dashboard, PDF report p95 ({label})", P95(pdf), P95(raw), "ms", string.Create(CultureInfo.InvariantCulture, $"median {P50(pdf):F0} ms"));
        foreach (var (name, list) in blocks)
        {
            Report.Line($"  block {name} p95 ({label})", P95(list), P95(raw), "ms", null);
        }
        if (options.Analyze)
        {
            await SlowestAsync(database, connection, services, program);
        }
        await CheckAsync(connection, whole!);
        await SameAsRecountAsync(services, program);
        await SameAsRecountAsync(services, program with { VillageCode = village });
        await CashbookCheckAsync(services, connection, database.IsPostgres, agency, program, whole!);
    }

    private static async Task<int> FirstProgramAsync(ServiceProvider services)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TunasDb>().Programs.MinAsync(p => p.Id);
    }

    /// <summary>--analyze: each SQL command of one whole read run again on a bare connection, the slowest first.</summary>
    private static async Task SlowestAsync(BenchDatabase database, System.Data.Common.DbConnection connection, ServiceProvider services, DashboardFilter filter)
    {
        database.Capture.Commands.Clear();
        database.Capture.Enabled = true;
        await ReadAsync(services, filter);
        database.Capture.Enabled = false;
        var times = new List<(double Ms, string Sql)>();
        foreach (var captured in database.Capture.Commands)
        {
            await using var command = captured.On(connection);
            var t = Stopwatch.GetTimestamp();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                }
            }
            times.Add((Stopwatch.GetElapsedTime(t).TotalMilliseconds, captured.Sql));
        }
        foreach (var (ms, sql) in times.OrderByDescending(x => x.Ms).Take(8))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  sql {ms,8:F1} ms  {sql.ReplaceLineEndings(" ")}"));
        }
    }

    private static async Task<Dashboard> ReadAsync(ServiceProvider services, DashboardFilter filter)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DashboardReader>().ReadAsync(filter, default);
    }

    /// <summary>--analyze: the read from the kept facts in its steps (decision 0035), in milliseconds.</summary>
    private static async Task<List<(string Name, double Ms)>> FactBlocksAsync(ServiceProvider services, int agency, DashboardFilter filter)
    {
        await ChangeAnswerAsync(services, agency, 50);
        using var di = services.CreateScope();
        var sp = di.ServiceProvider;
        var scope = new DashboardScope(sp.GetRequiredService<TunasDb>(), agency, filter, TimeProvider.System.TodayInIndonesia());
        var times = new List<(string, double)>();
        async Task<T> Time<T>(string name, Func<Task<T>> block)
        {
            var t = Stopwatch.GetTimestamp();
            var result = await block();
            times.Add(("facts: " + name, Stopwatch.GetElapsedTime(t).TotalMilliseconds));
            return result;
        }
        var programs = await Time("programs", () => FunnelReader.ProgramsAsync(scope, default));
        var cache = sp.GetRequiredService<Tunas.Web.Features.Impact.Facts.ImpactFactsCache>();
        var facts = await Time("refresh", () => cache.ReadAsync(scope.Db, agency, OutcomesReader.CashbookMonthOf(scope.Today), f => f, default));
        var inputs = await Time("inputs", () => Task.FromResult(Tunas.Web.Features.Impact.Facts.FactInputs.Read(facts, filter, programs, scope.Today)));
        var funnel = await Time("funnel", () => Task.FromResult(FunnelReader.Build(filter, inputs)));
        await Time("reach", () => ReachReader.ReadAsync(scope, sp.GetRequiredService<VillageNames>(), inputs.Eligible, inputs.Applied, inputs.Placed, default));
        var outcomes = await Time("outcomes", () => Task.FromResult(OutcomesReader.Build(scope.Today, inputs)));
        await Time("money", () => MoneyReader.ReadAsync(scope, funnel.Completed, outcomes.ActiveBusinesses, outcomes.Jobs, default));
        await Time("comparison", () => Task.FromResult(ComparisonReader.Build(filter, inputs, (m, a) => m)));
        return times;
    }

    private static async Task<Dashboard> RecountAsync(ServiceProvider services, DashboardFilter filter)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DashboardReader>().RecountAsync(filter, default);
    }

    /// <summary>The figures from the kept facts must equal their recount from the rows, at full scale (decision 0035).</summary>
    private static async Task SameAsRecountAsync(ServiceProvider services, DashboardFilter filter)
    {
        var facts = System.Text.Json.JsonSerializer.Serialize(await ReadAsync(services, filter));
        var rows = System.Text.Json.JsonSerializer.Serialize(await RecountAsync(services, filter));
        Console.WriteLine(facts == rows
            ? $"  check: every figure from the kept facts equals its recount from the rows ({filter.VillageCode ?? "whole program"})"
            : $"  CHECK FAILED: the kept facts differ from the recount ({filter.VillageCode ?? "whole program"}):\n    facts {facts}\n    rows  {rows}");
        if (facts != rows)
        {
            Environment.ExitCode = 1;
        }
    }

    /// <summary>A participant's desil changes through EF, as an officer's correction or a new DTKS round would.</summary>
    private static async Task ChangeResidentAsync(ServiceProvider services, int agency, int round)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var person = await (from p in db.Set<Tunas.Web.Features.Training.CohortParticipant>()
                            join a in db.Applications on p.ApplicationId equals a.Id
                            join r in db.Persons on a.PersonId equals r.Id
                            where p.AgencyId == agency
                            orderby p.Id
                            select r).Skip(200 + round).FirstAsync();
        person.WelfareDecile = person.WelfareDecile is 1 ? 2 : 1;
        await db.SaveChangesAsync();
    }

    /// <summary>One participant's latest answer gets another revenue through EF, as a facilitator's visit would.</summary>
    private static async Task ChangeAnswerAsync(ServiceProvider services, int agency, int round)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var answer = await db.Set<Tunas.Web.Features.Businesses.FollowUps.FollowUp>()
            .Where(f => f.AgencyId == agency && f.Group == Tunas.Web.Features.Businesses.FollowUps.FollowUpGroup.Participant && f.MonthlyRevenue != null)
            .OrderBy(f => f.Id).Skip(100 + round).FirstAsync();
        answer.MonthlyRevenue += 1_000;
        await db.SaveChangesAsync();
    }

    /// <summary>Each block of <see cref="DashboardReader.ReadAsync"/> on its own, in its order, in milliseconds.</summary>
    private static async Task<List<(string Name, double Ms)>> BlocksAsync(ServiceProvider services, int agency, DashboardFilter filter)
    {
        using var di = services.CreateScope();
        var sp = di.ServiceProvider;
        var scope = new DashboardScope(sp.GetRequiredService<TunasDb>(), agency, filter, TimeProvider.System.TodayInIndonesia());
        var times = new List<(string, double)>();
        async Task<T> Time<T>(string name, Func<Task<T>> block)
        {
            var t = Stopwatch.GetTimestamp();
            var result = await block();
            times.Add((name, Stopwatch.GetElapsedTime(t).TotalMilliseconds));
            return result;
        }
        var eligible = await Time("registry", () => ReachReader.EligibleByDesilAsync(scope, default));
        var applied = await Time("applied", () => ReachReader.AppliedByVillageAsync(scope, default));
        var placed = await Time("placed", () => ReachReader.PlacedAsync(scope, default));
        var answers = await Time("answers", () => OutcomesReader.ParticipantAnswersAsync(scope, placed, default));
        var hired = await Time("workers", () => FunnelReader.WorkersAsync(scope, default));
        var owned = await Time("businesses", () => FunnelReader.OwnedBusinessesAsync(scope, default));
        var decisions = await Time("decisions", () => FunnelReader.DecisionsAsync(scope, default));
        var completed = await Time("certificates", () => FunnelReader.CompletedAsync(scope, default));
        var totals = await Time("cashbook", () => OutcomesReader.CashbookAsync(scope, sp.GetRequiredService<CashbookTotals>(), default));
        var comparison = await Time("comparison answers", () => ComparisonReader.ComparisonAnswersAsync(scope, default));
        var inputs = await Time("summaries", () => Task.FromResult(new DashboardInputs(eligible, applied, PlacedGroup.Of(placed), AnswerGroup.Of(answers, scope.Today), hired,
            BusinessCounts.Of(owned), decisions, completed, CashbookMedians.Of(totals), AnswerGroup.Of(comparison, scope.Today))));
        var funnel = FunnelReader.Build(filter, inputs);
        await Time("reach", () => ReachReader.ReadAsync(scope, sp.GetRequiredService<VillageNames>(), eligible, applied, inputs.Placed, default));
        var outcomes = OutcomesReader.Build(scope.Today, inputs);
        await Time("money", () => MoneyReader.ReadAsync(scope, funnel.Completed, outcomes.ActiveBusinesses, outcomes.Jobs, default));
        await Time("comparison", () => Task.FromResult(ComparisonReader.Build(filter, inputs, (m, a) => m)));
        return times;
    }

    /// <summary>
    /// Last month's cashbook median against one summed from the lines in plain SQL; then a line saved through the app
    /// (its totals kept in the same save) must move the next read to the new recount.
    /// </summary>
    private static async Task CashbookCheckAsync(ServiceProvider services, System.Data.Common.DbConnection connection, bool pg, int agency, DashboardFilter filter, Dashboard before)
    {
        var today = TimeProvider.System.TodayInIndonesia();
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        async Task<Median> RecountAsync()
        {
            await using var c = connection.CreateCommand();
            var from = month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var to = month.AddMonths(1).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var (f, t) = pg ? ($"DATE '{from}'", $"DATE '{to}'") : ($"'{from}'", $"'{to}'");
            c.CommandText = $"""
                SELECT SUM(CASE WHEN e."Kind" = 'Sale' THEN e."Amount" ELSE 0 END) FROM "CashbookEntries" e
                JOIN "CashbookSharing" s ON s."AgencyId" = e."AgencyId" AND s."ParticipantId" = e."ParticipantId" AND s."ShareMonthlyTotals"
                WHERE NOT e."Deleted" AND e."Kind" <> 'DebtPayment' AND e."OccurredOn" BETWEEN {f} AND {t} GROUP BY e."ParticipantId"
                """;
            var sums = new List<long>();
            await using var reader = await c.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                sums.Add(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture));
            }
            return Stats.Median(sums);
        }
        void Same(string name, Median app, Median recount)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  check {name}: dashboard {app.Value:N0} (n={app.N}), raw SQL {recount.Value:N0} (n={recount.N}) {(app == recount ? "ok" : "DIFFERENT")}"));
            if (app != recount)
            {
                throw new InvalidOperationException("The dashboard's " + name + " differs from the raw recount.");
            }
        }
        Same("cashbook revenue median", before.Outcomes.CashbookRevenue, await RecountAsync());
        long participant;
        await using (var c = connection.CreateCommand())
        {
            c.CommandText = """SELECT MIN("ParticipantId") FROM "CashbookSharing" WHERE "ShareMonthlyTotals" """;
            participant = Convert.ToInt64(await c.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        var t0 = Stopwatch.GetTimestamp();
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
            var now = DateTime.UtcNow;
            // Far above every other month's sales, so the median must move.
            db.Add(new CashbookEntry { AgencyId = agency, ParticipantId = participant, ClientId = "bench-after-" + Guid.NewGuid().ToString("N"), Kind = CashbookKind.Sale, OccurredOn = month, Amount = 9_000_000_000, Paid = true, ClientUpdatedAt = now, CreatedAt = now, UpdatedAt = now });
            await db.SaveChangesAsync();
        }
        var saved = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        var after = await ReadAsync(services, filter);
        var recount = await RecountAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  a line saved through the app in {saved:F1} ms (its month's total in the same transaction)"));
        Same("cashbook revenue median at the next read", after.Outcomes.CashbookRevenue, recount);
    }

    /// <summary>The funnel and the cashbook median against the same figures counted in plain SQL.</summary>
    private static async Task CheckAsync(System.Data.Common.DbConnection connection, Dashboard d)
    {
        async Task<long> Scalar(string sql)
        {
            await using var c = connection.CreateCommand();
            c.CommandText = sql;
            return Convert.ToInt64(await c.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        var expected = new (string Name, long Raw, long App)[]
        {
            ("applied", await Scalar("""SELECT COUNT(*) FROM "Applications" WHERE "Status" NOT IN ('Held','Rejected')"""), d.Funnel.Applied ?? -1),
            ("eligible", await Scalar("""SELECT COUNT(*) FROM "SelectionDecisions" WHERE "Outcome" <> 'Ineligible'"""), d.Funnel.Eligible ?? -1),
            ("started", await Scalar("""SELECT COUNT(*) FROM "CohortParticipants" """), d.Funnel.Started),
            ("completed", await Scalar("""SELECT COUNT(*) FROM "Certificates" WHERE "RevokedAt" IS NULL"""), d.Funnel.Completed),
            ("active6m", await Scalar("""SELECT COUNT(*) FROM "FollowUps" WHERE "Group" = 'Participant' AND "Status" = 'Done' AND "MonthsAfter" = 6 AND "BusinessActive" """), d.Funnel.Active6m),
            ("workers", await Scalar("""SELECT COUNT(*) FROM "BusinessWorkers" """), d.Funnel.Workers),
            ("transport", await Scalar("""SELECT COALESCE(SUM("Amount"), 0) FROM "AllowancePayments" """), d.Money.Transport),
        };
        foreach (var (name, rawValue, appValue) in expected)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  check {name}: dashboard {appValue:N0}, raw SQL {rawValue:N0} {(rawValue == appValue ? "ok" : "DIFFERENT")}"));
            if (rawValue != appValue)
            {
                throw new InvalidOperationException("The dashboard's " + name + " differs from the raw recount.");
            }
        }
    }

    private static double P95(List<double> values) => values.Order().ElementAt((int)Math.Ceiling(values.Count * 0.95) - 1);

    private static double P50(List<double> values) => values.Order().ElementAt((int)Math.Ceiling(values.Count * 0.5) - 1);

    private sealed class Passthrough : IStringLocalizer<SharedResource>
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(CultureInfo.InvariantCulture, name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
