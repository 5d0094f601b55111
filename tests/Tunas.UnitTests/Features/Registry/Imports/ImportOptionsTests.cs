using Tunas.Web.Features.Registry.Imports;

namespace Tunas.UnitTests.Features.Registry.Imports;

public class ImportOptionsTests
{
    [Fact]
    public void UnsetTheBatchIsLargerOnSqliteThanOnPostgres()
    {
        var options = new ImportOptions();

        Assert.Equal(8_000, options.BatchSizeFor(sqlite: true));
        Assert.Equal(5_000, options.BatchSizeFor(sqlite: false));
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    public void AConfiguredBatchSizeWinsOnBothDatabasesAndIsAtLeastOne(int configured, int used)
    {
        var options = new ImportOptions { BatchSize = configured };

        Assert.Equal(used, options.BatchSizeFor(sqlite: true));
        Assert.Equal(used, options.BatchSizeFor(sqlite: false));
    }
}
