using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tunas.Web.Infrastructure;

namespace Tunas.UnitTests.Infrastructure;

/// <summary>Which database errors pass by waiting (issue 11): the intake answers 503 for them and an import pauses.</summary>
public sealed class DatabaseFaultsTests
{
    [Theory]
    [InlineData(13, 13, DatabaseFault.DiskFull)]
    [InlineData(8, 1032, DatabaseFault.ReadOnly)]       // SQLITE_READONLY_DBMOVED
    [InlineData(10, 3338, DatabaseFault.DiskFull)]      // SQLITE_IOERR_NOSPC
    [InlineData(10, 1034, DatabaseFault.Unreachable)]   // SQLITE_IOERR_FSYNC
    [InlineData(14, 14, DatabaseFault.Unreachable)]
    [InlineData(5, 5, DatabaseFault.Busy)]
    [InlineData(19, 2067, DatabaseFault.None)]          // a unique key: the data's, not the disk's
    [InlineData(11, 11, DatabaseFault.None)]            // a corrupt file does not heal by waiting
    [InlineData(1, 1, DatabaseFault.None)]
    public void SqliteErrorsAreClassifiedByTheirPrimaryCode(int code, int extended, DatabaseFault expected) =>
        Assert.Equal(expected, DatabaseFaults.Classify(new SqliteException("uji", code, extended)));

    [Theory]
    [InlineData("53100", DatabaseFault.DiskFull)]
    [InlineData("53300", DatabaseFault.Busy)]            // too_many_connections
    [InlineData("53200", DatabaseFault.Busy)]            // out_of_memory
    [InlineData("08006", DatabaseFault.Unreachable)]
    [InlineData("57P01", DatabaseFault.Unreachable)]     // admin_shutdown
    [InlineData("57P03", DatabaseFault.Unreachable)]     // cannot_connect_now
    [InlineData("25006", DatabaseFault.ReadOnly)]        // a hot standby
    [InlineData("40001", DatabaseFault.Busy)]
    [InlineData("57014", DatabaseFault.Busy)]            // a statement timeout
    [InlineData("23505", DatabaseFault.None)]            // unique_violation
    [InlineData("28P01", DatabaseFault.None)]            // a wrong password does not pass by waiting
    [InlineData("42P01", DatabaseFault.None)]
    public void PostgresErrorsAreClassifiedBySqlState(string state, DatabaseFault expected) =>
        Assert.Equal(expected, DatabaseFaults.Classify(new PostgresException("uji", "ERROR", "ERROR", state)));

    [Fact]
    public void ABrokenConnectionToPostgresIsUnreachableAndATimeoutIsBusy()
    {
        Assert.Equal(DatabaseFault.Unreachable, DatabaseFaults.Classify(new NpgsqlException("uji", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.Equal(DatabaseFault.Busy, DatabaseFaults.Classify(new NpgsqlException("uji", new TimeoutException())));
    }

    [Fact]
    public void AFaultWrappedByEntityFrameworkIsFound()
    {
        var wrapped = new DbUpdateException("uji", new SqliteException("full", 13, 13));

        Assert.True(DatabaseFaults.IsPassing(wrapped));
        Assert.Equal(DatabaseFaults.DiskFullMessage, DatabaseFaults.Message(DatabaseFaults.Classify(wrapped)));
    }

    [Fact]
    public void AFullDiskOrARefusedSocketOutsideTheDriverIsPassingAndSaidInPlainWords()
    {
        Assert.Equal(DatabaseFaults.UnreachableMessage, DatabaseFaults.PassingCause(new SocketException((int)SocketError.ConnectionRefused)));
        Assert.Equal(DatabaseFaults.DiskFullMessage, DatabaseFaults.PassingCause(new IOException("No space left on device", 28)));
        Assert.Null(DatabaseFaults.PassingCause(new IOException("the file is not a spreadsheet")));
        Assert.Null(DatabaseFaults.PassingCause(null));
    }

    [Fact]
    public void OtherErrorsAreNotPassing()
    {
        Assert.False(DatabaseFaults.IsPassing(new InvalidOperationException("uji")));
        Assert.False(DatabaseFaults.IsPassing(null));
    }

    [Fact]
    public void WriteFaultsAreSetByAPassingFaultOnlyAndClearedByAGoodWrite()
    {
        var faults = new WriteFaults(TimeProvider.System);

        Assert.False(faults.Report(new InvalidOperationException("uji")));
        Assert.Null(faults.Current);
        Assert.True(faults.Report(new SqliteException("full", 13, 13)));
        Assert.Equal(DatabaseFault.DiskFull, faults.Current?.Cause);
        faults.Succeeded();
        Assert.Null(faults.Current);
    }
}
