using Tunas.Web.Data;

namespace Tunas.UnitTests.Data;

public class DatabaseSetupTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("Sqlite")]
    [InlineData("sqlite")]
    [InlineData("SQLITE")]
    [InlineData(" Sqlite ")]
    public void SqliteIsTheDefault(string? value)
    {
        Assert.Equal(DatabaseProvider.Sqlite, DatabaseSetup.ParseProvider(value));
    }

    [Theory]
    [InlineData("Postgres")]
    [InlineData("postgres")]
    [InlineData("PostgreSQL")]
    [InlineData("npgsql")]
    [InlineData("Npgsql")]
    public void PostgresHasSeveralNames(string value)
    {
        Assert.Equal(DatabaseProvider.Postgres, DatabaseSetup.ParseProvider(value));
    }

    [Fact]
    public void AnUnknownProviderIsRefusedWithTheAllowedValues()
    {
        var e = Assert.Throws<InvalidOperationException>(() => DatabaseSetup.ParseProvider("Oracle"));

        Assert.Contains("'Oracle'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'Sqlite'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'Postgres'", e.Message, StringComparison.Ordinal);
    }
}
