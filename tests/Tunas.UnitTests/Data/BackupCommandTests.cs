using Tunas.Web.Data;

namespace Tunas.UnitTests.Data;

public class BackupCommandTests
{
    private static readonly DatabaseInfo Postgres =
        new(DatabaseProvider.Postgres, "Host=db.kota.test;Port=5433;Database=tunas;Username=tunas_app;Password=rahasia-sekali");

    [Fact]
    public async Task OnPostgresItPrintsThePgDumpAndPgRestoreCommandsWithoutThePasswordAndWritesNothing()
    {
        var file = Path.Combine(Path.GetTempPath(), $"tunas-{Guid.NewGuid():N}.dump");
        var output = new StringWriter();

        var exit = await BackupCommand.RunAsync(Postgres, file, force: false, output, TextWriter.Null);

        Assert.Equal(BackupCommand.UsePgDump, exit);
        var text = output.ToString();
        Assert.StartsWith("Basis data ini PostgreSQL", text, StringComparison.Ordinal);
        Assert.Contains($"pg_dump --host=db.kota.test --port=5433 --username=tunas_app --dbname=tunas --format=custom --file={file}", text, StringComparison.Ordinal);
        Assert.Contains("createdb --host=db.kota.test --port=5433 --username=tunas_app tunas_restored", text, StringComparison.Ordinal);
        Assert.Contains($"pg_restore --host=db.kota.test --port=5433 --username=tunas_app --dbname=tunas_restored --no-owner --exit-on-error --single-transaction {file}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("rahasia", text, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void AWordTheShellWouldSplitOrExpandIsQuoted()
    {
        var line = PostgresDump.ShellLine("pg_dump", ["--file=/srv/cadangan kota/$HOME.dump", "--dbname=it's"]);

        Assert.Equal("pg_dump '--file=/srv/cadangan kota/$HOME.dump' '--dbname=it'\\''s'", line);
    }
}
