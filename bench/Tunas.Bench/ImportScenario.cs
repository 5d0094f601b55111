using System.Diagnostics;
using System.Globalization;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Demo;
using Tunas.Web.Infrastructure;

namespace Tunas.Bench;

/// <summary>
/// Importing a generated file of residents (CSV: <see cref="BenchOptions.Rows"/> rows; XLSX:
/// <see cref="BenchOptions.XlsxRows"/>) with all validation through the app's own `import persons` command, in a
/// child process so that its peak memory is its own, against the raw baseline: the file's good rows, already in
/// memory, inserted into a fresh database of the same schema by the provider's fastest path (<see cref="PersonLoader"/>).
/// Goals (issue 3): CSV at least 0.5 × the raw rate, peak memory under 400 MB.
/// </summary>
internal static class ImportScenario
{
    private static readonly Dictionary<string, double> CsvRates = [];

    /// <summary>The app has the command once the importer is in: CommandLine knows a persons import.</summary>
    public static bool ImporterAvailable =>
        Enum.GetNames<CommandName>().Any(n => n.Contains("Person", StringComparison.Ordinal) && n.Contains("Import", StringComparison.Ordinal));

    public static async Task RunAsync(BenchOptions options, string format)
    {
        var rows = format == "csv" ? options.Rows : Math.Min(options.Rows, options.XlsxRows);
        var folder = Path.Combine(Path.GetTempPath(), "tunas-bench-files-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"residents-{rows}.{format}"));
            var names = ResidentFiles.VillageNames("35.72");
            var clock = Stopwatch.StartNew();
            var all = GenerateCommand.Rows(options, rows);
            var written = format == "csv" ? ResidentFiles.WriteCsv(file, all, names) : await ResidentFiles.WriteXlsxAsync(file, all, names);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"import-{format}: {written:N0} rows ({options.BadShare:P1} spoiled), {new FileInfo(file).Length / 1048576.0:F0} MB, written in {clock.Elapsed.TotalSeconds:F1} s"));

            if (!options.NoSqlite)
            {
                await RunOneAsync(options, format, file, rows, null);
            }
            if (options.Postgres is not null)
            {
                await RunOneAsync(options, format, file, rows, options.Postgres);
            }
        }
        finally
        {
            if (!options.Keep)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task RunOneAsync(BenchOptions options, string format, string file, long rows, string? postgres)
    {
        var (baselineRate, label) = await RawBaselineAsync(options, rows, postgres);
        var name = string.Create(CultureInfo.InvariantCulture, $"import {format.ToUpperInvariant()} {rows / 1000:N0}k rows ({label})");

        if (!ImporterAvailable)
        {
            Console.WriteLine($"{name}: importer not available (the app has no `import persons` command yet); only the raw baseline was measured.");
            return;
        }

        await using (var database = await BenchDatabase.CreateAsync(postgres, "import", options.Keep))
        {
            await using (var services = database.Services())
            {
                await BenchDatabase.PrepareAsync(services);
            }
            var (seconds, wall, peakMb, output) = await RunImportCommandAsync(database, file, options.MaxSeconds);
            var rate = rows / seconds;
            Report.Line(name + " rows/s", rate, baselineRate, "r/s", string.Create(CultureInfo.InvariantCulture,
                $"peak {peakMb:F0} MB{(format == "csv" ? $" (goals: ratio >= 0.5 {(rate / baselineRate >= 0.5 ? "met" : "MISSED")}, peak < 400 MB {(peakMb < 400 ? "met" : "MISSED")})" : "")}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  import {seconds:F1} s from the job's start to its end ({wall:F1} s with the app's start-up); {output}"));
            if (format == "csv")
            {
                CsvRates[label] = rate;
            }
            else if (CsvRates.TryGetValue(label, out var csv))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  XLSX import rate / CSV import rate ({label}): {rate / csv:F2}"));
            }
        }
    }

    /// <summary>
    /// The raw baseline: what a perfect importer would store (the generated file's rows without problems), already in
    /// memory, put into a fresh database by the provider's fastest path; in file rows per second.
    /// </summary>
    internal static async Task<(double RowsPerSecond, string Label)> RawBaselineAsync(BenchOptions options, long rows, string? postgres)
    {
        var good = GenerateCommand.Rows(options, rows).Where(r => r.Problem == SyntheticProblem.None).ToList();
        await using var database = await BenchDatabase.CreateAsync(postgres, "raw", options.Keep);
        await using var services = database.Services();
        var agency = await BenchDatabase.PrepareAsync(services);
        var clock = Stopwatch.StartNew();
        _ = database.IsPostgres
            ? await PersonLoader.LoadPostgresAsync(database.ConnectionString, agency, () => good)
            : await PersonLoader.LoadSqliteAsync(database.ConnectionString, agency, () => good);
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  raw baseline ({database.Label}): {good.Count:N0} good rows into Households + Persons + PersonNameTokens in {seconds:F1} s = {rows / seconds:N0} rows/s"));
        return (rows / seconds, database.Label);
    }

    /// <summary>
    /// `dotnet Tunas.Web.dll import persons FILE` on the prepared database: the import's own time (from the line
    /// "Import … of …" to "Import completed"), the wall time with the app's start-up, and the peak working set.
    /// </summary>
    private static async Task<(double Seconds, double Wall, double PeakMb, string Counts)> RunImportCommandAsync(BenchDatabase database, string file, int maxSeconds)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "Tunas.Web.dll"), "import", "persons", file,
            "--Database:Provider=" + database.Provider, "--ConnectionStrings:Tunas=" + database.ConnectionString,
            "--Agency:Name=Dinas Sosial Kota Blitar (bench)", "--Agency:RegencyCode=35.72", "--Logging:LogLevel:Default=Warning",
        })
        {
            start.ArgumentList.Add(a);
        }
        var lines = new List<string>();
        double started = 0, finished = 0;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { Length: > 0 } d)
            {
                return;
            }
            if (d.StartsWith("Import completed", StringComparison.Ordinal))
            {
                finished = clock.Elapsed.TotalSeconds;
            }
            else if (started == 0 && d.StartsWith("Import ", StringComparison.Ordinal) && d.Contains(" of ", StringComparison.Ordinal))
            {
                started = clock.Elapsed.TotalSeconds;
            }
            lock (lines)
            {
                lines.Add(d);
            }
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } d) { lock (lines) { lines.Add(d); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        long peak = 0;
        while (!process.HasExited)
        {
            if (clock.Elapsed.TotalSeconds > maxSeconds)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"The import did not finish within {maxSeconds} s (--max-seconds).");
            }
            try
            {
                process.Refresh();
                // VmHWM: the high-water mark, so a sample late in the run holds every earlier peak.
                peak = Math.Max(peak, process.PeakWorkingSet64);
            }
            catch (InvalidOperationException)
            {
            }
            await Task.Delay(50);
        }
        await process.WaitForExitAsync();
        var wall = clock.Elapsed.TotalSeconds;
        string counts;
        lock (lines)
        {
            counts = lines.LastOrDefault(l => l.StartsWith("Import completed", StringComparison.Ordinal)) ?? (lines.Count > 0 ? lines[^1] : "(no output)");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`import persons` exited with {process.ExitCode}: {string.Join(Environment.NewLine, lines.TakeLast(20))}");
        }
        // Without the two lines (another output), the wall time is the honest figure.
        var seconds = started > 0 && finished > started ? finished - started : wall;
        return (seconds, wall, peak / 1048576.0, counts);
    }
}
