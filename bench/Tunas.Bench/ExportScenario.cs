using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tunas.Web;
using Tunas.Web.Data;
using Tunas.Web.Features.Demo;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Registry.Exports;

namespace Tunas.Bench;

/// <summary>
/// The registry as an .xlsx (<see cref="RegistryExportsApi.WriteAsync(Stream, IQueryable{Person}, IReadOnlyDictionary{string, RegionSummary}, IStringLocalizer, CancellationToken)"/>),
/// streamed from the database into a stream that only counts bytes, for a quarter of the rows and for all of them:
/// the managed heap's peak must not grow with the rows. Baseline: the same rows, already in memory, written by the
/// same SpreadCheetah code without the database. The heap is sampled every 5 ms while a file is written.
/// </summary>
internal static class ExportScenario
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
        await using var database = await BenchDatabase.CreateAsync(postgres, "export", options.Keep);
        await using var services = database.Services();
        var agency = await BenchDatabase.PrepareAsync(services);
        var generator = () => new SyntheticResidents(options.Seed, new SyntheticOptions { VillageCodes = SearchScenario.Villages }).Rows(options.Rows);
        var (persons, _, _) = database.IsPostgres
            ? await PersonLoader.LoadPostgresAsync(database.ConnectionString, agency, generator)
            : await PersonLoader.LoadSqliteAsync(database.ConnectionString, agency, generator);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"registry-export ({database.Label}): {persons:N0} persons loaded"));

        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("id-ID");
        var L = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance)
            .Create(typeof(SharedResource));
        var villages = await services.GetRequiredService<RegionDirectory>().VillagesAsync();

        // Warm-up (JIT, the first query), then a quarter of the rows, then all of them.
        await FromDatabaseAsync(services, villages, L, 1_000);
        var quarter = await FromDatabaseAsync(services, villages, L, (int)(persons / 4));
        var all = await FromDatabaseAsync(services, villages, L, (int)persons);

        List<PersonRow> rows;
        using (var scope = services.CreateScope())
        {
            rows = await Ordered(scope.ServiceProvider.GetRequiredService<TunasDb>(), (int)persons)
                .Select(p => new PersonRow(p.Nik, p.FamilyCardNumber, p.FullName, p.Sex, p.BirthPlace, p.BirthDate, p.Address, p.Rt, p.Rw,
                    p.VillageCode, p.Phone, p.Education, p.Occupation, p.WelfareDecile, p.WelfareSource, p.WelfareAsOf))
                .ToListAsync();
        }
        var baseline = await MeasureAsync(output => RegistryExportsApi.WriteAsync(output, rows, villages, L, CancellationToken.None));

        Report.Line(string.Create(CultureInfo.InvariantCulture, $"registry export {persons:N0} rows ({database.Label})"), all.Seconds, baseline.Seconds, "s",
            string.Create(CultureInfo.InvariantCulture,
                $"file {all.Bytes / 1048576.0:F1} MB; heap peak above start {all.PeakMb:F0} MB ({persons / 4:N0} rows: {quarter.PeakMb:F0} MB; in-memory baseline {baseline.PeakMb:F0} MB with its {rows.Count:N0} rows held); process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB"));
        Report.Line(string.Create(CultureInfo.InvariantCulture, $"registry export rows/s ({database.Label})"), persons / all.Seconds, persons / baseline.Seconds, "r/s");
    }

    private static IQueryable<Person> Ordered(TunasDb db, int take) =>
        db.Persons.AsNoTracking().OrderBy(p => p.VillageCode).ThenBy(p => p.NameKey).ThenBy(p => p.Id).Take(take);

    private static async Task<Measure> FromDatabaseAsync(ServiceProvider services, IReadOnlyDictionary<string, RegionSummary> villages, IStringLocalizer L, int rows)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        return await MeasureAsync(output => RegistryExportsApi.WriteAsync(output, Ordered(db, rows), villages, L, CancellationToken.None));
    }

    private sealed record Measure(double Seconds, long Bytes, double PeakMb);

    private static async Task<Measure> MeasureAsync(Func<Stream, Task> write)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var start = GC.GetTotalMemory(forceFullCollection: true);
        var peak = start;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(5, CancellationToken.None);
            }
        });
        var output = new CountingStream();
        var watch = Stopwatch.StartNew();
        await write(output);
        watch.Stop();
        await sampling.CancelAsync();
        await sampler;
        return new Measure(watch.Elapsed.TotalSeconds, output.Length, (peak - start) / 1048576.0);
    }

    /// <summary>A response that goes nowhere: counts the bytes, keeps none, like a client that reads as fast as it is sent.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _length += count;
            return Task.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
