using Tunas.Web.Features.Impact;

namespace Tunas.UnitTests.Features.Impact;

/// <summary>The remembered bootstrap interval is always the one drawn afresh from the same values (decision 0029).</summary>
public sealed class BootstrapMemoTests
{
    [Fact]
    public void TheSameValuesGiveTheFreshIntervalAndAChangedValueGivesItsOwn()
    {
        long[] a = [.. Enumerable.Range(1, 301).Select(i => (long)(i * 1_000))];
        long[] b = [.. Enumerable.Range(1, 200).Select(i => (long)(i * 900))];

        Assert.Equal(Stats.MedianDifference(a, b), BootstrapMemo.MedianDifference(a, b));
        Assert.Equal(Stats.MedianDifference(a, b), BootstrapMemo.MedianDifference(a, b));

        // One answer changed: a new key, so a new draw, equal to the fresh one and not to the remembered one.
        long[] changed = [.. a];
        changed[^1] = 10_000_000;
        changed[150] = 150_500;
        Array.Sort(changed);
        Assert.Equal(Stats.MedianDifference(changed, b), BootstrapMemo.MedianDifference(changed, b));
        Assert.NotEqual(Stats.MedianDifference(a, b), BootstrapMemo.MedianDifference(changed, b));

        // A value moved from one group to the other is another pair of groups too.
        Assert.Equal(Stats.MedianDifference(a[..^1], [.. b, a[^1]]), BootstrapMemo.MedianDifference(a[..^1], [.. b, a[^1]]));
        Assert.Null(BootstrapMemo.MedianDifference([], b));
    }
}
