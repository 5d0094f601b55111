using Tunas.Web.Features.Businesses;
using Tunas.Web.Features.Businesses.Cashbook;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Impact;

/// <summary>
/// One group's done follow-up answers summarized in one pass: everything the funnel, the outcomes and the comparison
/// read of them. Made once per set of answers (decision 0035: the kept facts remember it while the answers stand),
/// where each of the three used to find the latest answers, sort the same values and list the people again.
/// </summary>
/// <param name="Answered">Answers per round (months after the training, 0 to 12).</param>
/// <param name="Active">Of those, the answers with an active business.</param>
/// <param name="ActiveKnown">People whose latest answer says whether their business is active.</param>
/// <param name="ActiveYes">Of those, the people whose latest answer says it is.</param>
/// <param name="Revenue">The latest answers' monthly revenue, known values only, sorted.</param>
/// <param name="Profit">The latest answers' monthly profit, sorted.</param>
/// <param name="Income">The latest answers' household income, sorted.</param>
/// <param name="IncomeChanges">Each person's latest household income less their first (decision 0028), sorted.</param>
/// <param name="Profile">Who answered: each application's person once, on the day given.</param>
public sealed record AnswerGroup(
    int[] Answered, int[] Active, int ActiveKnown, int ActiveYes, long[] Revenue, long[] Profit, long[] Income, long[] IncomeChanges,
    GroupProfile Profile)
{
    /// <summary>Rounds up to this many months after the training are counted per round.</summary>
    public const int LastRound = 12;

    /// <summary>
    /// The summary of <paramref name="answers"/>. Each person's latest answer is the round furthest from the training
    /// (of two answers of one round, the first); the income change runs from their first known income to their last,
    /// and leaves out people with one round; ages are on <paramref name="today"/>.
    /// </summary>
    public static AnswerGroup Of(IEnumerable<OutcomesReader.Answer> answers, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var builder = new Builder();
        foreach (var a in answers)
        {
            builder.Add(a);
        }
        return builder.Build(today);
    }

    /// <summary>
    /// Takes answers one at a time, so that the kept facts summarize a group without a list of its answers; its
    /// buffers are kept for the next summary (<see cref="Reset"/>). Not thread-safe.
    /// </summary>
    public sealed class Builder
    {
        private readonly int[] _answered = new int[LastRound + 1];
        private readonly int[] _active = new int[LastRound + 1];
        private readonly Dictionary<long, PerApplication> _people = [];
        private readonly List<long> _revenue = [];
        private readonly List<long> _profit = [];
        private readonly List<long> _income = [];
        private readonly List<long> _changes = [];
        private readonly List<ScopedPerson> _persons = [];

        /// <summary>One application's latest answer and first and last known income (no person: they are listed once apart).</summary>
        private struct PerApplication
        {
            public int LatestMonths;
            public bool? Active;
            public long? Revenue;
            public long? Profit;
            public long? Income;
            public bool HasIncome;
            public bool HasPerson;
            public int FirstIncomeMonths;
            public int LastIncomeMonths;
            public long FirstIncome;
            public long LastIncome;
        }

        public void Reset()
        {
            Array.Clear(_answered);
            Array.Clear(_active);
            _people.Clear();
            _persons.Clear();
        }

        public void Add(in OutcomesReader.Answer a)
        {
            if (a.MonthsAfter is >= 0 and <= LastRound)
            {
                _answered[a.MonthsAfter]++;
                if (a.BusinessActive == true)
                {
                    _active[a.MonthsAfter]++;
                }
            }
            ref var s = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_people, a.ApplicationId, out var known);
            if (!known || a.MonthsAfter > s.LatestMonths)
            {
                (s.LatestMonths, s.Active, s.Revenue, s.Profit, s.Income) = (a.MonthsAfter, a.BusinessActive, a.Revenue, a.Profit, a.Income);
            }
            // Each application's person once: the first answer that names one.
            if (!s.HasPerson && a.Person is { } person)
            {
                s.HasPerson = true;
                _persons.Add(person);
            }
            if (a.Income is not { } income)
            {
                return;
            }
            if (!s.HasIncome)
            {
                (s.HasIncome, s.FirstIncomeMonths, s.FirstIncome, s.LastIncomeMonths, s.LastIncome) = (true, a.MonthsAfter, income, a.MonthsAfter, income);
                return;
            }
            if (a.MonthsAfter < s.FirstIncomeMonths)
            {
                (s.FirstIncomeMonths, s.FirstIncome) = (a.MonthsAfter, income);
            }
            if (a.MonthsAfter > s.LastIncomeMonths)
            {
                (s.LastIncomeMonths, s.LastIncome) = (a.MonthsAfter, income);
            }
        }

        public AnswerGroup Build(DateOnly today)
        {
            _revenue.Clear();
            _profit.Clear();
            _income.Clear();
            _changes.Clear();
            int activeKnown = 0, activeYes = 0;
            foreach (var s in _people.Values)
            {
                if (s.Active is { } isActive)
                {
                    activeKnown++;
                    activeYes += isActive ? 1 : 0;
                }
                Add(_revenue, s.Revenue);
                Add(_profit, s.Profit);
                Add(_income, s.Income);
                if (s.HasIncome && s.FirstIncomeMonths != s.LastIncomeMonths)
                {
                    _changes.Add(s.LastIncome - s.FirstIncome);
                }
            }
            int withDesil = 0, women = 0;
            long desilSum = 0, ageSum = 0;
            foreach (var p in _persons)
            {
                ageSum += Eligibility.AgeOn(p.BirthDate, today);
                women += p.Sex == Sex.Female ? 1 : 0;
                if (p.WelfareDecile is { } d)
                {
                    withDesil++;
                    desilSum += d;
                }
            }
            var n = _persons.Count;
            var profile = new GroupProfile(n, withDesil == 0 ? null : (double)desilSum / withDesil,
                n == 0 ? null : (double)ageSum / n, n == 0 ? null : (double)women / n);
            return new AnswerGroup((int[])_answered.Clone(), (int[])_active.Clone(), activeKnown, activeYes,
                Sorted(_revenue), Sorted(_profit), Sorted(_income), Sorted(_changes), profile);
        }

        private static void Add(List<long> values, long? value)
        {
            if (value is { } v)
            {
                values.Add(v);
            }
        }

        private static long[] Sorted(List<long> values)
        {
            var array = values.ToArray();
            Array.Sort(array);
            return array;
        }
    }
}

