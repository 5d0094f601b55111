using System.Diagnostics;
using System.Globalization;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Shared;

namespace Tunas.Bench;

/// <summary>
/// A national selection run: 1,000,000 synthetic applicants (--rows) over the 514 real regencies/cities, 3 tracks each
/// (1,542 quotas, 80,000 seats per million), every rule switched on. The engine alone against a raw baseline measured in
/// the same run (a plain <see cref="Array.Sort(Array)"/> of the same scores; goal of issue 4: under 5 s and 1 GB), then
/// engine plus the frozen run stored end to end on SQLite and PostgreSQL (<see cref="SelectionStoreScenario"/>).
/// </summary>
internal static class SelectionScenario
{
    private const int SeatsPerMillion = 80_000;
    public static readonly long[] Tracks = [1, 2, 3];

    public static async Task RunAsync(BenchOptions options)
    {
        var input = Input((int)options.Rows);
        Engine(input);
        GC.Collect();
        if (!options.NoSqlite)
        {
            await SelectionStoreScenario.RunAsync(options, null, input);
        }
        if (options.Postgres is not null)
        {
            await SelectionStoreScenario.RunAsync(options, options.Postgres, input);
        }
    }

    public static SelectionInput Input(int applicants)
    {
        var regencies = RegionFiles.Read(RegionFiles.DefaultFolder)
            .Where(r => r.Level == RegionLevel.Regency)
            .Select(r => r.Code)
            .ToArray();
        return Generate(regencies, applicants);
    }

    private static void Engine(SelectionInput input)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var inputMemory = Process.GetCurrentProcess().WorkingSet64;

        // JIT and thread pool warm-up on a small slice, so the figure is the run, not the first call.
        SelectionEngine.Run(input with { Applicants = input.Applicants.Take(20_000).ToList() });

        var eligibility = new Eligibility(input.Settings, input.ReferenceDate);
        var scores = input.Applicants.Select(a => Scoring.Score(a, input.Weights, eligibility.AgeReferenceDate).Total).ToArray();
        var baseline = Stopwatch.StartNew();
        Array.Sort(scores);
        baseline.Stop();

        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var result = SelectionEngine.Run(input);
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;

        Report.Line(string.Create(CultureInfo.InvariantCulture, $"selection engine, {input.Applicants.Count:N0} applicants"), watch.Elapsed.TotalSeconds, baseline.Elapsed.TotalSeconds, "s",
            string.Create(CultureInfo.InvariantCulture,
                $"peak working set {peak / 1048576.0:F0} MB (input alone {inputMemory / 1048576.0:F0} MB), allocated by the run {allocated / 1048576.0:F0} MB"));
        var moved = result.Moves.Sum(m => m.Seats);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  selected {result.Selected:N0} of {input.Quotas.Sum(q => q.Size):N0} seats, waitlisted {result.Count(SelectionOutcome.Waitlisted):N0}, " +
            $"not selected {result.Count(SelectionOutcome.NotSelected):N0}, ineligible {result.Count(SelectionOutcome.Ineligible):N0}, " +
            $"seats passed on {moved:N0} in {result.Moves.Count:N0} moves"));
    }

    /// <summary>Deterministic synthetic applicants: uneven regencies (some nearly empty, so seats are passed on).</summary>
    private static SelectionInput Generate(string[] regencies, int count)
    {
        var random = new Random(20251023);
        var weights = regencies.Select((_, i) => i % 25 == 0 ? 0.02 : 1.0 + (i % 7)).ToArray();
        var cumulative = new double[weights.Length];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i];
            cumulative[i] = sum;
        }
        var villages = regencies
            .Select(r => Enumerable.Range(1, 12).Select(v => string.Create(CultureInfo.InvariantCulture, $"{r}.{v % 4 + 1:00}.{2000 + v}")).ToArray())
            .ToArray();

        var opens = new DateTime(2025, 9, 1, 0, 0, 0, DateTimeKind.Utc);
        var reference = new DateOnly(2025, 10, 23);
        var applicants = new Applicant[count];
        string? lastCard = null;
        for (var i = 0; i < count; i++)
        {
            var at = Array.BinarySearch(cumulative, random.NextDouble() * sum);
            var region = at < 0 ? Math.Min(~at, regencies.Length - 1) : at;
            var first = Tracks[random.Next(Tracks.Length)];
            var card = lastCard is not null && random.Next(10) == 0
                ? lastCard
                : string.Create(CultureInfo.InvariantCulture, $"{random.NextInt64(1_000_000_000_000_000, 9_999_999_999_999_999)}");
            lastCard = card;
            var submitted = random.Next(10) == 0
                ? opens.AddDays(random.Next(21))
                : opens.AddTicks(random.NextInt64(TimeSpan.TicksPerDay * 21));
            applicants[i] = new Applicant
            {
                ApplicationId = i + 1,
                RegistrationNumber = string.Create(CultureInfo.InvariantCulture, $"TNS-2025-{i + 1:D7}"),
                VillageCode = villages[region][random.Next(12)],
                QuotaRegion = regencies[region],
                FirstTrackId = first,
                SecondTrackId = random.Next(10) < 7 ? Tracks[(Array.IndexOf(Tracks, first) + 1 + random.Next(2)) % Tracks.Length] : null,
                Sex = random.Next(10) < 6 ? Sex.Female : Sex.Male,
                BirthDate = reference.AddDays(-random.Next(15 * 365, 60 * 365)),
                WelfareDecile = random.Next(10) == 0 ? null : random.Next(1, 11),
                FemaleHeadedHousehold = random.Next(100) < 15,
                Disability = random.Next(100) < 5,
                NoEarnerInHousehold = random.Next(100) < 10,
                HouseholdSize = random.Next(1, 9),
                FamilyCardNumber = card,
                LastTrainedOn = random.Next(20) == 0 ? reference.AddDays(-random.Next(1, 4 * 365)) : null,
                SubmittedAt = submitted,
            };
        }

        var seats = (int)Math.Max(regencies.Length * Tracks.Length, (long)count * SeatsPerMillion / 1_000_000);
        var quotas = new List<Quota>(regencies.Length * Tracks.Length);
        var extra = seats - (seats / (regencies.Length * Tracks.Length) * regencies.Length * Tracks.Length);
        foreach (var regency in regencies)
        {
            foreach (var track in Tracks)
            {
                quotas.Add(new Quota(regency, track, seats / (regencies.Length * Tracks.Length) + (extra-- > 0 ? 1 : 0)));
            }
        }

        return new SelectionInput
        {
            Seed = "bench-2025",
            ReferenceDate = reference,
            Settings = new EligibilitySettings
            {
                MinAge = 18,
                MaxAge = 55,
                MaxDesil = 5,
                MaxPerHousehold = 1,
                ExcludeTrainedWithinYears = 2,
                WomenOnlyTrackIds = new HashSet<long> { 2 },
            },
            Quotas = quotas,
            Applicants = applicants,
            WaitlistLength = 50,
        };
    }
}
