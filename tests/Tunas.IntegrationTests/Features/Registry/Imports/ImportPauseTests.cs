using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry.Imports;
using Tunas.Web.Infrastructure;
using static Tunas.IntegrationTests.Features.Registry.Imports.ImportFiles;

namespace Tunas.IntegrationTests.Features.Registry.Imports;

/// <summary>A passing database error pauses an import instead of failing it (decision 0018).</summary>
public sealed class ImportPauseTests(PausingImportsApp app) : IClassFixture<PausingImportsApp>
{
    private static byte[] File(IReadOnlyList<(string Nik, DateOnly Birth, bool Female)> people, Func<int, bool> refused) =>
        Csv(string.Join("\r\n", ["NIK,NAMA,TGL_LAHIR,KELURAHAN",
            .. people.Select((p, i) => $"{p.Nik},Warga {p.Nik[^4..]},{Date(p.Birth)},{(refused(i) ? "Atlantis" : "Kauman")}")]),
            new UTF8Encoding(false));

    private async Task<T> DbAsync<T>(Func<TunasDb, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<TunasDb>());
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient client, Guid id, string status)
    {
        for (var i = 0; i < 300; i++)
        {
            var job = await client.GetFromJsonAsync<JsonElement>($"/api/v1/imports/{id}");
            if (job.GetProperty("status").GetString() == status)
            {
                return job;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Import {id} was not {status} within 30 s.");
    }

    [Fact]
    public async Task AFullDiskPausesTheImportWithItsCauseKeepsTheUploadAndTheImportEndsExactlyOnceTheDiskHasRoom()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var people = Enumerable.Range(0, 20).Select(_ => NewNik()).ToList();
        var niks = people.Select(p => p.Nik).ToList();
        app.Disk.Arm(allowBatches: 2);

        var response = await UploadAsync(client, File(people, i => i % 5 == 4), "disk-penuh.csv");
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var paused = await WaitForAsync(client, id, "paused");

        Assert.Equal("Penyimpanan data sedang penuh.", paused.GetProperty("pausedBecause").GetString());
        Assert.Equal(JsonValueKind.Null, paused.GetProperty("error").ValueKind);
        Assert.Equal(2 * ImportsApp.BatchSize, Count(paused, "processedRows"));
        Assert.Single(Directory.GetFiles(app.Folder, id.ToString("N") + ".*"));
        // The job is tried again every second while the disk is full: the page is read until it meets a pause.
        var pages = await app.PageClientAsync(Roles.ProgramOfficer);
        var page = "";
        for (var i = 0; i < 20 && !page.Contains("Dijeda: Penyimpanan data sedang penuh.", StringComparison.Ordinal); i++)
        {
            page = await pages.GetStringAsync($"/Registry/Imports/{id}");
        }
        Assert.Contains("Dijeda: Penyimpanan data sedang penuh.", page, StringComparison.Ordinal);

        app.Disk.Clear();
        var done = await WaitForAsync(client, id, "completed");

        Assert.Equal((20, 20, 16, 4, 0), (Count(done, "processedRows"), Count(done, "totalRows"), Count(done, "inserted"), Count(done, "rejected"), Count(done, "updated")));
        Assert.True(app.Disk.Refused >= 1);
        Assert.Equal(16, await DbAsync(db => db.Persons.CountAsync(p => niks.Contains(p.Nik))));
        Assert.Equal(4, await DbAsync(db => db.ImportRowErrors.CountAsync(e => e.ImportJobId == id)));
        Assert.Empty(Directory.GetFiles(app.Folder, id.ToString("N") + ".*"));
        var job = await DbAsync(db => db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == id));
        Assert.Equal((null, null, null), (job.LeaseOwner, job.LeaseUntil, job.PausedBecause));
    }
}
