using System.Diagnostics;
using System.Globalization;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Demo;

namespace Tunas.Bench;

/// <summary>
/// `generate`: writes <see cref="BenchOptions.Rows"/> synthetic residents of Kota Blitar (with
/// <see cref="BenchOptions.BadShare"/> spoiled rows) to residents-N.csv and residents-N.xlsx in --out.
/// </summary>
internal static class GenerateCommand
{
    public static async Task RunAsync(BenchOptions options)
    {
        var folder = options.Out ?? Directory.GetCurrentDirectory();
        Directory.CreateDirectory(folder);
        var names = ResidentFiles.VillageNames("35.72");
        var stem = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"residents-{options.Rows}"));
        if (options.Format is "csv" or "both")
        {
            await WriteAsync(stem + ".csv", options, rows => Task.FromResult(ResidentFiles.WriteCsv(stem + ".csv", rows, names)));
        }
        if (options.Format is "xlsx" or "both")
        {
            await WriteAsync(stem + ".xlsx", options, rows => ResidentFiles.WriteXlsxAsync(stem + ".xlsx", rows, names));
        }
    }

    public static IEnumerable<SyntheticResident> Rows(BenchOptions options, long count) =>
        new SyntheticResidents(options.Seed, new SyntheticOptions { VillageCodes = SearchScenario.Villages, BadRowShare = options.BadShare }).Rows(count);

    private static async Task WriteAsync(string path, BenchOptions options, Func<IEnumerable<SyntheticResident>, Task<long>> write)
    {
        var clock = Stopwatch.StartNew();
        var count = await write(Rows(options, options.Rows));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"generate: {count:N0} rows ({options.BadShare:P1} spoiled) to {path}, {new FileInfo(path).Length / 1048576.0:F1} MB in {clock.Elapsed.TotalSeconds:F1} s"));
    }
}
