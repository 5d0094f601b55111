using System.Globalization;
using System.Runtime.InteropServices;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Businesses.Cashbook;
using Tunas.Web.Features.Businesses.FollowUps;
using Tunas.Web.Features.Selection;

namespace Tunas.Web.Features.Impact.Facts;

/// <summary>
/// The dashboard's inputs counted from the kept <see cref="ImpactFacts"/> (decision 0035): the same rules as the
/// queries of <see cref="DashboardInputs.ReadAsync"/>, each a pass over rows in memory. Every rule below names the
/// query it must equal; the tests and the bench hold the two against each other.
/// </summary>
public static class FactInputs
{
    public static DashboardInputs Read(ImpactFacts facts, DashboardFilter filter, ScopedPrograms programs, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(programs);
        // Each block is reused while none of the tables it reads changed (decision 0035): an answer changed recounts
        // the answers, not the registry's million residents.
        var memo = facts.MemoOf(string.Join('|', filter, string.Join(',', programs.Ids), programs.Rules));
        var scope = new Scope(facts, filter, programs, today);

        var eligible = memo.Registry.Get(facts, filter, programs.Rules);
        var applied = memo.Applied.Get(facts, [FactKind.Application], [], () => Applied(scope));
        // A block made again with the same content keeps its generation (Memo.Get's same), and the finer versions of
        // DerivedFact name what a block reads of a table: a resident who never applied, or an answer of the other group,
        // leaves the blocks after them standing.
        var placements = memo.Placements.Get(facts, [FactKind.Participant, FactKind.Cohort, FactKind.Application], [facts.Version(DerivedFact.ApplicantPersons)],
            () => Placements(scope), PlacementBlock.Same);
        long[] ofPlacements = [memo.Placements.Generation];
        var placed = memo.Placed.Get(facts, [], ofPlacements, () => PlacedGroup.Of(placements.Placed));
        // Who is placed, apart from their persons' fields: a participant's desil changed leaves the businesses, the
        // certificates and the cashbook standing.
        var who = memo.Who.Get(facts, [], ofPlacements, () => placements, PlacementBlock.SameWho);
        long[] ofWho = [memo.Who.Generation];
        var participants = memo.Participants.Get(facts, [], [memo.Placements.Generation, facts.Version(DerivedFact.ParticipantAnswers), today.DayNumber],
            () => ParticipantAnswers(scope, placements, facts.AnswerBuilder));
        // The kelurahan and the track narrow the comparison group by their applications.
        var narrows = filter.VillageCode is not null || filter.DistrictCode is not null || filter.TrackId is not null;
        var comparison = memo.Comparison.Get(facts, narrows ? [FactKind.Application] : [],
            [facts.Version(DerivedFact.ComparisonAnswers), facts.Version(DerivedFact.ComparisonPersons), today.DayNumber],
            () => ComparisonAnswers(scope, narrows, facts.AnswerBuilder));
        // A worker's resident changed moves the workers' version (ImpactFacts.PersonsAsync matches them again).
        var businesses = memo.Businesses.Get(facts, [FactKind.Business, FactKind.BusinessOwner, FactKind.Worker],
            [memo.Who.Generation, today.DayNumber], () => Businesses(scope, who));
        var decisions = memo.Decisions.Get(facts, [FactKind.SelectionRun, FactKind.SelectionDecision], [], () => Decisions(scope));
        var completed = memo.Completed.Get(facts, [FactKind.Certificate], ofWho,
            () => facts.Certificates.Values.Count(c => !c.Revoked && who.PlacementIds.Contains(c.Participant)));
        var cashbook = memo.Cashbook.Get(facts, [FactKind.CashbookMonth, FactKind.CashbookSharing], ofWho,
            () => CashbookMedians.Of(Cashbook(facts, who)));
        return new DashboardInputs(eligible, applied, placed, participants, businesses.Hired, businesses.Counts, decisions, completed, cashbook,
            comparison);
    }

