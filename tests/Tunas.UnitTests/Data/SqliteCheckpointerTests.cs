using Tunas.Web.Data;

namespace Tunas.UnitTests.Data;

public sealed class SqliteCheckpointerTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=/srv/tunas/App_Data/tunas.db", true)]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:", false)]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=tests;Mode=Memory;Cache=Shared", false)]
    [InlineData(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=tunas", false)]
    public void OnlyASqliteFileHasALogToCheckpoint(DatabaseProvider provider, string connectionString, bool applies) =>
        Assert.Equal(applies, SqliteCheckpointer.Applies(new DatabaseInfo(provider, connectionString)));
}
