using Microsoft.EntityFrameworkCore;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Impact;

/// <summary>Who the participants are (<see cref="Reach"/>): women, youth, disability, desil against the eligible, and the kelurahan.</summary>
public static class ReachReader
{
    /// <summary>Youth as UU 40/2009 on youth (Kepemudaan) defines it: 16 to 30 years old, here on the cohort's first day.</summary>
    public const int YouthMinAge = 16;

    public const int YouthMaxAge = 30;

    /// <summary>
    /// The eligible residents per welfare decile (null: not known), and the basis of the count: one pass over the
    /// registry that gives both the funnel's first stage (their sum) and the reach's desil column.
    /// </summary>
    public static async Task<(Dictionary<int, int> ByDesil, int Unknown, string Basis)> EligibleByDesilAsync(DashboardScope scope, CancellationToken ct)
    {
        var (persons, basis) = await FunnelReader.EligiblePersonsAsync(scope, ct);
        var rows = await persons.GroupBy(p => p.WelfareDecile).Select(g => new { Desil = g.Key, N = g.Count() }).ToListAsync(ct);
        return (rows.Where(r => r.Desil is not null).ToDictionary(r => r.Desil!.Value, r => r.N), rows.Where(r => r.Desil is null).Sum(r => r.N), basis);
    }

    public static async Task<Reach> ReadAsync(
        DashboardScope scope, VillageNames villages, (Dictionary<int, int> ByDesil, int Unknown, string Basis) eligible, CancellationToken ct)
    {
        var db = scope.Db;
        var people = await (
            from p in scope.Placements
            join person in db.Persons on p.PersonId equals person.Id
            select new { person.Sex, person.BirthDate, person.Disability, person.WelfareDecile, p.StartsOn }).ToListAsync(ct);
        var n = people.Count;
        var women = people.Count(p => p.Sex == Sex.Female);
        var youth = people.Count(p => Eligibility.AgeOn(p.BirthDate, p.StartsOn) is >= YouthMinAge and <= YouthMaxAge);
        var disability = people.Count(p => p.Disability);

        var desil = Enumerable.Range(1, 10).Select(d => (int?)d).Append(null)
            .Select(d => new DesilRow(d, people.Count(p => p.WelfareDecile == d), d is { } k ? eligible.ByDesil.GetValueOrDefault(k) : eligible.Unknown))
            .ToList();

        var applied = await scope.ByTrack(scope.Applications).GroupBy(a => a.VillageCode).Select(g => new { g.Key, N = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var started = await scope.Placements.GroupBy(p => p.VillageCode).Select(g => new { g.Key, N = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var rows = (await villages.OfAgencyAsync(ct)).Where(v => scope.Filter.Matches(v.Code))
            .Select(v => new VillageRow(v.Code, v.Name, applied.GetValueOrDefault(v.Code), started.GetValueOrDefault(v.Code)))
            .ToList();
        return new Reach(new Share(women, n), new Share(youth, n), YouthMinAge, YouthMaxAge, new Share(disability, n), desil,
            rows, [.. rows.Where(r => r.Applied == 0)]);
    }
}
