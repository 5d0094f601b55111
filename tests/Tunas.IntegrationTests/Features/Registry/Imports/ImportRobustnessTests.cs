using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry.Imports;
using Tunas.Web.Infrastructure;
using static Tunas.IntegrationTests.Features.Registry.Imports.ImportFiles;

namespace Tunas.IntegrationTests.Features.Registry.Imports;

[Collection(ImportsAppGroup.Name)]
public sealed class ImportRobustnessTests(ImportsApp app)
{
    private static readonly ImportActor Tester = new(null, "test", null);

    private static byte[] File(IEnumerable<(string Nik, DateOnly Birth, bool Female)> people, Func<int, string>? card = null) =>
        Csv(string.Join("\r\n", ["NIK,NO_KK,NAMA,TGL_LAHIR,KELURAHAN,SHDK",
            .. people.Select((p, i) => $"{p.Nik},{card?.Invoke(i)},Warga {p.Nik[^4..]},{Date(p.Birth)},Kauman,{(i % 3 == 0 ? "Kepala Keluarga" : "Anak")}")]),
            new UTF8Encoding(false));

    private async Task<Guid> JobAsync(byte[] content, string name)
    {
        using var scope = app.Services.CreateScope();
        await using var stream = new MemoryStream(content);
        var created = await scope.ServiceProvider.GetRequiredService<ImportUploads>()
            .CreateAsync(stream, name, content.Length, null, null, Tester, awaitMapping: false);
        Assert.Null(created.Refusal);
        return created.Job!.Id;
    }

    private async Task<ImportJob?> RunAsync(Guid id, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ImportRunner>().RunAsync(id, progress, ct);
    }

    private async Task<T> DbAsync<T>(Func<TunasDb, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<TunasDb>());
    }

    [Fact]
    public async Task AnInterruptedImportKeepsItsCommittedBatchesAndContinuesWhereItStoppedAfterARestart()
    {
        var people = Enumerable.Range(0, 8).Select(_ => NewNik()).ToList();
        var niks = people.Select(p => p.Nik).ToList();
        var id = await JobAsync(File(people), "terputus.csv");
        using var stop = new CancellationTokenSource();

        // The process "dies" right after the first batch was committed.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunAsync(id, new StopAfterFirstBatch(stop), stop.Token));

        var interrupted = await DbAsync(db => db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == id));
        Assert.Equal((ImportStatus.Running, ImportsApp.BatchSize, ImportsApp.BatchSize), (interrupted.Status, interrupted.ProcessedRows, interrupted.Inserted));
        Assert.Equal(ImportsApp.BatchSize, await DbAsync(db => db.Persons.CountAsync(p => niks.Contains(p.Nik))));

        // At start-up the worker queues the job again; it goes on after the committed batch.
        await app.Services.GetRequiredService<ImportWorker>().ResumeUnfinishedAsync(CancellationToken.None);
        var job = await WaitAsync(await app.ApiClientAsync(Roles.Administrator), id);

        Assert.Equal(("completed", 8, 8, 8, 0), (job.GetProperty("status").GetString(), Count(job, "processedRows"), Count(job, "totalRows"), Count(job, "inserted"), Count(job, "unchanged")));
        Assert.Equal(8, await DbAsync(db => db.Persons.CountAsync(p => niks.Contains(p.Nik))));

        // Running the whole file again is harmless: everything is already there.
        var again = await RunAsync(await JobAsync(File(people), "terputus.csv"));
        Assert.Equal((ImportStatus.Completed, 0, 8), (again!.Status, again.Inserted, again.Unchanged));
    }

    [Fact]
    public async Task TwoImportsOfOverlappingFilesAtTheSameTimeStoreEachPersonAndFamilyCardOnce()
    {
        // Both files start with the same 30 people (10 family cards), so both jobs write the same NIKs at the same moment.
        var people = Enumerable.Range(0, 90).Select(i => NewNik(i % 2 == 1)).ToList();
        var niks = people.Select(p => p.Nik).ToList();
        string Card(int person) => "35720101012" + people[person - (person % 3)].Nik[^5..];
        var inFirst = Enumerable.Range(0, 60).ToList();
        var inSecond = Enumerable.Range(0, 30).Concat(Enumerable.Range(60, 30)).ToList();
        var first = await JobAsync(File(inFirst.Select(i => people[i]), i => Card(inFirst[i])), "rt01.csv");
        var second = await JobAsync(File(inSecond.Select(i => people[i]), i => Card(inSecond[i])), "rt02.csv");

        var jobs = await Task.WhenAll(Task.Run(() => RunAsync(first)), Task.Run(() => RunAsync(second)));

        Assert.All(jobs, j => Assert.Equal((ImportStatus.Completed, 60, 0, 0), (j!.Status, j.Inserted + j.Unchanged, j.Updated, j.Rejected)));
        Assert.Equal(90, jobs.Sum(j => j!.Inserted));
        Assert.Equal(90, await DbAsync(db => db.Persons.CountAsync(p => niks.Contains(p.Nik))));
        var cards = Enumerable.Range(0, 30).Select(i => Card(i * 3)).ToList();
        Assert.Equal(30, await DbAsync(db => db.Households.CountAsync(h => cards.Contains(h.FamilyCardNumber))));
        Assert.Equal(30, await DbAsync(db => db.Households.CountAsync(h => cards.Contains(h.FamilyCardNumber) && h.HeadPersonId != null)));
        Assert.Equal(90, await DbAsync(db => db.Persons.CountAsync(p => niks.Contains(p.Nik) && p.HouseholdId != null)));
    }

    [Fact]
    public async Task TheCommandLineImportsAFileInPlaceAndPrintsTheCounts()
    {
        var path = Path.Combine(Path.GetTempPath(), "tunas-cli-" + Guid.NewGuid().ToString("N")[..8] + ".csv");
        await System.IO.File.WriteAllBytesAsync(path, File(Enumerable.Range(0, 4).Select(_ => NewNik())));
        try
        {
            using var scope = app.Services.CreateScope();
            var output = new StringWriter();

            var exit = await ImportPersonsCommand.RunAsync(CommandLine.Parse(["import", "persons", path, "--regency", "35.72"]), scope.ServiceProvider, output);
            var refused = await ImportPersonsCommand.RunAsync(CommandLine.Parse(["import", "persons", path + ".missing.csv"]), scope.ServiceProvider, output);

            Assert.Equal((0, 2), (exit, refused));
            Assert.Contains("4 inserted, 0 updated, 0 unchanged, 0 rejected", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("100%", output.ToString(), StringComparison.Ordinal);
            Assert.True(System.IO.File.Exists(path), "The user's own file stays where it is.");
            Assert.Equal(ImportActor.CommandLineName, await DbAsync(db => db.ImportJobs.Where(j => j.FileName == Path.GetFileName(path)).Select(j => j.CreatedByName).SingleAsync()));
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    /// <summary>Stands in for a process killed after its first committed batch.</summary>
    private sealed class StopAfterFirstBatch(CancellationTokenSource stop) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => stop.Cancel();
    }
}
