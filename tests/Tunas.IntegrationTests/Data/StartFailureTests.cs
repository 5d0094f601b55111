using Tunas.IntegrationTests.Infrastructure;

namespace Tunas.IntegrationTests.Data;

/// <summary>
/// A database that cannot be opened at start-up ends the app with one plain sentence on stderr, Indonesian then
/// English, and a non-zero exit code, never a stack trace (issue 11).
/// </summary>
public sealed class StartFailureTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AReadOnlySqliteFileEndsWithOneSentence()
    {
        var folder = Directory.CreateTempSubdirectory("tunas-ro-");
        try
        {
            var file = Path.Combine(folder.FullName, "tunas.db");
            await File.WriteAllBytesAsync(file, []);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }
            // Root ignores the file's mode (CI containers run as root): SQLite is told to open it read-only, as it does
            // by itself when the file is not writable.
            await using var app = PublishedApp.Start(new Dictionary<string, string>
            {
                ["Database__Provider"] = "Sqlite",
                ["ConnectionStrings__Tunas"] = $"Data Source={file};Mode=ReadOnly",
            });

            var (code, stdout, stderr) = await app.ExitAsync(Within);

            AssertOneSentence(code, stdout, stderr, $"Basis data SQLite {file} hanya dapat dibaca", "is read-only");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ADataFolderThatCannotBeMadeEndsWithOneSentence()
    {
        // /proc takes no new folders, even from root.
        await using var app = PublishedApp.Start(new Dictionary<string, string>
        {
            ["Database__Provider"] = "Sqlite",
            ["Database__DataFolder"] = "/proc/tunas-data",
        });

        var (code, stdout, stderr) = await app.ExitAsync(Within);

        AssertOneSentence(code, stdout, stderr, "Basis data SQLite /proc/tunas-data/tunas.db tidak dapat dibuka", "cannot be opened");
    }

    [Fact]
    public async Task AnUnreachablePostgresEndsWithOneSentence()
    {
        var closed = PublishedApp.FreePort(); // free now: nothing listens there
        await using var app = PublishedApp.Start(new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Tunas"] = $"Host=127.0.0.1;Port={closed};Database=tunas;Username=tunas;Password=tunas;Timeout=5",
        });

        var (code, stdout, stderr) = await app.ExitAsync(Within);

        AssertOneSentence(code, stdout, stderr, $"PostgreSQL di 127.0.0.1:{closed} tidak dapat dihubungi", "cannot be reached");
    }

    [PostgresFact]
    public async Task AWrongPostgresPasswordEndsWithOneSentence()
    {
        var wrong = new Npgsql.NpgsqlConnectionStringBuilder(TunasFactory.PostgresBase) { Password = "bukan-kata-sandinya" };
        await using var app = PublishedApp.Start(new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Tunas"] = wrong.ConnectionString,
        });

        var (code, stdout, stderr) = await app.ExitAsync(Within);

        AssertOneSentence(code, stdout, stderr, $"menolak pengguna {wrong.Username}", "check the user name and password");
    }

    private static void AssertOneSentence(int code, string stdout, string stderr, string indonesian, string english)
    {
        Assert.True(code != 0, "exit code 0; stderr: " + stderr);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, "stderr is not one line:\n" + stderr);
        Assert.Contains(indonesian, lines[0], StringComparison.Ordinal);
        Assert.Contains(english, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", stdout + stderr, StringComparison.Ordinal);
    }
}
