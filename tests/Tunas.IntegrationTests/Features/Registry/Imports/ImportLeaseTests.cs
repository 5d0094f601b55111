using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry.Imports;
using static Tunas.IntegrationTests.Features.Registry.Imports.ImportFiles;

namespace Tunas.IntegrationTests.Features.Registry.Imports;

/// <summary>An instance that runs no jobs itself (<c>Imports:RunJobs=false</c>): the tests play the instances.</summary>
public sealed class JoblessImportsApp : TunasFactory
{
    public JoblessImportsApp()
    {
        Settings["Imports:BatchSize"] = ImportsApp.BatchSize.ToString(CultureInfo.InvariantCulture);
        Settings["Imports:Folder"] = Folder;
        Settings["Imports:RunJobs"] = "false";
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "tunas-jobless-" + Guid.NewGuid().ToString("N")[..8]);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}

/// <summary>One holder per job (decision 0018): a claim only one instance wins, and writes fenced on the lease.</summary>
public sealed class ImportLeaseTests(JoblessImportsApp app) : IClassFixture<JoblessImportsApp>
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

    private async Task<Guid> JobAsync(byte[] content)
    {
        using var scope = app.Services.CreateScope();
        await using var stream = new MemoryStream(content);
        var created = await scope.ServiceProvider.GetRequiredService<ImportUploads>()
            .CreateAsync(stream, "sewa.csv", content.Length, null, null, new ImportActor(null, "test", null), awaitMapping: false);
        return created.Job!.Id;
    }

    /// <summary>The runner of another app instance: the same services, a lease of its own.</summary>
    private ImportRunner Instance(IServiceScope scope)
    {
        var sp = scope.ServiceProvider;
        var lease = new ImportLease(app.Services.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<IOptions<ImportOptions>>(),
            TimeProvider.System, sp.GetRequiredService<ILogger<ImportLease>>());
        return ActivatorUtilities.CreateInstance<ImportRunner>(sp, lease);
    }

    [Fact]
    public async Task TwoInstancesRunningOneJobAtOnceRunItOnceWithExactCountsAndOneErrorRowPerRefusedRow()
    {
        var people = Enumerable.Range(0, 30).Select(_ => NewNik()).ToList();
        var niks = people.Select(p => p.Nik).ToList();
        var id = await JobAsync(File(people, i => i % 3 == 2));

        using var one = app.Services.CreateScope();
        using var two = app.Services.CreateScope();
        var results = await Task.WhenAll(Task.Run(() => Instance(one).RunAsync(id)), Task.Run(() => Instance(two).RunAsync(id)));

        // The other found it held (or, started late, already completed): one completion entry, counts as one run's.
        Assert.Contains(results, r => r!.Status == ImportStatus.Completed);
        var job = await DbAsync(db => db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == id));
        Assert.Equal((ImportStatus.Completed, 30, 20, 10, 0, 0), (job.Status, job.ProcessedRows, job.Inserted, job.Rejected, job.Updated, job.Unchanged));
        Assert.Equal(20, await DbAsync(db => db.Persons.CountAsync(p => niks.Contains(p.Nik))));
        Assert.Equal(10, await DbAsync(db => db.ImportRowErrors.CountAsync(e => e.ImportJobId == id)));
        Assert.Equal(1, await DbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "import.completed" && a.EntityId == id.ToString())));
    }

    [Fact]
    public async Task AWorkerWhoseJobWasTakenOverStopsQuietlyAndItsBatchIsRolledBack()
    {
        var people = Enumerable.Range(0, 12).Select(_ => NewNik()).ToList();
        var niks = people.Select(p => p.Nik).ToList();
        var id = await JobAsync(File(people, i => i % 2 == 1));

        ImportJob? stopped;
        using (var scope = app.Services.CreateScope())
        {
            stopped = await Instance(scope).RunAsync(id, new TakeOverAfterFirstBatch(app.Services, id));
        }

        var job = await DbAsync(db => db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == id));
        Assert.Equal((ImportStatus.Running, "another-instance"), (job.Status, job.LeaseOwner));
        Assert.Equal((ImportsApp.BatchSize, 2, 1), (job.ProcessedRows, job.Inserted, job.Rejected));
        Assert.Equal(2, await DbAsync(db => db.Persons.CountAsync(p => niks.Contains(p.Nik))));
        Assert.Equal(1, await DbAsync(db => db.ImportRowErrors.CountAsync(e => e.ImportJobId == id)));
        Assert.Null(job.FinishedAt);
        Assert.NotEqual(ImportStatus.Completed, stopped!.Status);
        Assert.Single(Directory.GetFiles(app.Folder, id.ToString("N") + ".*"));
    }

    [Fact]
    public async Task AJobWhoseLeaseRanOutIsTakenOverAndOneWhoseLeaseLastsIsNot()
    {
        var id = await JobAsync(File([NewNik(), NewNik()], _ => false));
        await DbAsync(db => db.ImportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, ImportStatus.Running)
            .SetProperty(j => j.LeaseOwner, "alive")
            .SetProperty(j => j.LeaseUntil, DateTime.UtcNow.AddMinutes(1))));
        using var scope = app.Services.CreateScope();

        var held = await Instance(scope).RunAsync(id);
        Assert.Equal(("alive", 0), (held!.LeaseOwner, held.ProcessedRows));

        await DbAsync(db => db.ImportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, DateTime.UtcNow.AddSeconds(-1))));
        var taken = await Instance(scope).RunAsync(id);
        Assert.Equal((ImportStatus.Completed, 2, null), (taken!.Status, taken.Inserted, taken.LeaseOwner));
    }

    /// <summary>Stands in for a second instance that claims the job once this one committed its first batch.</summary>
    private sealed class TakeOverAfterFirstBatch(IServiceProvider services, Guid id) : IProgress<ImportProgress>
    {
        private bool _done;

        public void Report(ImportProgress value)
        {
            if (_done)
            {
                return;
            }
            _done = true;
            using var scope = services.CreateScope();
            scope.ServiceProvider.GetRequiredService<TunasDb>().ImportJobs.Where(j => j.Id == id)
                .ExecuteUpdate(s => s.SetProperty(j => j.LeaseOwner, "another-instance").SetProperty(j => j.LeaseUntil, DateTime.UtcNow.AddMinutes(5)));
        }
    }
}
