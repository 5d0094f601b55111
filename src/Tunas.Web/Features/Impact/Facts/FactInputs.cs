using System.Globalization;
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
        var inProgram = programs.Ids.ToHashSet();
        var villages = facts.Villages;
        // DashboardScope.ByPlace: the applicant's kelurahan or kecamatan.
        var place = villages.Mask(filter.Matches);

        // The registry's million residents are counted on the second core meanwhile (read only: the gate holds every writer off).
        var registry = Task.Run(() => Eligible(facts, filter, programs.Rules));

        // DashboardScope.Applications through ByTrack, per kelurahan (ReachReader.AppliedByVillageAsync).
        var appliedByVillage = new int[villages.Count];
        foreach (var a in facts.Applications.Values)
        {
            if (inProgram.Contains(a.Program) && a.Status is not (ApplicationStatus.Held or ApplicationStatus.Rejected) && place[a.Village] && OnTrack(filter, a))
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

        // DashboardScope.Cohorts, then Placements: each place of a cohort in scope whose application is in the area.
        var cohorts = new Dictionary<int, CohortFact>();
        foreach (var (id, c) in facts.Cohorts)
        {
            if (inProgram.Contains(c.Program) && (filter.TrackId is not { } t || c.Track == t) && (filter.ProviderId is not { } p || c.Provider == p)
                && (filter.CohortId is not { } k || id == k))
            {
                cohorts[id] = c;
            }
        }
        // Sized once for every place: a list that grows by doubling leaves large arrays behind at each request.
        var places = facts.Participants.Count;
        var placed = new List<ReachReader.Placed>(places);
        var placementIds = new HashSet<long>(places);
        var placedPersons = new HashSet<long>(places);
        var placementsOf = new Dictionary<long, int>(places);
        var people = new Dictionary<long, ScopedPerson?>(places);
        foreach (var (id, p) in facts.Participants)
        {
            if (!cohorts.TryGetValue(p.Cohort, out var cohort) || !facts.Applications.TryGetValue(p.Application, out var a) || !place[a.Village])
            {
                continue;
            }
            ScopedPerson? person = facts.Persons.TryGetValue(a.Person, out var f) ? f.Scoped : null;
            placed.Add(new ReachReader.Placed(p.Application, villages[a.Village], cohort.StartsOn, person));
            placementIds.Add(id);
            placedPersons.Add(a.Person);
            placementsOf[p.Application] = placementsOf.GetValueOrDefault(p.Application) + 1;
            people[p.Application] = person;
        }

        // OutcomesReader.ParticipantAnswersAsync: the done participant answers of every placement's application.
        // Counted first, so that each list is one array of the right size (Answer is a value: no object per answer).
        int participantDone = 0, comparisonDone = 0;
        foreach (var f in facts.FollowUps.Values)
        {
            if (f.Status == FollowUpStatus.Done)
            {
                _ = f.Group == FollowUpGroup.Participant ? participantDone++ : comparisonDone++;
            }
        }
        var answers = new List<OutcomesReader.Answer>(participantDone);
        var comparison = new List<OutcomesReader.Answer>(comparisonDone);
        var narrowsComparison = filter.VillageCode is not null || filter.DistrictCode is not null || filter.TrackId is not null;
        foreach (var f in facts.FollowUps.Values)
        {
            if (f.Status != FollowUpStatus.Done)
            {
                continue;
            }
            if (f.Group == FollowUpGroup.Participant)
            {
                if (placementsOf.TryGetValue(f.Application, out var times))
                {
                    var answer = new OutcomesReader.Answer(f.Application, f.MonthsAfter, f.BusinessActive, f.Revenue, f.Profit, f.Income, people[f.Application]);
                    for (var i = 0; i < times; i++)
                    {
                        answers.Add(answer);
                    }
                }
            }
            // ComparisonReader.ComparisonAnswersAsync: of the programs in scope, narrowed by the application's place and track.
            else if (f.Group == FollowUpGroup.Comparison && inProgram.Contains(f.Program)
                && (!narrowsComparison || (facts.Applications.TryGetValue(f.Application, out var a) && place[a.Village] && OnTrack(filter, a))))
            {
                comparison.Add(new OutcomesReader.Answer(f.Application, f.MonthsAfter, f.BusinessActive, f.Revenue, f.Profit, f.Income,
                    facts.Persons.TryGetValue(f.Person, out var person) ? person.Scoped : (ScopedPerson?)null));
            }
        }

        // FunnelReader.OwnedBusinessesAsync and BusinessesOf: the businesses with an owner among the placed.
        var owned = new List<OwnedBusiness>();
        var businesses = new HashSet<long>();
        foreach (var (business, owners) in facts.Owners)
        {
            var exists = facts.Businesses.TryGetValue(business, out var status);
            foreach (var person in owners)
            {
                if (placedPersons.Contains(person))
                {
                    businesses.Add(business);
                    if (exists)
                    {
                        owned.Add(new OwnedBusiness(person, business, status));
                    }
                }
            }
        }

        // FunnelReader.WorkersAsync: ever hired, working today, and of those a resident in desil 1 to 4.
        int all = 0, current = 0, poor = 0;
        foreach (var w in facts.Workers.Values)
        {
            if (!businesses.Contains(w.Business))
            {
                continue;
            }
            all++;
            if (w.EndedOn is null || w.EndedOn > today)
            {
                current++;
                if (w.Resident != 0 && facts.Persons.TryGetValue(w.Resident, out var r) && r.Desil is >= 1 and <= 4)
                {
                    poor++;
                }
            }
        }

        // FunnelReader.DecisionsAsync: the decisions of each program's latest published run.
        (int, int)? decisions = null;
        if (!filter.NarrowsToCohorts)
        {
            var latest = new Dictionary<int, int>();
            foreach (var r in facts.Runs.Values)
            {
                if (r.Published && inProgram.Contains(r.Program))
                {
                    latest[r.Program] = Math.Max(latest.GetValueOrDefault(r.Program), r.Number);
                }
            }
            var runs = facts.Runs.Where(r => r.Value.Published && latest.TryGetValue(r.Value.Program, out var n) && n == r.Value.Number).Select(r => r.Key).ToHashSet();
            int eligibleCount = 0, selected = 0;
            foreach (var d in facts.Decisions.Values)
            {
                if (runs.Contains(d.Run) && place[d.Village] && (filter.TrackId is not { } t || d.Track == t))
                {
                    if (d.Outcome != SelectionOutcome.Ineligible)
                    {
                        eligibleCount++;
                    }
                    if (d.Outcome == SelectionOutcome.Selected || d.Status == DecisionStatus.Promoted)
                    {
                        selected++;
                    }
                }
            }
            decisions = (eligibleCount, selected);
        }

        // FunnelReader.CompletedAsync.
        var completed = facts.Certificates.Values.Count(c => !c.Revoked && placementIds.Contains(c.Participant));

        // OutcomesReader.CashbookAsync: the month's totals of those who share them.
        var month = facts.CashbookMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var cashbook = new List<MonthlyTotal>();
        foreach (var id in placementIds)
        {
            if (facts.Sharing.Contains(id) && facts.CashbookMonths.TryGetValue(id, out var m))
            {
                cashbook.Add(new MonthlyTotal(id, month, m.Sales, m.Expenses, m.Sales - m.Expenses));
            }
        }

        var eligible = registry.GetAwaiter().GetResult();
        return new DashboardInputs(eligible, applied, placed, answers, new WorkerCounts(all, current, poor), owned, decisions, completed, cashbook, comparison);
    }

    /// <summary>DashboardScope.ByTrack: first or second choice.</summary>
    private static bool OnTrack(DashboardFilter filter, ApplicationFact a) =>
        filter.TrackId is not { } t || a.FirstTrack == t || a.SecondTrack == t;

    /// <summary>FunnelReader.EligiblePersonsAsync grouped per desil (ReachReader.EligibleByDesilAsync).</summary>
    private static (Dictionary<int, int> ByDesil, int Unknown, string Basis) Eligible(ImpactFacts facts, DashboardFilter filter, PersonRules? rules)
    {
        var regency = rules?.DomicileRegencyCode;
        var area = facts.Villages.Mask(code => filter.Matches(code)
            && (regency is null || code.StartsWith(regency + ".", StringComparison.Ordinal) || code == regency));
        int bornBy = int.MaxValue, bornAfter = int.MinValue, maxDesil = int.MaxValue;
        if (rules is not null)
        {
            if (rules.MinAge is { } min)
            {
                bornBy = rules.On.AddYears(-min).DayNumber;
            }
            if (rules.MaxAge is { } max)
            {
                bornAfter = rules.On.AddYears(-(max + 1)).DayNumber;
            }
            maxDesil = rules.MaxDesil ?? int.MaxValue;
        }
        var byDesil = new int[128];
        var unknown = 0;
        foreach (var p in facts.Persons.Values)
        {
            if (!area[p.Village] || p.BirthDay > bornBy || p.BirthDay <= bornAfter)
            {
                continue;
            }
            if (p.Desil < 0)
            {
                if (maxDesil == int.MaxValue)
                {
                    unknown++;
                }
            }
            else if (p.Desil <= maxDesil)
            {
                byDesil[p.Desil]++;
            }
        }
        var counts = new Dictionary<int, int>();
        for (var d = 0; d < byDesil.Length; d++)
        {
            if (byDesil[d] > 0)
            {
                counts[d] = byDesil[d];
            }
        }
        return (counts, unknown, rules is null ? "residents" : "programRules");
    }
}
