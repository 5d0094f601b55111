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

    private struct PerApplication
    {
        public OutcomesReader.Answer Latest;
        public int FirstIncomeMonths;
        public long FirstIncome;
        public int LastIncomeMonths;
        public long LastIncome;
        public bool HasIncome;
        public ScopedPerson? Person;
    }

    /// <summary>
    /// The summary of <paramref name="answers"/>. Each person's latest answer is the round furthest from the training
    /// (of two answers of one round, the first); the income change runs from their first known income to their last,
    /// and leaves out people with one round; ages are on <paramref name="today"/>.
    /// </summary>
    public static AnswerGroup Of(IReadOnlyList<OutcomesReader.Answer> answers, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var answered = new int[LastRound + 1];
        var active = new int[LastRound + 1];
        var people = new Dictionary<long, PerApplication>(answers.Count / 2);
        foreach (var a in answers)
        {
            if (a.MonthsAfter is >= 0 and <= LastRound)
            {
                answered[a.MonthsAfter]++;
                if (a.BusinessActive == true)
                {
                    active[a.MonthsAfter]++;
                }
            }
            ref var s = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(people, a.ApplicationId, out var known);
            if (!known)
            {
                s.Latest = a;
            }
            else if (a.MonthsAfter > s.Latest.MonthsAfter)
            {
                s.Latest = a;
            }
            s.Person ??= a.Person;
            if (a.Income is { } income)
            {
                if (!s.HasIncome)
                {
                    (s.HasIncome, s.FirstIncomeMonths, s.FirstIncome, s.LastIncomeMonths, s.LastIncome) = (true, a.MonthsAfter, income, a.MonthsAfter, income);
                }
                else
                {
                    if (a.MonthsAfter < s.FirstIncomeMonths)
                    {
                        (s.FirstIncomeMonths, s.FirstIncome) = (a.MonthsAfter, income);
                    }
                    if (a.MonthsAfter > s.LastIncomeMonths)
                    {
                        (s.LastIncomeMonths, s.LastIncome) = (a.MonthsAfter, income);
                    }
                }
            }
        }
        var revenue = new List<long>(people.Count);
        var profit = new List<long>(people.Count);
        var incomes = new List<long>(people.Count);
        var changes = new List<long>(people.Count);
        int activeKnown = 0, activeYes = 0, withPerson = 0, withDesil = 0, women = 0;
        long desilSum = 0, ageSum = 0;
        foreach (var s in people.Values)
        {
            var latest = s.Latest;
            if (latest.BusinessActive is { } isActive)
            {
                activeKnown++;
                activeYes += isActive ? 1 : 0;
            }
            Add(revenue, latest.Revenue);
            Add(profit, latest.Profit);
            Add(incomes, latest.Income);
            if (s.HasIncome && s.FirstIncomeMonths != s.LastIncomeMonths)
            {
                changes.Add(s.LastIncome - s.FirstIncome);
            }
            if (s.Person is { } p)
            {
                withPerson++;
                ageSum += Eligibility.AgeOn(p.BirthDate, today);
                women += p.Sex == Sex.Female ? 1 : 0;
                if (p.WelfareDecile is { } d)
                {
                    withDesil++;
                    desilSum += d;
                }
            }
        }
        var profile = new GroupProfile(withPerson, withDesil == 0 ? null : (double)desilSum / withDesil,
            withPerson == 0 ? null : (double)ageSum / withPerson, withPerson == 0 ? null : (double)women / withPerson);
        return new AnswerGroup(answered, active, activeKnown, activeYes, Sorted(revenue), Sorted(profit), Sorted(incomes), Sorted(changes), profile);
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
