using System.Globalization;

namespace Tunas.Bench;

/// <summary>The flags every scenario reads; each run is bounded by <see cref="Rows"/> and <see cref="MaxSeconds"/>.</summary>
internal sealed record BenchOptions
{
    public string? Postgres { get; init; }

    /// <summary>Rows of residents: generated, loaded for search, imported (default 1,000,000).</summary>
    public long Rows { get; init; } = 1_000_000;

    /// <summary>Rows of the XLSX import (default 100,000, and never more than <see cref="Rows"/>).</summary>
    public long XlsxRows { get; init; } = 100_000;

    /// <summary>Share of spoiled rows in generated files (default 1%).</summary>
    public double BadShare { get; init; } = 0.01;

    public int Seed { get; init; } = 1;

    /// <summary>Search queries measured (after a warm-up), unless <see cref="MaxSeconds"/> runs out first.</summary>
    public int Queries { get; init; } = 2_000;

    /// <summary>Upper bound of a measuring loop or a child process, in seconds.</summary>
    public int MaxSeconds { get; init; } = 1_200;

    /// <summary>Where `generate` writes (a folder); scenarios use a temporary folder they delete.</summary>
    public string? Out { get; init; }

    /// <summary>`generate`: csv, xlsx or both.</summary>
    public string Format { get; init; } = "both";

    /// <summary>Keep the databases and files of a scenario (for EXPLAIN by hand).</summary>
    public bool Keep { get; init; }

    /// <summary>
    /// Search: a database kept by an earlier run (`--keep` prints it: a PostgreSQL database name, or a SQLite folder)
    /// to measure again without loading it again. Migrations still run on it; it is kept afterwards.
    /// </summary>
    public string? Reuse { get; init; }

    /// <summary>Measure PostgreSQL only (with --postgres), not SQLite.</summary>
    public bool NoSqlite { get; init; }

    /// <summary>Search: a full ANALYZE after the load (VACUUM ANALYZE on PostgreSQL); by default none.</summary>
    public bool Analyze { get; init; }

    /// <summary>Search: after the load, what the app's statistics upkeep does (RegistryStatistics.RefreshIfStaleAsync).</summary>
    public bool Upkeep { get; init; }

    /// <summary>Intake: concurrent connections of the load generator.</summary>
    public int Connections { get; init; } = 64;

    /// <summary>Intake: most requests per measurement (each phase is also bounded by <see cref="LoadSeconds"/>).</summary>
    public int Requests { get; init; } = 60_000;

    /// <summary>Intake: most seconds per measurement.</summary>
    public int LoadSeconds { get; init; } = 20;

    /// <summary>Intake: most applications of the warm-up before the measurement (it ends earlier once the JIT is quiet).</summary>
    public int WarmUpRequests { get; init; } = 100_000;

    /// <summary>Intake: most seconds of the warm-up.</summary>
    public int WarmUpSeconds { get; init; } = 60;

    /// <summary>import-app: the public intake under load (<see cref="Connections"/>, <see cref="Requests"/>, <see cref="LoadSeconds"/>) while the file is imported.</summary>
    public bool Intake { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        }
        long Long(string name, long fallback) =>
            Value(name) is { } v ? long.Parse(v.Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : fallback;

        var defaults = new BenchOptions();
        return new BenchOptions
        {
            Postgres = Value("--postgres"),
            Rows = Long("--rows", defaults.Rows),
            XlsxRows = Long("--xlsx-rows", defaults.XlsxRows),
            BadShare = Value("--bad-share") is { } b ? double.Parse(b, CultureInfo.InvariantCulture) : defaults.BadShare,
            Seed = (int)Long("--seed", defaults.Seed),
            Queries = (int)Long("--queries", defaults.Queries),
            MaxSeconds = (int)Long("--max-seconds", defaults.MaxSeconds),
            Out = Value("--out"),
            Format = Value("--format") ?? defaults.Format,
            Keep = args.Contains("--keep"),
            Reuse = Value("--reuse"),
            Analyze = args.Contains("--analyze"),
            Upkeep = args.Contains("--upkeep"),
            NoSqlite = args.Contains("--no-sqlite"),
            Intake = args.Contains("--intake"),
            Connections = (int)Long("--connections", defaults.Connections),
            Requests = (int)Long("--requests", defaults.Requests),
            LoadSeconds = (int)Long("--load-seconds", defaults.LoadSeconds),
            WarmUpRequests = (int)Long("--warmup-requests", defaults.WarmUpRequests),
            WarmUpSeconds = (int)Long("--warmup-seconds", defaults.WarmUpSeconds),
        };
    }

    /// <summary>The words that are scenario names (not flags, not flag values).</summary>
    public static List<string> Scenarios(string[] args)
    {
        string[] valued = ["--postgres", "--rows", "--xlsx-rows", "--bad-share", "--seed", "--queries", "--max-seconds", "--out", "--format", "--connections", "--requests", "--load-seconds", "--reuse", "--warmup-requests", "--warmup-seconds"];
        var names = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (valued.Contains(args[i]))
            {
                i++;
            }
            else if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                names.Add(args[i]);
            }
        }
        return names;
    }
}
