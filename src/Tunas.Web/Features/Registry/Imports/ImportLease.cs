using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry.Bulk;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry.Imports;

/// <summary>Thrown where a write of the job finds that another instance holds it now: the batch is rolled back.</summary>
public sealed class ImportLeaseLostException() : Exception("Another instance holds the import job's lease now.");

/// <summary>
/// This instance's hold on import jobs (decision 0018): a job is claimed by one conditional UPDATE of its row (an
/// owner and an expiry), which on PostgreSQL and SQLite alike only one of two claimants can win; the owner renews the
/// lease while the job runs, and any instance may take over a job whose lease has run out.
/// </summary>
public sealed partial class ImportLease(IServiceScopeFactory scopes, IOptions<ImportOptions> options, TimeProvider clock, ILogger<ImportLease> log)
{
    /// <summary>Unique to this running app: two instances on one host, or two test hosts in one process, differ.</summary>
    public string Owner { get; } = string.Create(CultureInfo.InvariantCulture,
        $"{Truncate(Environment.MachineName, 40)}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..12]}");

    public TimeSpan Duration => options.Value.LeaseDuration;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Takes the job when it is queued, or running or paused with no lease or one that has run out. True when this
    /// instance holds it now; a job paused by a passing fault waits until its next try.
    /// </summary>
    public async Task<bool> ClaimAsync(TunasDb db, Guid jobId, CancellationToken ct)
    {
        var now = Now;
        var until = now + Duration;
        var claimed = await Claimable(db.ImportJobs, now).Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, ImportStatus.Running)
            .SetProperty(j => j.LeaseOwner, Owner)
            .SetProperty(j => j.LeaseUntil, until)
            .SetProperty(j => j.PausedBecause, (string?)null), ct);
        return claimed == 1;
    }

    /// <summary>The jobs an instance may take now.</summary>
    public static IQueryable<ImportJob> Claimable(IQueryable<ImportJob> jobs, DateTime now) =>
        jobs.Where(j => j.Status == ImportStatus.Queued
            || ((j.Status == ImportStatus.Running || j.Status == ImportStatus.Paused) && (j.LeaseUntil == null || j.LeaseUntil < now)));

    /// <summary>The holder's writes of the job row go through this filter: none reaches a job another instance took over.</summary>
    public IQueryable<ImportJob> Held(TunasDb db, Guid jobId) => db.ImportJobs.Where(j => j.Id == jobId && j.LeaseOwner == Owner);

    /// <summary>Lets go of a job left running (a stop): another instance, or this one after a restart, takes it at once.</summary>
    public async Task ReleaseAsync(TunasDb db, Guid jobId)
    {
        try
        {
            await Held(db, jobId).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseUntil, (DateTime?)null), CancellationToken.None);
        }
        catch (Exception e) when (DatabaseFaults.IsPassing(e))
        {
            // The lease runs out by itself.
            ReleaseFailed(log, jobId, WriteConflicts.Describe(e));
        }
    }

    /// <summary>
    /// Pauses a job that met a passing fault: the lease is let go and the next try is due after a wait that doubles
    /// with each pause in a row. False when the pause itself could not be written (the lease then runs out instead).
    /// </summary>
    public async Task<bool> PauseAsync(TunasDb db, Guid jobId, int pausesBefore, string cause)
    {
        var wait = options.Value.PauseRetry * Math.Pow(2, Math.Min(pausesBefore, 10));
        var retryAt = Now + (wait < options.Value.PauseRetryMax ? wait : options.Value.PauseRetryMax);
        try
        {
            await Held(db, jobId).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ImportStatus.Paused)
                .SetProperty(j => j.PausedBecause, cause)
                .SetProperty(j => j.Pauses, j => j.Pauses + 1)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseUntil, retryAt), CancellationToken.None);
            return true;
        }
        catch (Exception e) when (DatabaseFaults.IsPassing(e))
        {
            ReleaseFailed(log, jobId, WriteConflicts.Describe(e));
            return false;
        }
    }

    /// <summary>
    /// Renews the lease every third of its length until <paramref name="ct"/> ends; cancels <paramref name="lost"/>
    /// when another instance holds the job, or when the lease could not be renewed before it ran out.
    /// </summary>
    public async Task KeepAsync(Guid jobId, CancellationTokenSource lost, CancellationToken ct)
    {
        var renewedUntil = Now + Duration;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Duration / 3, ct);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
                var until = Now + Duration;
                var renewed = await Held(db, jobId).Where(j => j.Status == ImportStatus.Running)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, until), ct);
                if (renewed == 0)
                {
                    await lost.CancelAsync();
                    return;
                }
                renewedUntil = until;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                RenewFailed(log, jobId, WriteConflicts.Describe(e));
                if (Now >= renewedUntil)
                {
                    await lost.CancelAsync();
                    return;
                }
            }
        }
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import {JobId}: the lease could not be renewed: {Reason}")]
    private static partial void RenewFailed(ILogger logger, Guid jobId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import {JobId}: the lease could not be let go, it runs out by itself: {Reason}")]
    private static partial void ReleaseFailed(ILogger logger, Guid jobId, string reason);
}
