using Tunas.Web.Features.Impact;

namespace Tunas.UnitTests.Features.Impact;

/// <summary>The order-statistic interval of a difference of medians (decision 0036), by hand and against the bootstrap.</summary>
public sealed class MedianIntervalTests
{
    [Fact]
    public void TheOrderStatisticIntervalIsTheHandWorkedOne()
    {
        // a = 1..9: c = round(5 - 1.96 × 3 / 2) = 2, so the 2nd and 8th values, 2 and 8: SE = 6 / 3.92.
        // b = 10, 20, 30, 40: c = round(2.5 - 1.96) = 1, the ends 10 and 40: SE = 30 / 3.92. Medians 5 and 25.
        long[] a = [1, 2, 3, 4, 5, 6, 7, 8, 9];
        long[] b = [10, 20, 30, 40];
        var se = Math.Sqrt(Math.Pow(6 / 3.92, 2) + Math.Pow(30 / 3.92, 2));

        var (d, low, high) = Stats.OrderStatisticMedianDifference(a, b)!.Value;

        Assert.Equal(-20, d);
        Assert.Equal(-20 - (1.96 * se), low, 9);
        Assert.Equal(-20 + (1.96 * se), high, 9);
        Assert.Equal(6 / 3.92, Stats.MedianStandardError(a), 12);
        Assert.Null(Stats.OrderStatisticMedianDifference([], b));
    }

    [Fact]
    public void OnLargeGroupsItAgreesWithTheBootstrap()
    {
        // Skewed incomes, as the survey's are: most small, a few large. A fixed generator: the same values every run.
#pragma warning disable CA5394
        var random = new Random(36);
        long[] Incomes(int n, double scale) => [.. Enumerable.Range(0, n).Select(_ => (long)(scale * Math.Exp(random.NextDouble() * 2.5))).Order()];
#pragma warning restore CA5394
        var a = Incomes(3_000, 400_000);
        var b = Incomes(2_000, 350_000);

        var boot = Stats.MedianDifference(a, b)!.Value;
        var os = Stats.OrderStatisticMedianDifference(a, b)!.Value;

        Assert.Equal(boot.Difference, os.Difference);
        var width = boot.High - boot.Low;
        Assert.InRange(os.High - os.Low, width * 0.8, width * 1.25);
        Assert.InRange(os.Low, boot.Low - (width * 0.15), boot.Low + (width * 0.15));
        Assert.InRange(os.High, boot.High - (width * 0.15), boot.High + (width * 0.15));
    }

    [Fact]
    public void AboveTheBootstrapsLimitTheDashboardTakesTheOrderStatisticInterval()
    {
        long[] small = [.. Enumerable.Range(1, 400).Select(i => (long)i * 1_000)];
        long[] large = [.. Enumerable.Range(1, BootstrapMemo.BootstrapUpTo).Select(i => (long)i * 900)];

        Assert.Equal(Stats.MedianDifference(small, small[..300]), BootstrapMemo.MedianDifference(small, small[..300]));
        Assert.Equal(Stats.OrderStatisticMedianDifference(small, large), BootstrapMemo.MedianDifference(small, large));
    }
}
