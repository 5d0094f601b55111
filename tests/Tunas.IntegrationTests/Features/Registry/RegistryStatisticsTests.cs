using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Features.Registry;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Registry;

/// <summary>An app of its own whose background upkeep is off, so that each test decides when statistics are taken.</summary>
public sealed class StatisticsApp : TunasFactory
{
    public StatisticsApp()
    {
        Settings["RegistryStatistics:Interval"] = "00:00:00";
    }
}

/// <summary>
/// The registry's planner statistics follow its size whichever way the persons came in: here through the API, with
/// no import and no restart after them (decision 0012).
/// </summary>
public sealed class RegistryStatisticsTests(StatisticsApp app) : IClassFixture<StatisticsApp>
{
    private static async Task AddPersonsAsync(HttpClient client, int from, int count)
    {
        for (var serial = from; serial < from + count; serial++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/persons", new
            {
                nik = "3572015203770" + serial.ToString("000", CultureInfo.InvariantCulture),
                fullName = "Statistika Warga " + (char)('A' + serial),
                birthPlace = "Blitar",
                address = "Jl. Mawar 3",
                rt = "1",
                rw = "2",
                villageCode = TunasFactory.OperatorVillage,
                welfareDecile = 3,
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
    }

    private async Task<IReadOnlyList<string>> RefreshAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RegistryStatistics>().RefreshIfStaleAsync();
    }

    private async Task<long?> RecordedAsync(string table)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RegistryStatistics>().RecordedRowsAsync(table);
    }

    [Fact]
    public async Task PersonsAddedThroughTheApiGetStatisticsOnceAndAFreshRegistryIsLeftAlone()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        await AddPersonsAsync(client, 1, 4);

        var first = await RefreshAsync();

        Assert.Contains("Persons", first);
        Assert.Contains("PersonNameTokens", first);
        Assert.Equal(4, await RecordedAsync("Persons"));
        Assert.Empty(await RefreshAsync());

        // Twice the persons: the statistics taken at four no longer describe the table.
        await AddPersonsAsync(client, 5, 4);
        Assert.Contains("Persons", await RefreshAsync());
        Assert.Equal(8, await RecordedAsync("Persons"));
        Assert.Empty(await RefreshAsync());
    }
}
