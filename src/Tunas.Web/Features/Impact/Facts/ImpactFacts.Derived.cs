using Tunas.Web.Features.Businesses.FollowUps;

namespace Tunas.Web.Features.Impact.Facts;

/// <summary>Finer versions than a table's: what a block of the dashboard reads of it (decision 0035).</summary>
public enum DerivedFact
{
    /// <summary>The participants' follow-ups: a comparison answer changed leaves the participants' summary standing.</summary>
    ParticipantAnswers,

    /// <summary>The comparison group's follow-ups.</summary>
    ComparisonAnswers,

    /// <summary>The residents who applied: a change to anyone else moves the registry's count and nothing after it.</summary>
    ApplicantPersons,

    /// <summary>The residents with an answer of the comparison group.</summary>
    ComparisonPersons,
}

/// <summary>
/// The versions of <see cref="DerivedFact"/>, moved by the refreshes as they apply each row's change, from the row as
/// it was and as it is: a day of follow-up visits and DTKS corrections leaves most blocks standing.
/// </summary>
public sealed partial class ImpactFacts
{
    private readonly long[] _derived = new long[Enum.GetValues<DerivedFact>().Length];

    /// <summary>For each resident, how many applications (or comparison answers) name them.</summary>
    private readonly Dictionary<long, int> _applicants = [];
    private readonly Dictionary<long, int> _comparisonPeople = [];

    public long Version(DerivedFact fact) => _derived[(int)fact];

    /// <summary>The rows named by a refresh as they stood before it (none for a whole read).</summary>
    private static List<(long Id, T? Old)> Before<T>(Dictionary<long, T> rows, List<long>? ids)
        where T : struct
    {
        var before = new List<(long, T?)>(ids?.Count ?? 0);
        foreach (var id in ids ?? [])
        {
            before.Add((id, rows.TryGetValue(id, out var row) ? row : null));
        }
        return before;
    }

    private void AfterApplications(List<long>? ids, List<(long Id, ApplicationFact? Old)> before)
    {
        if (ids is null)
        {
            _applicants.Clear();
            foreach (var a in Applications.Values)
            {
                Count(_applicants, a.Person, +1);
            }
            return;
        }
        foreach (var (id, old) in before)
        {
            if (old is { } o)
            {
                Count(_applicants, o.Person, -1);
            }
            if (Applications.TryGetValue(id, out var now))
            {
                Count(_applicants, now.Person, +1);
            }
        }
    }

    private void AfterFollowUps(List<long>? ids, List<(long Id, FollowUpFact? Old)> before)
    {
        if (ids is null)
        {
            _derived[(int)DerivedFact.ParticipantAnswers]++;
            _derived[(int)DerivedFact.ComparisonAnswers]++;
            _comparisonPeople.Clear();
            foreach (var f in FollowUps.Values)
            {
                CountComparison(f, +1);
            }
            return;
        }
        bool participants = false, comparison = false;
        foreach (var (id, old) in before)
        {
            FollowUpFact? now = FollowUps.TryGetValue(id, out var n) ? n : null;
            if (old == now)
            {
                continue;
            }
            foreach (var f in (ReadOnlySpan<FollowUpFact?>)[old, now])
            {
                if (f is { } row)
                {
                    participants |= row.Group == FollowUpGroup.Participant;
                    comparison |= row.Group == FollowUpGroup.Comparison;
                }
            }
            if (old is { } o)
            {
                CountComparison(o, -1);
            }
            if (now is { } x)
            {
                CountComparison(x, +1);
            }
        }
        _derived[(int)DerivedFact.ParticipantAnswers] += participants ? 1 : 0;
        _derived[(int)DerivedFact.ComparisonAnswers] += comparison ? 1 : 0;
    }

    /// <summary>After the residents named were read again: whether any of them applied, or answered for the comparison group.</summary>
    private void AfterPersons(List<long>? ids)
    {
        if (ids is null || ids.Any(_applicants.ContainsKey))
        {
            _derived[(int)DerivedFact.ApplicantPersons]++;
        }
        if (ids is null || ids.Any(_comparisonPeople.ContainsKey))
        {
            _derived[(int)DerivedFact.ComparisonPersons]++;
        }
    }

    private void CountComparison(FollowUpFact f, int by)
    {
        if (f.Group == FollowUpGroup.Comparison)
        {
            Count(_comparisonPeople, f.Person, by);
        }
    }

    private static void Count(Dictionary<long, int> counts, long key, int by)
    {
        var n = counts.GetValueOrDefault(key) + by;
        if (n > 0)
        {
            counts[key] = n;
        }
        else
        {
            counts.Remove(key);
        }
    }
}
