using Tunas.Web.Features.Registry;

namespace Tunas.UnitTests.Features.Registry;

public class RegistryStatisticsTests
{
    [Theory]
    [InlineData(0, null)]
    [InlineData(0, 1_000L)]
    [InlineData(1_000_000, 1_000_000L)]
    [InlineData(1_400_000, 1_000_000L)]
    [InlineData(600_000, 1_000_000L)]
    public void StatisticsOfAboutTheTablesSizeOrOfAnEmptyTableAreCurrent(long rows, long? recorded) =>
        Assert.False(RegistryStatistics.IsStale(rows, recorded));

    [Theory]
    [InlineData(3, null)]
    [InlineData(1_000_000, null)]
    [InlineData(1_000_000, 0L)]
    [InlineData(1_000_000, 10L)]
    [InlineData(1_600_000, 1_000_000L)]
    [InlineData(400_000, 1_000_000L)]
    public void MissingStatisticsOrOnesTakenAtAnotherSizeAreStale(long rows, long? recorded) =>
        Assert.True(RegistryStatistics.IsStale(rows, recorded));
}
