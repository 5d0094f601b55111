using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Demo;
using Tunas.Web.Features.Registry;

namespace Tunas.Bench;

/// <summary>
/// Name search over a registry of <see cref="BenchOptions.Rows"/> persons (default 1,000,000) through the app's
/// own <see cref="PersonSearch.SearchAsync"/>, one service scope per query as a request has, with a realistic mix
/// of queries: a first name, a family name, two words, a prefix. Baseline: the very SQL that EF sent for each
/// query, run again on a bare connection (same plan, no EF, no mapping). Goal: p95 under 50 ms.
/// </summary>
internal static class SearchScenario
{
    private const int Warmup = 100;
    private const double GoalMs = 50;

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
        await using var database = await BenchDatabase.CreateAsync(postgres, "search", options.Keep, options.Reuse);
        await using var services = database.Services();
        var agency = await BenchDatabase.PrepareAsync(services);
        if (options.Reuse is not null)
        {
            using var scope = services.CreateScope();
            var stored = await scope.ServiceProvider.GetRequiredService<TunasDb>().Persons.LongCountAsync();
            if (stored >= options.Rows)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"search ({database.Label}): reusing {stored:N0} persons in {options.Reuse}"));
                await StatisticsAsync(options, database, services);
                await MeasureAsync(options, database, services);
                return;
            }
        }

        var generator = () => new SyntheticResidents(options.Seed, new SyntheticOptions { VillageCodes = Villages }).Rows(options.Rows);
        var clock = Stopwatch.StartNew();
        var (persons, households, tokens) = database.IsPostgres
            ? await PersonLoader.LoadPostgresAsync(database.ConnectionString, agency, generator)
            : await PersonLoader.LoadSqliteAsync(database.ConnectionString, agency, generator);
        var loadSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"search ({database.Label}): loaded {persons:N0} persons, {households:N0} households, {tokens:N0} name tokens by the fast path in {loadSeconds:F1} s ({persons / loadSeconds:N0} persons/s)"));
        await StatisticsAsync(options, database, services);
        await MeasureAsync(options, database, services);
    }

    /// <summary>A kind of search an officer makes: which generated queries it takes, and the criteria it sends for one.</summary>
    private sealed record Shape(string Name, Func<string, bool> Takes, Func<string, int, PersonSearchCriteria> Criteria);

    private static readonly Shape[] Shapes =
    [
        new("one word", kind => kind != "two words", (query, _) => new PersonSearchCriteria { Name = query }),
        new("two words", kind => kind == "two words", (query, _) => new PersonSearchCriteria { Name = query }),
        new("name + kelurahan", _ => true, (query, i) => new PersonSearchCriteria { Name = query, VillageCode = Villages[i % Villages.Count] }),
    ];

    private static async Task MeasureAsync(BenchOptions options, BenchDatabase database, ServiceProvider services)
    {
        long persons;
        using (var scope = services.CreateScope())
        {
            persons = await scope.ServiceProvider.GetRequiredService<TunasDb>().Persons.LongCountAsync();
        }
        // Enough generated queries that the rarest shape (two words, 30% of them) gets its warm-up and its count.
        var queries = Queries(options.Seed + 1, 4 * (Warmup + options.Queries));
        var slowest = (Ms: 0.0, Shape: "", Query: "", Total: 0, Commands: new List<CapturedCommand>());
        foreach (var shape in Shapes)
        {
            var criteria = queries.Where(q => shape.Takes(q.Kind)).Take(Warmup + options.Queries)
                .Select((q, i) => (q.Query, Criteria: shape.Criteria(q.Query, i))).ToList();
            // Capture pass (also the warm-up): run every query once, keeping the SQL EF sends for it.
            var captured = new List<(string Query, PersonSearchCriteria Criteria, List<CapturedCommand> Commands, int Total)>(criteria.Count);
            foreach (var (query, c) in criteria)
            {
                database.Capture.Commands.Clear();
                database.Capture.Enabled = true;
                var page = await SearchAsync(services, c);
                database.Capture.Enabled = false;
                captured.Add((query, c, [.. database.Capture.Commands], page.Total));
            }

            var deadline = Stopwatch.StartNew();
            var measured = captured.Skip(Warmup).ToList();
            var app = new List<double>(measured.Count);
            foreach (var (_, c, _, _) in measured)
            {
                if (deadline.Elapsed.TotalSeconds > options.MaxSeconds / 2.0 / Shapes.Length)
                {
                    break;
                }
                var t = Stopwatch.GetTimestamp();
                await SearchAsync(services, c);
                app.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
            var raw = new List<double>(app.Count);
            await using (var connection = database.OpenRaw())
            {
                foreach (var (_, _, commands, _) in measured.Take(app.Count))
                {
                    var t = Stopwatch.GetTimestamp();
                    foreach (var c in commands)
                    {
                        await using var command = c.On(connection);
                        await using var reader = await command.ExecuteReaderAsync();
                        while (await reader.ReadAsync())
                        {
                        }
                    }
                    raw.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                }
            }

            var label = $"search {shape.Name}, {persons / 1000:N0}k ({database.Label})";
            foreach (var (name, q) in new[] { ("p50", 0.50), ("p95", 0.95), ("p99", 0.99) })
            {
                Report.Line($"{label} {name}", Percentile(app, q), Percentile(raw, q), "ms");
            }
            var p95 = Percentile(app, 0.95);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {app.Count:N0} queries after {Warmup} warm-up; mean {app.Average():F1} ms; mean total hits {measured.Average(m => m.Total):N0}; goal p95 < {GoalMs} ms: {(p95 < GoalMs ? "met" : "MISSED")}"));
            var at = app.IndexOf(app.Max());
            if (app[at] > slowest.Ms)
            {
                slowest = (app[at], shape.Name, measured[at].Query, measured[at].Total, measured[at].Commands);
            }
        }

        // The slowest query's plan: where the time goes when a goal is missed.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  slowest: {slowest.Shape} \"{slowest.Query}\" ({slowest.Ms:F1} ms, {slowest.Total:N0} hits); its plan:"));
        await using (var connection = database.OpenRaw())
        {
            foreach (var c in slowest.Commands)
            {
                await ExplainAsync(connection, c, database.IsPostgres);
            }
        }
    }

    private static async Task<PersonPage> SearchAsync(IServiceProvider services, PersonSearchCriteria criteria)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PersonSearch>().SearchAsync(criteria, fullNik: false);
    }

    /// <summary>
    /// By default nothing: the registry is measured as a fast-path load leaves it, without statistics, as the intake or
    /// the API would leave it before the app's upkeep runs. `--upkeep`: what that upkeep does (RegistryStatistics).
    /// `--analyze`: a full ANALYZE (VACUUM ANALYZE on PostgreSQL).
    /// </summary>
    private static async Task StatisticsAsync(BenchOptions options, BenchDatabase database, ServiceProvider services)
    {
        var clock = Stopwatch.StartNew();
        if (options.Analyze)
        {
            await MaintainAsync(database);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"search ({database.Label}): {(database.IsPostgres ? "VACUUM ANALYZE" : "ANALYZE")} in {clock.Elapsed.TotalSeconds:F1} s (--analyze)"));
        }
        else if (options.Upkeep)
        {
            using var scope = services.CreateScope();
            var tables = await scope.ServiceProvider.GetRequiredService<RegistryStatistics>().RefreshIfStaleAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"search ({database.Label}): the app's statistics upkeep analysed {string.Join(", ", tables)} in {clock.Elapsed.TotalSeconds:F1} s (--upkeep)"));
        }
        else
        {
            Console.WriteLine($"search ({database.Label}): no ANALYZE, no VACUUM (as the intake or the API leaves a registry before the upkeep runs)");
        }
    }

    /// <summary>
    /// PostgreSQL: VACUUM ANALYZE, what autovacuum does within a minute of a large COPY and the app's import at its end
    /// for the name tokens: statistics (without them the first plans are guesses) and the visibility map (without it
    /// an index-only scan reads the table for every row). SQLite: ANALYZE.
    /// </summary>
    private static async Task MaintainAsync(BenchDatabase database)
    {
        await using var connection = database.OpenRaw();
        await using var command = connection.CreateCommand();
        command.CommandText = database.IsPostgres ? "VACUUM ANALYZE" : "ANALYZE";
        await command.ExecuteNonQueryAsync();
    }

    private static async Task ExplainAsync(DbConnection connection, CapturedCommand c, bool postgres)
    {
        var explain = c with { Sql = (postgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN QUERY PLAN ") + c.Sql };
        await using var command = explain.On(connection);
        await using var reader = await command.ExecuteReaderAsync();
        Console.WriteLine("    " + c.Sql.Replace("\n", "\n    ", StringComparison.Ordinal));
        while (await reader.ReadAsync())
        {
            Console.WriteLine("      " + (postgres ? reader.GetString(0) : reader.GetValue(reader.FieldCount - 1)));
        }
    }

    /// <summary>What officers type: a given name, a family name, both, or the start of a name, from people of the registry.</summary>
    private static List<(string Query, string Kind)> Queries(int seed, int count)
    {
        var random = new Random(seed);
        var people = new SyntheticResidents(seed, new SyntheticOptions { VillageCodes = Villages }).Rows(count).ToList();
        var queries = new List<(string, string)>(count);
        foreach (var person in people)
        {
            var words = person.FullName.Split(' ');
            var roll = random.NextDouble();
            var word = words[random.Next(words.Length)];
            queries.Add(roll switch
            {
                < 0.30 => (words[0], "first"),
                < 0.55 when words.Length > 1 => (words[^1], "family"),
                < 0.85 when words.Length > 1 => (words[0] + " " + words[^1], "two words"),
                < 0.85 => (words[0], "first"),
                _ => (word.ToLowerInvariant()[..Math.Min(word.Length, 3 + random.Next(2))], "prefix"),
            });
        }
        return queries;
    }

    public static IReadOnlyList<string> Villages => DemoSeeder.KotaBlitarVillages;

    public static double Percentile(List<double> values, double q)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Round(q * (sorted.Count - 1))];
    }
}