    /// <summary>What every block reads: the facts, the filter, the programs in scope and the kelurahan kept by the filter.</summary>
    private sealed class Scope(ImpactFacts facts, DashboardFilter filter, ScopedPrograms programs, DateOnly today)
    {
        public ImpactFacts Facts => facts;
        public DashboardFilter Filter => filter;
        public DateOnly Today => today;
        public readonly HashSet<int> InProgram = [.. programs.Ids];

        /// <summary>DashboardScope.ByPlace: the applicant's kelurahan or kecamatan, per kelurahan number.</summary>
        public readonly bool[] Place = facts.Villages.Mask(filter.Matches);
    }

    /// <summary>DashboardScope.Applications through ByTrack, per kelurahan (ReachReader.AppliedByVillageAsync).</summary>
    private static Dictionary<string, int> Applied(Scope s)
    {
        var villages = s.Facts.Villages;
        var appliedByVillage = new int[villages.Count];
        foreach (var a in s.Facts.Applications.Values)
        {
            if (s.InProgram.Contains(a.Program) && a.Status is not (ApplicationStatus.Held or ApplicationStatus.Rejected) && s.Place[a.Village] && OnTrack(s.Filter, a))
            {
                appliedByVillage[a.Village]++;
            }
        }
        var applied = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var v = 0; v < appliedByVillage.Length; v++)
        {
            if (appliedByVillage[v] > 0)
            {
                applied[villages[v]] = appliedByVillage[v];
            }
        }
        return applied;
    }

    /// <summary>DashboardScope.Cohorts, then Placements: each place of a cohort in scope whose application is in the area.</summary>
    private static PlacementBlock Placements(Scope s)
    {
        var facts = s.Facts;
        var filter = s.Filter;
        var cohorts = new Dictionary<int, CohortFact>();
        foreach (var (id, c) in facts.Cohorts)
        {
            if (s.InProgram.Contains(c.Program) && (filter.TrackId is not { } t || c.Track == t) && (filter.ProviderId is not { } p || c.Provider == p)
                && (filter.CohortId is not { } k || id == k))
            {
                cohorts[id] = c;
            }
        }
        // Sized once for every place: a list that grows by doubling leaves large arrays behind at each request.
        var places = facts.Participants.Count;
        var block = new PlacementBlock(new(places), new(places), new(places), new(places), new(places));
        foreach (var (id, p) in facts.Participants)
        {
            if (!cohorts.TryGetValue(p.Cohort, out var cohort) || !facts.Applications.TryGetValue(p.Application, out var a) || !s.Place[a.Village])
            {
                continue;
            }
            ScopedPerson? person = facts.Persons.TryGetValue(a.Person, out var f) ? f.Scoped : null;
            block.Placed.Add(new ReachReader.Placed(p.Application, facts.Villages[a.Village], cohort.StartsOn, person));
            block.PlacementIds.Add(id);
            block.PlacedPersons.Add(a.Person);
            block.PlacementsOf[p.Application] = block.PlacementsOf.GetValueOrDefault(p.Application) + 1;
            block.People[p.Application] = person;
        }
        return block;
    }

    /// <summary>
    /// OutcomesReader.ParticipantAnswersAsync: the done participant answers of every placement's application (once per
    /// placement), with the person of the placement, summarized as they are met: no list of 100,000 answers is made.
    /// </summary>
    private static AnswerGroup ParticipantAnswers(Scope s, PlacementBlock placements, AnswerGroup.Builder group)
    {
        group.Reset();
        foreach (var f in s.Facts.FollowUps.Values)
        {
            if (f.Status == FollowUpStatus.Done && f.Group == FollowUpGroup.Participant && placements.PlacementsOf.TryGetValue(f.Application, out var times))
            {
                var answer = new OutcomesReader.Answer(f.Application, f.MonthsAfter, f.BusinessActive, f.Revenue, f.Profit, f.Income, placements.People[f.Application]);
                for (var i = 0; i < times; i++)
                {
                    group.Add(answer);
                }
            }
        }
        return group.Build(s.Today);
    }

    /// <summary>
    /// ComparisonReader.ComparisonAnswersAsync: the done answers of the comparison group of the programs in scope,
    /// narrowed by the application's place and track, with the person as the registry holds them; summarized.
    /// </summary>
    private static AnswerGroup ComparisonAnswers(Scope s, bool narrows, AnswerGroup.Builder group)
    {
        var facts = s.Facts;
        group.Reset();
        foreach (var f in facts.FollowUps.Values)
        {
            if (f.Status == FollowUpStatus.Done && f.Group == FollowUpGroup.Comparison && s.InProgram.Contains(f.Program)
                && (!narrows || (facts.Applications.TryGetValue(f.Application, out var a) && s.Place[a.Village] && OnTrack(s.Filter, a))))
            {
                group.Add(new OutcomesReader.Answer(f.Application, f.MonthsAfter, f.BusinessActive, f.Revenue, f.Profit, f.Income,
                    facts.Persons.TryGetValue(f.Person, out var person) ? person.Scoped : null));
            }
        }
        return group.Build(s.Today);
    }

    /// <summary>
    /// FunnelReader.OwnedBusinessesAsync and BusinessesOf: the businesses with an owner among the placed; and
    /// FunnelReader.WorkersAsync: their workers ever hired, working today, and of those a resident in desil 1 to 4.
    /// </summary>
    private static BusinessBlock Businesses(Scope s, PlacementBlock placements)
    {
        var facts = s.Facts;
        var owned = new List<OwnedBusiness>();
        var businesses = new HashSet<long>();
        foreach (var (business, owners) in facts.Owners)
        {
            var exists = facts.Businesses.TryGetValue(business, out var status);
            foreach (var person in owners)
            {
                if (placements.PlacedPersons.Contains(person))
                {
                    businesses.Add(business);
                    if (exists)
                    {
                        owned.Add(new OwnedBusiness(person, business, status));
                    }
                }
            }
        }
        int all = 0, current = 0, poor = 0;
        foreach (var w in facts.Workers.Values)
        {
            if (!businesses.Contains(w.Business))
            {
                continue;
            }
            all++;
            if (w.EndedOn is null || w.EndedOn > s.Today)
            {
                current++;
                if (w.Resident != 0 && facts.Persons.TryGetValue(w.Resident, out var r) && r.Desil is >= 1 and <= 4)
                {
                    poor++;
                }
            }
        }
        return new BusinessBlock(BusinessCounts.Of(owned), new WorkerCounts(all, current, poor));
    }

    /// <summary>FunnelReader.DecisionsAsync: the decisions of each program's latest published run.</summary>
    private static (int Eligible, int Selected)? Decisions(Scope s)
    {
        var facts = s.Facts;
        var filter = s.Filter;
        if (filter.NarrowsToCohorts)
        {
            return null;
        }
        var latest = new Dictionary<int, int>();
        foreach (var r in facts.Runs.Values)
        {
            if (r.Published && s.InProgram.Contains(r.Program))
            {
                latest[r.Program] = Math.Max(latest.GetValueOrDefault(r.Program), r.Number);
            }
        }
        var runs = facts.Runs.Where(r => r.Value.Published && latest.TryGetValue(r.Value.Program, out var n) && n == r.Value.Number).Select(r => r.Key).ToHashSet();
        int eligible = 0, selected = 0;
        foreach (var d in facts.Decisions.Values)
        {
            if (runs.Contains(d.Run) && s.Place[d.Village] && (filter.TrackId is not { } t || d.Track == t))
            {
                if (d.Outcome != SelectionOutcome.Ineligible)
                {
                    eligible++;
                }
                if (d.Outcome == SelectionOutcome.Selected || d.Status == DecisionStatus.Promoted)
                {
                    selected++;
                }
            }
        }
        return (eligible, selected);
    }

    /// <summary>OutcomesReader.CashbookAsync: the month's totals of the placed who share them.</summary>
    private static List<MonthlyTotal> Cashbook(ImpactFacts facts, PlacementBlock placements)
    {
        var month = facts.CashbookMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var cashbook = new List<MonthlyTotal>();
        foreach (var id in placements.PlacementIds)
        {
            if (facts.Sharing.Contains(id) && facts.CashbookMonths.TryGetValue(id, out var m))
            {
                cashbook.Add(new MonthlyTotal(id, month, m.Sales, m.Expenses, m.Sales - m.Expenses));
            }
        }
        return cashbook;
    }

    /// <summary>DashboardScope.ByTrack: first or second choice.</summary>
    private static bool OnTrack(DashboardFilter filter, ApplicationFact a) =>
        filter.TrackId is not { } t || a.FirstTrack == t || a.SecondTrack == t;
}

