using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tunas.Web.Features.Registry.Bulk;

namespace Tunas.UnitTests.Features.Registry.Bulk;

/// <summary>The classifier on both providers' errors, whichever database the machine has.</summary>
public sealed class WriteConflictsTests
{
    [Theory]
    [InlineData(19, 2067, WriteConflict.UniqueKey)] // UNIQUE constraint failed
    [InlineData(19, 1555, WriteConflict.UniqueKey)] // PRIMARY KEY constraint failed
    [InlineData(5, 5, WriteConflict.Busy)]
    [InlineData(6, 6, WriteConflict.Busy)]
    [InlineData(19, 787, WriteConflict.None)] // FOREIGN KEY constraint failed
    [InlineData(19, 1299, WriteConflict.None)] // NOT NULL constraint failed
    [InlineData(1, 1, WriteConflict.None)]
    public void SqliteErrorsAreClassified(int code, int extended, WriteConflict expected) =>
        Assert.Equal(expected, WriteConflicts.Classify(new SqliteException("error", code, extended)));

    [Theory]
    [InlineData(PostgresErrorCodes.UniqueViolation, WriteConflict.UniqueKey)]
    [InlineData(PostgresErrorCodes.DeadlockDetected, WriteConflict.Busy)]
    [InlineData(PostgresErrorCodes.SerializationFailure, WriteConflict.Busy)]
    [InlineData(PostgresErrorCodes.ForeignKeyViolation, WriteConflict.None)]
    [InlineData(PostgresErrorCodes.NotNullViolation, WriteConflict.None)]
    public void PostgresErrorsAreClassified(string state, WriteConflict expected) =>
        Assert.Equal(expected, WriteConflicts.Classify(Postgres(state)));

    [Fact]
    public void AConcurrentWriterSeenByTheBulkPathIsAConflictAndOtherErrorsAreNot()
    {
        Assert.Equal(WriteConflict.UniqueKey, WriteConflicts.Classify(new ConcurrentWriteException()));
        Assert.Equal(WriteConflict.None, WriteConflicts.Classify(new InvalidOperationException("not a database error")));
    }

    [Fact]
    public void AConflictWrappedByEntityFrameworkIsStillAConflict()
    {
        var wrapped = new DbUpdateException("An error occurred while saving.", Postgres(PostgresErrorCodes.UniqueViolation));

        Assert.Equal(WriteConflict.UniqueKey, WriteConflicts.Classify(wrapped));
        Assert.True(WriteConflicts.IsConflict(new DbUpdateException("x", new SqliteException("UNIQUE constraint failed", 19, 2067))));
        Assert.False(WriteConflicts.IsConflict(null));
    }

    [Fact]
    public void TheLogLineNamesTheCodeNeverTheValues()
    {
        var error = new DbUpdateException("x", new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR",
            PostgresErrorCodes.UniqueViolation, detail: "Key (\"AgencyId\", \"Nik\")=(1, 3572015505901101) already exists."));

        var line = WriteConflicts.Describe(error);

        Assert.StartsWith("PostgreSQL 23505", line, StringComparison.Ordinal);
        Assert.DoesNotContain("3572015505901101", line, StringComparison.Ordinal);
    }

    private static PostgresException Postgres(string state) => new("error", "ERROR", "ERROR", state);
}
