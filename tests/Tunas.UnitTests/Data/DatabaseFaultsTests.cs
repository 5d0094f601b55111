using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;
using Tunas.Web.Data;

namespace Tunas.UnitTests.Data;

/// <summary>Which database errors pause a job (they pass) and which fail it (the data's or the program's).</summary>
public class DatabaseFaultsTests
{
    public static TheoryData<string, string?> Sqlite => new()
    {
        { "13", DatabaseFaults.DiskFullMessage },
        { "3338", DatabaseFaults.DiskFullMessage }, // SQLITE_IOERR_NOSPC
        { "10", DatabaseFaults.StorageErrorMessage },
        { "8", DatabaseFaults.ReadOnlyMessage },
        { "14", DatabaseFaults.UnreachableMessage },
        { "5", DatabaseFaults.BusyMessage },
        { "19", null }, // a constraint: the data's own error
        { "1", null }, // an SQL error: the program's
    };

    [Theory]
    [MemberData(nameof(Sqlite))]
    public void SqliteErrorsAreToldApartByTheirCode(string code, string? cause)
    {
        var extended = int.Parse(code, System.Globalization.CultureInfo.InvariantCulture);
        var e = new SqliteException("error", extended & 0xFF, extended);

        Assert.Equal(cause, DatabaseFaults.PassingCause(e));
    }

    [Theory]
    [InlineData("53100", DatabaseFaults.DiskFullMessage)]
    [InlineData("08006", DatabaseFaults.UnreachableMessage)]
    [InlineData("57P01", DatabaseFaults.UnreachableMessage)]
    [InlineData("57P03", DatabaseFaults.UnreachableMessage)]
    [InlineData("25006", DatabaseFaults.ReadOnlyMessage)]
    [InlineData("53300", DatabaseFaults.BusyMessage)]
    [InlineData("23505", null)] // unique violation
    [InlineData("22001", null)] // value too long
    [InlineData("42P01", null)] // no such table
    public void PostgresErrorsAreToldApartByTheirSqlState(string state, string? cause)
    {
        var e = new PostgresException("error", "ERROR", "ERROR", state);

        Assert.Equal(cause, DatabaseFaults.PassingCause(e));
    }

    [Fact]
    public void ALostConnectionIsAPassingFaultEvenWrappedAndABugIsNot()
    {
        var lost = new NpgsqlException("Exception while reading from stream", new IOException("reset"));
        var wrapped = new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", lost);

        Assert.Equal(DatabaseFaults.UnreachableMessage, DatabaseFaults.PassingCause(wrapped));
        Assert.Equal(DatabaseFaults.UnreachableMessage, DatabaseFaults.PassingCause(new SocketException((int)SocketError.ConnectionRefused)));
        Assert.Equal(DatabaseFaults.DiskFullMessage, DatabaseFaults.PassingCause(new IOException("No space left on device", 28)));
        Assert.Null(DatabaseFaults.PassingCause(new InvalidOperationException("a bug")));
        Assert.Null(DatabaseFaults.PassingCause(new IOException("the file is not a spreadsheet")));
        Assert.Null(DatabaseFaults.PassingCause(null));
    }
}
