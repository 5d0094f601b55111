namespace Tunas.Web.Features.Selection;

/// <summary>The quota lookups and the ranking key the rounds of <see cref="SelectionEngine"/> walk with.</summary>
public static partial class SelectionEngine
{
    /// <summary>The quotas in a fixed order (region code, then track, any-track first) with lookups.</summary>
    private sealed class QuotaTable
    {
        private readonly Dictionary<string, int[]> byRegion = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> anyTrack = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Region, long Track), int> byRegionTrack = [];

        public QuotaTable(IReadOnlyList<Quota> quotas)
        {
            ArgumentNullException.ThrowIfNull(quotas);
            foreach (var q in quotas)
            {
                if (q is null || string.IsNullOrEmpty(q.Region))
                {
                    throw new ArgumentException("Every quota needs a region.", nameof(quotas));
                }
                if (q.Size < 0)
                {
                    throw new ArgumentException($"Quota {q.Region}/{q.TrackId}: the size {q.Size} is negative.", nameof(quotas));
                }
            }
            Quotas = [.. quotas.OrderBy(q => q.Region, StringComparer.Ordinal).ThenBy(q => q.TrackId.HasValue).ThenBy(q => q.TrackId)];
            for (var i = 0; i < Quotas.Count; i++)
            {
                var q = Quotas[i];
                TotalSeats += q.Size;
                if (q.TrackId is { } track)
                {
                    if (!byRegionTrack.TryAdd((q.Region, track), i))
                    {
                        throw new ArgumentException($"Quota {q.Region}/{track} appears twice.", nameof(quotas));
                    }
                    Tracks.TryAdd(track, []);
                    Tracks[track].Add(i);
                }
                else
                {
                    if (!anyTrack.TryAdd(q.Region, i))
                    {
                        throw new ArgumentException($"The any-track quota of {q.Region} appears twice.", nameof(quotas));
                    }
                    AnyTrack.Add(i);
                }
            }
            foreach (var region in Quotas.Select((q, i) => (q.Region, i)).GroupBy(x => x.Region, StringComparer.Ordinal))
            {
                var indexes = region.Select(x => x.i).ToArray();
                if (anyTrack.ContainsKey(region.Key) && indexes.Length > 1)
                {
                    throw new ArgumentException(
                        $"Region {region.Key} has a quota for any track and quotas per track; give it one or the other.", nameof(quotas));
                }
                byRegion[region.Key] = indexes;
            }
        }

        public IReadOnlyList<Quota> Quotas { get; }

        public long TotalSeats { get; }

        /// <summary>Per track, its quotas in region-code order.</summary>
        public Dictionary<long, List<int>> Tracks { get; } = [];

        /// <summary>The any-track quotas in region-code order.</summary>
        public List<int> AnyTrack { get; } = [];

        public Quota this[int index] => Quotas[index];

        public int[] Sizes() => [.. Quotas.Select(q => q.Size)];

        /// <summary>The quota that takes an applicant of <paramref name="region"/> in <paramref name="track"/>, or -1.</summary>
        public int Find(string region, long track) =>
            anyTrack.TryGetValue(region, out var any) ? any
            : byRegionTrack.TryGetValue((region, track), out var q) ? q
            : NoQuota;

        public int[] InRegion(string region) => byRegion.TryGetValue(region, out var q) ? q : [];
    }

    /// <summary>
    /// The first quota with a free seat, per track and overall. Seats are only ever taken, so each pointer only moves
    /// forward and a whole round costs one pass over the quotas.
    /// </summary>
    private sealed class QuotaPointers(QuotaTable table, int[] seatsLeft, IReadOnlySet<long> womenOnly)
    {
        private readonly Dictionary<long, int> trackAt = [];
        private int anyTrackAt;
        private int allAt;
        private int menAt;

        /// <summary>A free seat for <paramref name="track"/>: its own quotas by region code, then any-track quotas.</summary>
        public int NextForTrack(long track)
        {
            if (table.Tracks.TryGetValue(track, out var list))
            {
                var at = Advance(list, trackAt.GetValueOrDefault(track));
                trackAt[track] = at;
                if (at < list.Count)
                {
                    return list[at];
                }
            }
            anyTrackAt = Advance(table.AnyTrack, anyTrackAt);
            return anyTrackAt < table.AnyTrack.Count ? table.AnyTrack[anyTrackAt] : NoQuota;
        }

        /// <summary>The first free seat in region-code and track order; for a man, none of a women-only track.</summary>
        public int NextAny(bool openToMen)
        {
            var quotas = table.Quotas;
            if (!openToMen)
            {
                while (allAt < quotas.Count && seatsLeft[allAt] == 0)
                {
                    allAt++;
                }
                return allAt < quotas.Count ? allAt : NoQuota;
            }
            while (menAt < quotas.Count && (seatsLeft[menAt] == 0 || !OpenToMen(quotas[menAt])))
            {
                menAt++;
            }
            return menAt < quotas.Count ? menAt : NoQuota;
        }

        private bool OpenToMen(Quota quota) => quota.TrackId is not { } track || !womenOnly.Contains(track);

        private int Advance(List<int> list, int at)
        {
            while (at < list.Count && seatsLeft[list[at]] == 0)
            {
                at++;
            }
            return at;
        }
    }

    /// <summary>A sort key; compared as a value so the sort runs without a comparer delegate.</summary>
    private readonly record struct RankEntry(ulong Key, long Ticks, ulong Hash, long Id, int Index) : IComparable<RankEntry>
    {
        public int CompareTo(RankEntry y)
        {
            var x = this;
            var c = x.Key.CompareTo(y.Key);
            if (c != 0)
            {
                return c;
            }
            c = x.Ticks.CompareTo(y.Ticks);
            if (c != 0)
            {
                return c;
            }
            c = x.Hash.CompareTo(y.Hash);
            return c != 0 ? c : x.Id.CompareTo(y.Id);
        }
    }
}
