using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;

namespace Tunas.Web.Features.Registry.Imports;

/// <summary>Jobs waiting for the worker, in order of arrival.</summary>
public sealed class ImportChannel
{
    // Bounded so that a flood of uploads waits at the door instead of filling memory; each entry is only an id.
    private readonly Channel<Guid> _channel = Channel.CreateBounded<Guid>(new BoundedChannelOptions(1000) { SingleReader = true });

    public ValueTask EnqueueAsync(Guid jobId, CancellationToken ct = default) => _channel.Writer.WriteAsync(jobId, ct);

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken ct) => _channel.Reader.ReadAllAsync(ct);
}

/// <summary>
/// Runs the queued imports one at a time, each in a scope of its own. At start-up it queues again the jobs that a
/// stop or a crash left queued or running: they resume after their last committed batch.
/// REVIEW: with several app instances on one PostgreSQL database, each would resume the same unfinished jobs;
/// a lease column on the job would be needed before running more than one instance.
/// </summary>
public sealed class ImportWorker(ImportChannel queue, IServiceScopeFactory scopes, TimeProvider clock, ILogger<ImportWorker> log) : BackgroundService
{
    /// <summary>An upload whose mapping was never confirmed is dropped after this long.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ResumeUnfinishedAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Could not look for unfinished imports");
        }
        await foreach (var id in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<ImportRunner>().RunAsync(id, null, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Import {JobId} could not run", id);
            }
        }
    }

    /// <summary>Queues the jobs left queued or running, and removes uploads nobody confirmed.</summary>
    public async Task ResumeUnfinishedAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var unfinished = await db.ImportJobs.AsNoTracking()
            .Where(j => j.Status == ImportStatus.Queued || j.Status == ImportStatus.Running)
            .OrderBy(j => j.CreatedAt)
            .Select(j => j.Id)
            .ToListAsync(ct);
        foreach (var id in unfinished)
        {
            await queue.EnqueueAsync(id, ct);
        }
        if (unfinished.Count > 0)
        {
            log.LogInformation("Resuming {Count} unfinished import(s)", unfinished.Count);
        }

        var before = clock.GetUtcNow().UtcDateTime - AbandonedAfter;
        var abandoned = await db.ImportJobs.Where(j => j.Status == ImportStatus.AwaitingMapping && j.CreatedAt < before).ToListAsync(ct);
        var uploads = scope.ServiceProvider.GetRequiredService<ImportUploads>();
        foreach (var job in abandoned)
        {
            if (uploads.IsUploadCopy(job.StoredPath) && File.Exists(job.StoredPath))
            {
                File.Delete(job.StoredPath!);
            }
            db.ImportJobs.Remove(job);
        }
        await db.SaveChangesAsync(ct);
    }
}
