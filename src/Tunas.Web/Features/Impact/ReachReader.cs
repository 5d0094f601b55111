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

    /// <summary>A placement in scope: its application and kelurahan, the cohort's first day, and the person's fields as copied on the place (decision 0034).</summary>
    public readonly record struct Placed(long ApplicationId, string VillageCode, DateOnly StartsOn, ScopedPerson? Person);

    /// <summary>
    /// Everyone placed in scope with their person, read once for the funnel's "started" and the reach. The person's
    /// fields are the copies on the place (decision 0034): a join to the whole registry took most of this read.
    /// </summary>
    public static Task<List<Placed>> PlacedAsync(DashboardScope scope, CancellationToken ct) =>
        scope.Placements.Select(p => new Placed(p.ApplicationId, p.VillageCode, p.StartsOn, p.Person)).ToListAsync(ct);

    /// <summary>The applications in scope per kelurahan: the reach's column, and their sum the funnel's "applied".</summary>
    public static Task<Dictionary<string, int>> AppliedByVillageAsync(DashboardScope scope, CancellationToken ct) =>
        scope.ByTrack(scope.Applications).GroupBy(a => a.VillageCode).Select(g => new { g.Key, N = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.N, StringComparer.Ordinal, ct);

    /// <param name="applied">The applications per kelurahan (<see cref="AppliedByVillageAsync"/>).</param>
    /// <param name="placed">The placements in scope (<see cref="PlacedAsync"/>), summarized.</param>
    public static async Task<Reach> ReadAsync(
        DashboardScope scope, VillageNames villages, (Dictionary<int, int> ByDesil, int Unknown, string Basis) eligible,
        Dictionary<string, int> applied, PlacedGroup placed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(placed);
        var n = placed.WithPerson;
        var desil = Enumerable.Range(1, 10).Select(d => (int?)d).Append(null)
            .Select(d => new DesilRow(d, placed.PerDesil.GetValueOrDefault(d ?? -1), d is { } k ? eligible.ByDesil.GetValueOrDefault(k) : eligible.Unknown))
            .ToList();
        var rows = (await villages.OfAgencyAsync(ct)).Where(v => scope.Filter.Matches(v.Code))
            .Select(v => new VillageRow(v.Code, v.Name, applied.GetValueOrDefault(v.Code), placed.StartedPerVillage.GetValueOrDefault(v.Code)))
            .ToList();
        return new Reach(new Share(placed.Women, n), new Share(placed.Youth, n), YouthMinAge, YouthMaxAge, new Share(placed.Disability, n), desil,
            rows, [.. rows.Where(r => r.Applied == 0)]);
    }
}
