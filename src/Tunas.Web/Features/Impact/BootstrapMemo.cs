using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Tunas.Web.Features.Impact;

/// <summary>
/// <see cref="Stats.MedianDifference"/> remembered by its exact inputs (decision 0029). The bootstrap's fixed seed makes
/// it a pure function of the two groups' values, and it costs a thousand redraws of each group (seconds for 50,000
/// answers), while the follow-up answers change a few times a day. The key is a SHA-256 of both sorted groups, so
/// any changed, added or removed answer gives a new key and the interval is drawn afresh at that very request: the
/// memory never answers for data it was not computed from.
/// </summary>
public static class BootstrapMemo
{
    /// <summary>Enough for every filter in use at once; beyond it the memory starts over (a redraw costs time, never a wrong figure).</summary>
    public const int MaxEntries = 256;

    private static readonly ConcurrentDictionary<string, (double Difference, double Low, double High)?> Known = new(StringComparer.Ordinal);

    /// <summary>
    /// Up to this many answers in both groups together, the bootstrap (decision 0028); above, the order-statistic
    /// interval (decision 0036): a redraw of 1,000 answers 1,000 times costs a few milliseconds, of 50,000 seconds.
    /// </summary>
    public const int BootstrapUpTo = 1_000;

    public static (double Difference, double Low, double High)? MedianDifference(long[] sortedA, long[] sortedB)
    {
        ArgumentNullException.ThrowIfNull(sortedA);
        ArgumentNullException.ThrowIfNull(sortedB);
        if (sortedA.Length + sortedB.Length > BootstrapUpTo)
        {
            return Stats.OrderStatisticMedianDifference(sortedA, sortedB);
        }
        var key = Key(sortedA, sortedB);
        if (Known.TryGetValue(key, out var known))
        {
            return known;
        }
        var result = Stats.MedianDifference(sortedA, sortedB);
        if (Known.Count >= MaxEntries)
        {
            Known.Clear();
        }
        Known[key] = result;
        return result;
    }

    private static string Key(long[] a, long[] b)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // The lengths first: a value moved from one group to the other gives other bytes.
        hash.AppendData(BitConverter.GetBytes(a.LongLength));
        hash.AppendData(MemoryMarshal.AsBytes(a.AsSpan()));
        hash.AppendData(BitConverter.GetBytes(b.LongLength));
        hash.AppendData(MemoryMarshal.AsBytes(b.AsSpan()));
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
