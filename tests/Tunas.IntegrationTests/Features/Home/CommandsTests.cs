using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Home;

/// <summary>Every command-line word reaches the feature that runs it (a command nobody registered used to do nothing and exit 0).</summary>
[Collection(SharedApp.Name)]
public sealed class CommandsTests(TunasFactory app)
{
    public static TheoryData<CommandName> Commands() => [.. Enum.GetValues<CommandName>().Where(c => c != CommandName.Serve)];

    [Theory]
    [MemberData(nameof(Commands))]
    public void EveryCommandHasExactlyOneHandler(CommandName name)
    {
        using var scope = app.Services.CreateScope();

        var handlers = scope.ServiceProvider.GetServices<IAppCommand>().Where(c => c.Name == name).ToList();

        Assert.Single(handlers);
    }

    [Fact]
    public async Task AnImportFromTheCommandLineImportsTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tunas-command-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, "NIK;NO_KK;NAMA_LENGKAP;JK;TGL_LAHIR;KELURAHAN\n3572014505880003;3572010101200003;SRI WAHYUNI;P;05/05/1988;Kauman\n");
        try
        {
            var exit = await CommandLine.RunAsync(CommandLine.Parse(["import", "persons", path, "--regency", "35.72"]), app.Services);

            Assert.Equal(0, exit);
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<Tunas.Web.Data.TunasDb>();
            Assert.True(db.Persons.Any(p => p.Nik == "3572014505880003"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
