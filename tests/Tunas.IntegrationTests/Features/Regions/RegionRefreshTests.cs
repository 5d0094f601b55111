using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Features.Regions;

namespace Tunas.IntegrationTests.Features.Regions;

/// <summary>
/// Regions are answered from memory; an import by another process (here: another directory over the same
/// database, as the `regions import` command has) reaches this instance through the regions' version.
/// </summary>
public sealed class RegionRefreshTests : IAsyncLifetime
{
    // The timer is off: the test refreshes on demand, so nothing depends on timing.
    private readonly TunasFactory _app = new() { SeedRoleUsers = false, Settings = { ["Regions:RefreshSeconds"] = "0" } };

    public Task InitializeAsync() => ((IAsyncLifetime)_app).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    [Fact]
    public async Task AnImportElsewhereIsServedAfterTheNextRefresh()
    {
        var client = _app.CreateClient();
        Assert.Equal("Kauman", await NameAsync(client, "35.72.01.1004"));
        var before = await client.GetFromJsonAsync<JsonElement>("/api/v1/regions/stats");

        var regions = RegionFiles.Read(RegionFiles.DefaultFolder);
        regions.Single(r => r.Code == "35.72.01.1004").Name = "Kauman Baru";
        regions.Single(r => r.Code == "35.72.01.1004").SearchName = "kaumanbaru";
        regions.RemoveAll(r => r.Code == "35.72.03.1007");
        var version = await ImportElsewhereAsync(regions);

        var directory = _app.Services.GetRequiredService<RegionDirectory>();
        Assert.Equal("Kauman", await NameAsync(client, "35.72.01.1004"));
        Assert.True(await directory.RefreshAsync());
        Assert.Equal(version, (await directory.IndexAsync()).Version);

        Assert.Equal("Kauman Baru", await NameAsync(client, "35.72.01.1004"));
        var stats = await client.GetFromJsonAsync<JsonElement>("/api/v1/regions/stats");
        Assert.Equal(before.GetProperty("villages").GetInt32() - 1, stats.GetProperty("villages").GetInt32());
        var children = await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/regions/35.72.03/children");
        Assert.DoesNotContain(children!, c => c.GetProperty("code").GetString() == "35.72.03.1007");
        var hits = await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/regions?q=kauman%20baru");
        Assert.Contains(hits!, h => h.GetProperty("code").GetString() == "35.72.01.1004");
        Assert.False(await directory.RefreshAsync());
    }

    [Fact]
    public async Task ImportingTheSameRegionsAgainLeavesTheVersionAlone()
    {
        var directory = _app.Services.GetRequiredService<RegionDirectory>();
        var held = (await directory.IndexAsync()).Version;

        await ImportElsewhereAsync(RegionFiles.Read(RegionFiles.DefaultFolder));

        Assert.False(await directory.RefreshAsync());
        Assert.Equal(held, (await directory.IndexAsync()).Version);
    }

    /// <summary>Imports through a store whose directory is not the app's, so only the version tells the app.</summary>
    private async Task<long> ImportElsewhereAsync(List<Region> regions)
    {
        using var scope = _app.Services.CreateScope();
        using var elsewhere = ActivatorUtilities.CreateInstance<RegionDirectory>(scope.ServiceProvider);
        var store = ActivatorUtilities.CreateInstance<RegionStore>(scope.ServiceProvider, elsewhere);
        await store.ImportAsync(regions);
        return (await elsewhere.IndexAsync()).Version;
    }

    private static async Task<string?> NameAsync(HttpClient client, string code) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/regions/" + code)).GetProperty("name").GetString();
}