/// <summary>
/// The placements in scope summarized in one pass: the funnel's "started", the reach's shares and desil column, and
/// the kelurahan's "started" column.
/// </summary>
public sealed record PlacedGroup(
    int Count, int WithPerson, int Women, int Youth, int Disability, Dictionary<int, int> PerDesil, Dictionary<string, int> StartedPerVillage)
{
    /// <summary>Youth is counted on the cohort's first day (<see cref="ReachReader.YouthMinAge"/> to <see cref="ReachReader.YouthMaxAge"/>).</summary>
    public static PlacedGroup Of(IReadOnlyList<ReachReader.Placed> placed)
    {
        ArgumentNullException.ThrowIfNull(placed);
        int withPerson = 0, women = 0, youth = 0, disability = 0;
        // -1: the desil is not known.
        var perDesil = new Dictionary<int, int>();
        var started = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in placed)
        {
            started[p.VillageCode] = started.GetValueOrDefault(p.VillageCode) + 1;
            if (p.Person is not { } person)
            {
                continue;
            }
            withPerson++;
            women += person.Sex == Sex.Female ? 1 : 0;
            youth += Eligibility.AgeOn(person.BirthDate, p.StartsOn) is >= ReachReader.YouthMinAge and <= ReachReader.YouthMaxAge ? 1 : 0;
            disability += person.Disability ? 1 : 0;
            var k = person.WelfareDecile ?? -1;
            perDesil[k] = perDesil.GetValueOrDefault(k) + 1;
        }
        return new PlacedGroup(placed.Count, withPerson, women, youth, disability, perDesil, started);
    }
}

/// <summary>The participants' businesses: owners past planning (the funnel) and active businesses (the outcomes).</summary>
public sealed record BusinessCounts(int Started, int Active)
{
    public static BusinessCounts Of(IEnumerable<OwnedBusiness> owned)
    {
        ArgumentNullException.ThrowIfNull(owned);
        var owners = new HashSet<long>();
        var active = new HashSet<long>();
        foreach (var o in owned)
        {
            if (o.Status != BusinessStatus.Planned)
            {
                owners.Add(o.PersonId);
            }
            if (o.Status == BusinessStatus.Active)
            {
                active.Add(o.BusinessId);
            }
        }
        return new BusinessCounts(owners.Count, active.Count);
    }
}

/// <summary>The medians of the consented cashbook totals of one month.</summary>
public sealed record CashbookMedians(Median Sales, Median Profit)
{
    public static CashbookMedians Of(IReadOnlyList<MonthlyTotal> totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        return new(Stats.Median(totals.Select(t => t.Sales)), Stats.Median(totals.Select(t => t.Profit)));
    }
}
