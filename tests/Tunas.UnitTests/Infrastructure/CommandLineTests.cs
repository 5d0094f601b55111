using Tunas.Web.Infrastructure;

namespace Tunas.UnitTests.Infrastructure;

public class CommandLineTests
{
    [Fact]
    public void NoArgumentsMeansServe()
    {
        var command = CommandLine.Parse([]);

        Assert.Equal(CommandName.Serve, command.Name);
        Assert.False(command.Demo);
        Assert.Null(command.Argument);
        Assert.Empty(command.HostArgs);
    }

    [Fact]
    public void OtherArgumentsPassThroughToTheHostInOrder()
    {
        var command = CommandLine.Parse(["--urls", "http://127.0.0.1:5099", "--Database:Provider=Sqlite"]);

        Assert.Equal(CommandName.Serve, command.Name);
        Assert.Equal(["--urls", "http://127.0.0.1:5099", "--Database:Provider=Sqlite"], command.HostArgs);
    }

    [Theory]
    [InlineData(new[] { "--demo" }, new string[0])]
    [InlineData(new[] { "--demo", "--urls", "http://127.0.0.1:5099" }, new[] { "--urls", "http://127.0.0.1:5099" })]
    [InlineData(new[] { "--urls", "http://127.0.0.1:5099", "--demo" }, new[] { "--urls", "http://127.0.0.1:5099" })]
    [InlineData(new[] { "--urls", "--demo", "http://127.0.0.1:5099" }, new[] { "--urls", "http://127.0.0.1:5099" })]
    public void DemoAnywhereTurnsDemoOnAndIsNotPassedToTheHost(string[] args, string[] hostArgs)
    {
        var command = CommandLine.Parse(args);

        Assert.Equal(CommandName.Serve, command.Name);
        Assert.True(command.Demo);
        Assert.Equal(hostArgs, command.HostArgs);
    }

    [Fact]
    public void MigrateIsACommand()
    {
        var command = CommandLine.Parse(["migrate", "--Database:Provider=Postgres"]);

        Assert.Equal(CommandName.Migrate, command.Name);
        Assert.False(command.Demo);
        Assert.Null(command.Argument);
        Assert.Equal(["--Database:Provider=Postgres"], command.HostArgs);
    }

    [Fact]
    public void DemoBeforeMigrateStillMigrates()
    {
        var command = CommandLine.Parse(["--demo", "migrate"]);

        Assert.Equal(CommandName.Migrate, command.Name);
        Assert.True(command.Demo);
        Assert.Empty(command.HostArgs);
    }

    [Fact]
    public void MigrateIsACommandOnlyAsTheFirstWord()
    {
        var command = CommandLine.Parse(["--urls", "migrate"]);

        Assert.Equal(CommandName.Serve, command.Name);
        Assert.Equal(["--urls", "migrate"], command.HostArgs);
    }

    [Fact]
    public void RegionsImportTakesTheFolder()
    {
        var command = CommandLine.Parse(["regions", "import", "/x", "--urls", "http://127.0.0.1:5099"]);

        Assert.Equal(CommandName.RegionsImport, command.Name);
        Assert.Equal("/x", command.Argument);
        Assert.Equal(["--urls", "http://127.0.0.1:5099"], command.HostArgs);
    }

    [Theory]
    [InlineData("regions")]
    [InlineData("regions import")]
    [InlineData("regions export x")]
    public void AnIncompleteOrUnknownRegionsCommandIsRefused(string args)
    {
        var e = Assert.Throws<ArgumentException>(() => CommandLine.Parse(args.Split(' ')));

        Assert.Contains("regions import", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportPersonsTakesTheFileAndTheRegency()
    {
        var command = CommandLine.Parse(["import", "persons", "/data/dtks.xlsx", "--regency", "35.05", "--urls", "http://127.0.0.1:5099"]);

        Assert.Equal(CommandName.ImportPersons, command.Name);
        Assert.Equal("/data/dtks.xlsx", command.Argument);
        Assert.Equal("35.05", command.Regency);
        Assert.Equal(["--urls", "http://127.0.0.1:5099"], command.HostArgs);
    }

    [Fact]
    public void ImportPersonsWithoutARegencyUsesTheAgencys()
    {
        var command = CommandLine.Parse(["import", "persons", "warga.csv"]);

        Assert.Equal(CommandName.ImportPersons, command.Name);
        Assert.Null(command.Regency);
        Assert.Empty(command.HostArgs);
    }

    [Theory]
    [InlineData("import")]
    [InlineData("import persons")]
    [InlineData("import households x.csv")]
    [InlineData("import persons --regency 35.72")]
    [InlineData("import persons x.csv --regency")]
    public void AnIncompleteImportCommandIsRefused(string args)
    {
        var e = Assert.Throws<ArgumentException>(() => CommandLine.Parse(args.Split(' ')));

        Assert.Contains("import persons", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UsersResetDemoPasswordsIsACommand()
    {
        var command = CommandLine.Parse(["users", "reset-demo-passwords", "--urls", "http://127.0.0.1:5099"]);

        Assert.Equal(CommandName.ResetDemoPasswords, command.Name);
        Assert.Equal(["--urls", "http://127.0.0.1:5099"], command.HostArgs);
    }

    [Fact]
    public void AnotherUsersWordIsRefusedWithTheUsage()
    {
        var e = Assert.Throws<ArgumentException>(() => CommandLine.Parse(["users", "reset"]));

        Assert.Contains("reset-demo-passwords", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("backup /srv/cadangan/tunas.db --urls x", false)]
    [InlineData("backup /srv/cadangan/tunas.db --force --urls x", true)]
    [InlineData("backup --force /srv/cadangan/tunas.db --urls x", true)]
    public void BackupTakesTheFileAndForce(string args, bool force)
    {
        var command = CommandLine.Parse(args.Split(' '));

        Assert.Equal(CommandName.Backup, command.Name);
        Assert.Equal("/srv/cadangan/tunas.db", command.Argument);
        Assert.Equal(force, command.Force);
        Assert.Equal(["--urls", "x"], command.HostArgs);
    }

    [Theory]
    [InlineData("backup")]
    [InlineData("backup --force")]
    [InlineData("backup --urls x")]
    public void ABackupWithoutAFileIsRefused(string args)
    {
        var e = Assert.Throws<ArgumentException>(() => CommandLine.Parse(args.Split(' ')));

        Assert.Contains("backup <file>", e.Message, StringComparison.Ordinal);
    }
}
