using Microsoft.Data.Sqlite;
using Tunas.Web.Data;

namespace Tunas.UnitTests.Data;

public sealed class SqliteCheckpointerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tunas-checkpoint-").FullName;

    private string File => Path.Combine(_folder, "t.db");

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = File, Pooling = false }.ToString();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=/srv/tunas/App_Data/tunas.db", true)]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:", false)]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=tests;Mode=Memory;Cache=Shared", false)]
    [InlineData(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=tunas", false)]
    public void OnlyASqliteFileHasALogToCheckpoint(DatabaseProvider provider, string connectionString, bool applies) =>
        Assert.Equal(applies, SqliteCheckpointer.Applies(new DatabaseInfo(provider, connectionString)));

    [Fact]
    public async Task ALogBelowTheLimitIsCopiedButKept()
    {
        await using var writer = await OpenWithRowsAsync(100);
        await using var checkpointer = await OpenAsync();

        var outcome = await SqliteCheckpointer.CheckpointAsync(checkpointer, resetFrames: 100_000, CancellationToken.None);

        Assert.False(outcome.Emptied);
        Assert.True(outcome.LogFrames > 0);
        Assert.Equal(outcome.LogFrames, outcome.CopiedFrames);
        Assert.True(new FileInfo(File + "-wal").Length > 0);
    }

    [Fact]
    public async Task ALogPastTheLimitIsEmptiedAndEveryRowKept()
    {
        await using var writer = await OpenWithRowsAsync(100);
        await using var checkpointer = await OpenAsync();

        var outcome = await SqliteCheckpointer.CheckpointAsync(checkpointer, resetFrames: 10, CancellationToken.None);

        Assert.True(outcome.Emptied);
        Assert.Equal(0, outcome.LogFrames);
        Assert.Equal(0, new FileInfo(File + "-wal").Length);
        Assert.Equal(100, await CountAsync(writer));
    }

    /// <summary>Under steady reads a passive checkpoint never starts the log over; a reader inside it holds it only until it leaves.</summary>
    [Fact]
    public async Task AReaderInsideTheLogDelaysTheEmptyingWithoutAnErrorAndTheNextCheckpointEmptiesIt()
    {
        await using var writer = await OpenWithRowsAsync(50);
        await using var reader = await OpenAsync();
        await using var read = reader.BeginTransaction(deferred: true);
        Assert.Equal(50, await CountAsync(reader, read));
        await InsertAsync(writer, 50, 50);
        await using var checkpointer = await OpenAsync();

        var held = await SqliteCheckpointer.CheckpointAsync(checkpointer, resetFrames: 10, CancellationToken.None);

        Assert.False(held.Emptied);
        Assert.True(new FileInfo(File + "-wal").Length > 0);
        Assert.Equal(50, await CountAsync(reader, read));

        await read.CommitAsync();
        var emptied = await SqliteCheckpointer.CheckpointAsync(checkpointer, resetFrames: 10, CancellationToken.None);

        Assert.True(emptied.Emptied);
        Assert.Equal(0, new FileInfo(File + "-wal").Length);
        Assert.Equal(100, await CountAsync(writer));
    }

    [Fact]
    public async Task BetweenAWritersBatchesTheLogIsLeftToTheBackgroundBelowItsLimitAndEmptiedPastItAndAnInMemoryDatabaseIsLeftAlone()
    {
        await using var writer = await OpenWithRowsAsync(20);
        var before = new FileInfo(File + "-wal").Length;

        var below = await SqliteCheckpointer.CheckpointBetweenWritesAsync(ConnectionString, SqliteCheckpointer.LongWriterResetBytes, CancellationToken.None);

        Assert.Null(below);
        Assert.Equal(before, new FileInfo(File + "-wal").Length);
        Assert.Null(await SqliteCheckpointer.CheckpointBetweenWritesAsync("Data Source=:memory:", 10, CancellationToken.None));
        var emptied = await SqliteCheckpointer.CheckpointBetweenWritesAsync(ConnectionString, 10, CancellationToken.None);
        Assert.True(emptied!.Value.Emptied);
        Assert.Equal(0, new FileInfo(File + "-wal").Length);
        Assert.Equal(20, await CountAsync(writer));
    }

    /// <summary>
    /// The app's own connections start the log over at <see cref="SqliteCheckpointer.WriterCheckpointFrames"/>, below
    /// the background's emptying limit: many small commits with no checkpointer running leave a log file no larger.
    /// </summary>
    [Fact]
    public async Task TheAppsConnectionsStartTheLogOverThemselvesBeforeItNeedsEmptying()
    {
        Assert.True(SqliteCheckpointer.WriterCheckpointFrames < SqliteCheckpointer.ResetFrames);
        await using var connection = await OpenAsync();
        SqlitePragmas.Apply(connection);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL);";
            await command.ExecuteNonQueryAsync();
            command.CommandText = "PRAGMA wal_autocheckpoint;";
            Assert.Equal((long)SqliteCheckpointer.WriterCheckpointFrames, (long)(await command.ExecuteScalarAsync())!);
        }
        var rows = SqliteCheckpointer.WriterCheckpointFrames * 3 / 2;

        // One commit per row and a 3,000-byte row: at least a frame per commit, so half as many frames again as the limit.
        for (var i = 0; i < rows; i++)
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO t (id, body) VALUES ($id, $body)";
            insert.Parameters.AddWithValue("$id", i);
            insert.Parameters.AddWithValue("$body", new string('x', 3000));
            await insert.ExecuteNonQueryAsync();
        }

        const int frameBytes = 24 + 4096;
        Assert.InRange(new FileInfo(File + "-wal").Length, 1, 32 + ((SqliteCheckpointer.WriterCheckpointFrames + 10L) * frameBytes));
        Assert.Equal(rows, await CountAsync(connection));
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task<SqliteConnection> OpenWithRowsAsync(int rows)
    {
        var connection = await OpenAsync();
        await using (var command = connection.CreateCommand())
        {
            // A small page and no automatic checkpoint: every frame stays in the log until the checkpointer copies it.
            command.CommandText = "PRAGMA page_size=1024; PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL);";
            await command.ExecuteNonQueryAsync();
        }
        await InsertAsync(connection, 0, rows);
        return connection;
    }

    private static async Task InsertAsync(SqliteConnection connection, int from, int rows)
    {
        for (var i = from; i < from + rows; i++)
        {
            // One transaction each: a frame or more per row.
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO t (id, body) VALUES ($id, $body)";
            command.Parameters.AddWithValue("$id", i);
            command.Parameters.AddWithValue("$body", new string('x', 600));
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<long> CountAsync(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM t";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
