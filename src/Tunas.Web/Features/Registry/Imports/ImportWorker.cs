using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry.Bulk;

namespace Tunas.Web.Features.Registry.Imports;

/// <summary>
/// Wakes this instance's worker when a job was queued here; jobs queued by another instance, paused ones that are due
/// and those of a dead instance are found by the worker's regular look into the database.
/// </summary>
public sealed class ImportChannel
{
    // One waiting signal is enough: the worker looks at the database, not at what was signalled.
    private readonly Channel<Guid> _channel = Channel.CreateBounded<Guid>(new BoundedChannelOptions(1)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    public ValueTask EnqueueAsync(Guid jobId, CancellationToken ct = default) => _channel.Writer.WriteAsync(jobId, ct);

    /// <summary>Waits until a job is queued here or <paramref name="timeout"/> has passed.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(timeout);
        try
        {
            await _channel.Reader.WaitToReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
        while (_channel.Reader.TryRead(out _))
        {
        }
    }
}

/// <summary>
/// Runs import jobs one at a time, each in a scope of its own. At start-up and then every
/// <see cref="ImportOptions.PollSeconds"/> (or at once when a job is queued here) it takes what it may (decision 0018):
/// queued jobs, paused jobs that are due, and jobs whose holder let go or died (its lease ran out). Claiming is the
/// runner's: of several instances looking at once, one runs each job.
/// </summary>
public sealed partial class ImportWorker(
    ImportChannel queue, IServiceScopeFactory scopes, IOptions<ImportOptions> options, TimeProvider clock, ILogger<ImportWorker> log) : BackgroundService
{
    /// <summary>An upload whose mapping was never confirmed is dropped after this long.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromDays(1);

    /// <summary>Jobs looked at in one round; the next round takes the rest.</summary>
    private const int Round = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunJobs)
        {
            return;
        }
        // Off the start-up path.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RemoveAbandonedAsync(stoppingToken);
                while (await RunDueAsync(stoppingToken) > 0)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database down or busy: the next round tries again.
                LookFailed(log, WriteConflicts.Describe(e));
            }
            await queue.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
    }

    /// <summary>Wakes the worker to look for jobs now (as at start-up), and removes uploads nobody confirmed.</summary>
    public async Task ResumeUnfinishedAsync(CancellationToken ct)
    {
        await RemoveAbandonedAsync(ct);
        await queue.EnqueueAsync(Guid.Empty, ct);
    }

    /// <summary>Runs the jobs this instance may take now, oldest first; how many it ran.</summary>
    private async Task<int> RunDueAsync(CancellationToken ct)
    {
        List<Guid> due;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
            due = await ImportLease.Claimable(db.ImportJobs.AsNoTracking(), clock.GetUtcNow().UtcDateTime)
                .OrderBy(j => j.CreatedAt).Select(j => j.Id).Take(Round).ToListAsync(ct);
        }
        var ran = 0;
        foreach (var id in due)
        {
            using var scope = scopes.CreateScope();
            var job = await scope.ServiceProvider.GetRequiredService<ImportRunner>().RunAsync(id, null, ct);
            // A job another instance claimed first is theirs; one paused by a passing fault waits for its next try.
            if (job?.Status is ImportStatus.Completed or ImportStatus.Failed or ImportStatus.Paused)
            {
                ran++;
            }
        }
        return ran;
    }

    private async Task RemoveAbandonedAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var before = clock.GetUtcNow().UtcDateTime - AbandonedAfter;
        var abandoned = await db.ImportJobs.AsNoTracking().Where(j => j.Status == ImportStatus.AwaitingMapping && j.CreatedAt < before)
            .Select(j => new { j.Id, j.StoredPath }).ToListAsync(ct);
        var uploads = scope.ServiceProvider.GetRequiredService<ImportUploads>();
        foreach (var job in abandoned)
        {
            if (uploads.IsUploadCopy(job.StoredPath) && File.Exists(job.StoredPath))
            {
                uploads.Discard(job.StoredPath!);
            }
            // Another instance may have removed it first: a delete of nothing is no error.
            await db.ImportJobs.Where(j => j.Id == job.Id && j.Status == ImportStatus.AwaitingMapping).ExecuteDeleteAsync(ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look for import jobs: {Reason}")]
    private static partial void LookFailed(ILogger logger, string reason);
}
