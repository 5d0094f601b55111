namespace Tunas.Web.Features.Programs;

/// <summary>A kelurahan and the number of its poor residents (desil 1-4) in the registry.</summary>
public sealed record VillageWeight(string Code, long PoorResidents);

/// <summary>A kelurahan's proposed seats; <see cref="TrackSeats"/> follows the order of the tracks asked for.</summary>
public sealed record ProposedVillage(string Code, long PoorResidents, int Seats, IReadOnlyList<int> TrackSeats);

/// <summary>
/// The quota proposal: seats shared over kelurahan in proportion to their poor residents by the largest-remainder
/// (Hamilton) method, so that the seats add up to the target exactly. Pure arithmetic, exact in integers.
/// </summary>
public static class QuotaProposal
{
    /// <summary>
    /// Every kelurahan first gets the whole part of its share (<c>target × poor ÷ all poor</c>); the seats left go
    /// one each to the largest remainders, equal remainders to the lower kelurahan code. When per-track seats are
    /// asked (<paramref name="trackCount"/> &gt; 0), each kelurahan's seats are split over the tracks the same way
    /// with equal shares; a seat left over goes to the track with the fewest seats so far, then the first track,
    /// so that tracks end up with seats that differ by at most one.
    /// The result is in code order. A kelurahan without poor residents gets nothing; when no kelurahan has any,
    /// nobody gets a seat (the caller says so).
    /// </summary>
    public static IReadOnlyList<ProposedVillage> Propose(int target, IReadOnlyList<VillageWeight> villages, int trackCount = 0)
    {
        ArgumentNullException.ThrowIfNull(villages);
        ArgumentOutOfRangeException.ThrowIfNegative(target);
        ArgumentOutOfRangeException.ThrowIfNegative(trackCount);
        var ordered = villages.OrderBy(v => v.Code, StringComparer.Ordinal).ToList();
        if (ordered.Select(v => v.Code).Distinct(StringComparer.Ordinal).Count() != ordered.Count)
        {
            throw new ArgumentException("A kelurahan is listed twice.", nameof(villages));
        }
        var seats = Apportion(target, [.. ordered.Select(v => v.PoorResidents)]);

        var columns = new long[trackCount];
        var equal = Enumerable.Repeat(1L, trackCount).ToArray();
        var result = new List<ProposedVillage>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            int[] split = [];
            if (trackCount > 0)
            {
                var byFewest = Enumerable.Range(0, trackCount).OrderBy(t => columns[t]).ThenBy(t => t).ToArray();
                var rank = new int[trackCount];
                for (var r = 0; r < byFewest.Length; r++)
                {
                    rank[byFewest[r]] = r;
                }
                split = Apportion(seats[i], equal, rank);
                for (var t = 0; t < trackCount; t++)
                {
                    columns[t] += split[t];
                }
            }
            result.Add(new ProposedVillage(ordered[i].Code, ordered[i].PoorResidents, seats[i], split));
        }
        return result;
    }

    /// <summary>
    /// Hamilton's method: <paramref name="seats"/> shared in proportion to <paramref name="weights"/>. Ties of the
    /// remainder go to the lower <paramref name="tieRank"/> (by default the lower index). All weights zero: no seats.
    /// </summary>
    public static int[] Apportion(int seats, IReadOnlyList<long> weights, IReadOnlyList<int>? tieRank = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfNegative(seats);
        if (weights.Any(w => w < 0))
        {
            throw new ArgumentException("Weights are zero or more.", nameof(weights));
        }
        var result = new int[weights.Count];
        Int128 total = 0;
        foreach (var w in weights)
        {
            total += w;
        }
        if (total == 0)
        {
            return result;
        }
        // Exact: the share is seats × w ÷ total; the remainders share the denominator, so they compare as integers.
        var remainders = new Int128[weights.Count];
        var given = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var product = (Int128)seats * weights[i];
            result[i] = (int)(product / total);
            remainders[i] = product % total;
            given += result[i];
        }
        var order = Enumerable.Range(0, weights.Count)
            .OrderByDescending(i => remainders[i])
            .ThenBy(i => tieRank is null ? i : tieRank[i])
            .ThenBy(i => i);
        foreach (var i in order.Take(seats - given))
        {
            result[i]++;
        }
        return result;
    }
}
