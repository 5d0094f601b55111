using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Regions;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Regions;

/// <summary>`-- regions import &lt;folder&gt;` applies a new decree's files to a running registry (own database: it changes regions).</summary>
public sealed class RegionImportTests : IAsyncLifetime, IDisposable
{
    private readonly TunasFactory _app = new() { SeedRoleUsers = false };
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tunas-regions-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        foreach (var file in Directory.GetFiles(RegionFiles.DefaultFolder, "*.csv"))
        {
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        }
        return ((IAsyncLifetime)_app).InitializeAsync();
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ANewDecreeAddsRenamesAndRetiresCodesWithoutDeletingThem()
    {
        var villages = Path.Combine(_folder, "villages.csv");
        var lines = (await File.ReadAllLinesAsync(villages)).ToList();
        lines.RemoveAll(l => l.StartsWith("35.72.03.1007,", StringComparison.Ordinal));
        var kauman = lines.FindIndex(l => l.StartsWith("35.72.01.1004,", StringComparison.Ordinal));
        lines[kauman] = "35.72.01.1004,35.72.01,Kauman Baru";
        lines.Add("35.72.01.1008,35.72.01,Kelurahan Pemekaran");
        await File.WriteAllLinesAsync(villages, lines);

        var exit = await CommandLine.RunAsync(new Command(CommandName.RegionsImport, false, _folder, []), _app.Services);

        Assert.Equal(0, exit);
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        Assert.Equal("Kauman Baru", (await db.Regions.SingleAsync(r => r.Code == "35.72.01.1004")).Name);
        Assert.Equal("kaumanbaru", (await db.Regions.SingleAsync(r => r.Code == "35.72.01.1004")).SearchName);
        Assert.True((await db.Regions.SingleAsync(r => r.Code == "35.72.01.1008")).IsCurrent);
        var retired = await db.Regions.SingleAsync(r => r.Code == "35.72.03.1007");
        Assert.False(retired.IsCurrent);

        var client = _app.CreateClient();
        var stats = await client.GetFromJsonAsync<JsonElement>("/api/v1/regions/stats");
        Assert.Equal(83762, stats.GetProperty("villages").GetInt32());
        var children = await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/regions/35.72.03/children");
        Assert.DoesNotContain(children!, c => c.GetProperty("code").GetString() == "35.72.03.1007");
        Assert.Equal("Bendogerit", (await client.GetFromJsonAsync<JsonElement>("/api/v1/regions/35.72.03.1007")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task ImportingTheSameFilesAgainChangesNothing()
    {
        var exit = await CommandLine.RunAsync(new Command(CommandName.RegionsImport, false, _folder, []), _app.Services);

        Assert.Equal(0, exit);
        using var scope = _app.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<RegionStore>();
        var result = await store.ImportAsync(RegionFiles.Read(_folder));
        Assert.Equal(new RegionImportResult(0, 0, 0, 91_599), result);
    }

    [Fact]
    public async Task ABrokenFileIsRefusedWholeAndNothingChanges()
    {
        var villages = Path.Combine(_folder, "villages.csv");
        await File.AppendAllLinesAsync(villages, ["35.72.01.1009,35.72.01,Baik", "35.72.9.1,35.72.9,Rusak"]);

        var exit = await CommandLine.RunAsync(new Command(CommandName.RegionsImport, false, _folder, []), _app.Services);

        Assert.Equal(2, exit);
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        Assert.False(await db.Regions.AnyAsync(r => r.Code == "35.72.01.1009"));
    }
}