/// <summary>The placements in scope and what the later blocks look up in them.</summary>
internal sealed record PlacementBlock(
    List<ReachReader.Placed> Placed, HashSet<long> PlacementIds, HashSet<long> PlacedPersons, Dictionary<long, int> PlacementsOf,
    Dictionary<long, ScopedPerson?> People)
{
    /// <summary>The same places of the same people: every later block made from the one would equal that made from the other.</summary>
    public static bool Same(PlacementBlock a, PlacementBlock b) =>
        CollectionsMarshal.AsSpan(a.Placed).SequenceEqual(CollectionsMarshal.AsSpan(b.Placed)) && SameWho(a, b);

    /// <summary>The same places of the same people, whatever their fields: what the businesses, certificates and cashbook read.</summary>
    public static bool SameWho(PlacementBlock a, PlacementBlock b) =>
        a.PlacementIds.SetEquals(b.PlacementIds) && a.PlacedPersons.SetEquals(b.PlacedPersons);
}

internal sealed record BusinessBlock(BusinessCounts Counts, WorkerCounts Hired);

/// <summary>
/// One filter's blocks, each remembered with the versions of the tables it read (decision 0035). A block's value is
/// never changed after it is made: a request still computing from it outside the gate reads it safely.
/// </summary>
internal sealed class FilterMemo
{
    public readonly RegistryCount Registry = new();
    public readonly Memo<Dictionary<string, int>> Applied = new();
    public readonly Memo<PlacementBlock> Placements = new();
    public readonly Memo<PlacedGroup> Placed = new();
    public readonly Memo<PlacementBlock> Who = new();
    public readonly Memo<AnswerGroup> Participants = new();
    public readonly Memo<AnswerGroup> Comparison = new();
    public readonly Memo<BusinessBlock> Businesses = new();
    public readonly Memo<(int Eligible, int Selected)?> Decisions = new();
    public readonly Memo<int> Completed = new();
    public readonly Memo<CashbookMedians> Cashbook = new();
}

/// <summary>A value and the versions it was made from; made again when any of them moved.</summary>
internal sealed class Memo<T>
{
    private long[]? _stamp;
    private T _value = default!;

    /// <summary>Counts the times the value was made: a block made from this one names it among its versions.</summary>
    public long Generation { get; private set; }

    /// <param name="same">When given, a value made again equal to the one held keeps the one held and its generation.</param>
    public T Get(ImpactFacts facts, FactKind[] tables, long[] others, Func<T> make, Func<T, T, bool>? same = null)
    {
        var stamp = new long[tables.Length + others.Length + 1];
        stamp[0] = facts.Generation;
        for (var i = 0; i < tables.Length; i++)
        {
            stamp[i + 1] = facts.Version(tables[i]);
        }
        others.CopyTo(stamp, tables.Length + 1);
        if (_stamp is not null && _stamp.AsSpan().SequenceEqual(stamp))
        {
            return _value;
        }
        var made = make();
        var kept = _stamp is not null && same is not null && same(_value, made);
        _stamp = stamp;
        if (!kept)
        {
            _value = made;
            Generation++;
        }
        return _value;
    }
}
