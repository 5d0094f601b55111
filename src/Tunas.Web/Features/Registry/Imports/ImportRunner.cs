using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tunas.Web.Data;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Registry.Bulk;
using Tunas.Web.Features.Registry.Duplicates;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry.Imports;

/// <summary>How far a job has got, reported after every committed batch.</summary>
public sealed record ImportProgress(int ProcessedRows, int TotalRows, int Inserted, int Updated, int Unchanged, int Rejected);

/// <summary>
/// Runs one import job: reads the file row by row, checks every row, and writes batches of rows through
/// <see cref="ImportBatchWriter"/>. A job that was interrupted resumes after its last committed batch: the rows
/// before it are only read again to remember their NIKs (for "this NIK appears twice").
/// </summary>
public sealed class ImportRunner(
    TunasDb db,
    RegistryRules rules,
    RegionDirectory regions,
    DuplicateDetector duplicates,
    ImportBatchWriter writer,
    ImportUploads uploads,
    ImportLease lease,
    IOptions<ImportOptions> options,
    WriteFaults writes,
    TimeProvider clock,
    ILogger<ImportRunner> log)
{
    private const int MaxAttempts = 8;

    /// <summary>Inserted rows after which the tables' statistics are refreshed for the first time (see DatabaseSetup.AnalyzeRegistryAsync).</summary>
    private const int StatisticsFloor = 10_000;

    /// <summary>
    /// Claims a queued, interrupted or paused job (<see cref="ImportLease"/>) and runs it to its end while holding the
    /// lease. Cancelling leaves it running with the lease let go, to be resumed; a passing database error pauses it;
    /// a job another instance holds is left alone.
    /// </summary>
    public async Task<ImportJob?> RunAsync(Guid jobId, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null || job.Status is not (ImportStatus.Queued or ImportStatus.Running or ImportStatus.Paused) || !await lease.ClaimAsync(db, jobId, ct))
        {
            return job;
        }
        // Read again once held: the counters are those of the last batch the previous holder committed.
        job = await db.ImportJobs.AsNoTracking().FirstAsync(j => j.Id == jobId, ct);
        if (job.StartedAt is null)
        {
            job.StartedAt = clock.GetUtcNow().UtcDateTime;
            await lease.Held(db, job.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.StartedAt, job.StartedAt), ct);
        }
        log.LogInformation("Import {JobId} started at row {Processed}", job.Id, job.ProcessedRows);
        using var lost = new CancellationTokenSource();
        using var run = CancellationTokenSource.CreateLinkedTokenSource(ct, lost.Token);
        var keeping = lease.KeepAsync(job.Id, lost, run.Token);
        try
        {
            await ProcessAsync(job, progress, run.Token);
        }
        catch (ImportFileException e)
        {
            log.LogWarning("Import {JobId} failed: {Reason}", job.Id, e.Message);
            await FinishAsync(job, ImportStatus.Failed, e.Message, CancellationToken.None);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            log.LogInformation("Import {JobId} interrupted after row {Processed}; it resumes from there", job.Id, job.ProcessedRows);
            await lease.ReleaseAsync(db, job.Id);
            throw;
        }
        catch (Exception) when (lost.IsCancellationRequested)
        {
            // Another instance took the job over (this one was too slow to renew): it goes on there; nothing more is written here.
            log.LogWarning("Import {JobId}: another instance holds it now; stopped here", job.Id);
        }
        catch (ImportLeaseLostException)
        {
            log.LogWarning("Import {JobId}: another instance holds it now; stopped here", job.Id);
        }
        catch (Exception e) when (DatabaseFaults.PassingCause(e) is { } cause)
        {
            writes.Report(e);
            log.LogWarning("Import {JobId} paused after row {Processed}: {Reason}", job.Id, job.ProcessedRows, WriteConflicts.Describe(e));
            if (await lease.PauseAsync(db, job.Id, job.Pauses, cause))
            {
                (job.Status, job.PausedBecause) = (ImportStatus.Paused, cause);
            }
        }
        catch (Exception e)
        {
            // Exceptions of the database drivers never carry a row's values (no NIK reaches the log).
            log.LogError(e, "Import {JobId} failed", job.Id);
            await FinishAsync(job, ImportStatus.Failed, ImportMessages.UnexpectedFailureMessage, CancellationToken.None);
        }
        finally
        {
            await run.CancelAsync();
            await keeping;
        }
        return job;
    }

    private async Task ProcessAsync(ImportJob job, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var path = job.StoredPath ?? throw new ImportFileException(ImportMessages.UnreadableFileMessage);
        using var sheet = SheetReader.Open(path, job.FileName, options.Value.Limits);
        var first = sheet.ReadFirst(ColumnLayout.HeaderSearchRows);
        var layout = ColumnLayout.Find(first, ColumnMapping.Stored(job.ColumnMap));
        if (ImportUploads.Missing(layout, job.VillageCode) is { } missing)
        {
            throw new ImportFileException(missing);
        }
        if (job.ColumnMap is null || job.TotalRows == 0)
        {
            job.ColumnMap = layout.ToJson();
            job.TotalRows = ImportBatchReader.CountRows(path, job.FileName, layout.HeaderRowNumber, options.Value.Limits);
            await lease.Held(db, job.Id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.ColumnMap, job.ColumnMap)
                .SetProperty(j => j.TotalRows, job.TotalRows), ct);
        }

        var regency = job.RegencyCode ?? "";
        var context = await rules.ContextAsync(job.RegencyCode, ct);
        var matcher = new VillageMatcher(regency, await regions.VillagesAsync(ct), await regions.UpperLevelsAsync(ct));
        var checker = new RowChecker(layout, matcher, context, job.VillageCode);
        var state = new ImportJobState(job.Id, job.AgencyId, job.CreatedById, job.CreatedByName,
            job.ProcessedRows, job.Inserted, job.Updated, job.Unchanged, job.Rejected, lease.Owner);
        var batchSize = options.Value.BatchSizeFor(db is Data.SqliteTunasDb);

        // Reading and checking rows (one core) overlaps with writing the previous batch (the database, another core).
        var batches = Channel.CreateBounded<ImportBatch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = Task.Run(() => ImportBatchReader.ReadBatchesAsync(sheet, first, layout, checker, state.ProcessedRows, job.TotalRows, batchSize, job.Id, batches.Writer, stop.Token), stop.Token);
        try
        {
            var analyzedAt = 0;
            await foreach (var batch in batches.Reader.ReadAllAsync(ct))
            {
                state = await FlushAsync(state, batch, layout, job.VillageCode, ct);
                if (state.Inserted >= Math.Max(10 * analyzedAt, StatisticsFloor))
                {
                    // Every time this job has inserted ten times as many rows: three ANALYZEs for a million rows.
                    await Data.DatabaseSetup.AnalyzeRegistryAsync(db, ct);
                    analyzedAt = state.Inserted;
                }
                progress?.Report(Progress(state, job.TotalRows));
                GiveMemoryBack();
                if (db is Data.SqliteTunasDb)
                {
                    // Between two batches, the moment a log grown past the background checkpoint's reach is emptied (decision 0031).
                    await Data.SqliteCheckpointer.CheckpointBetweenWritesAsync(db.Database.GetConnectionString()!, Data.SqliteCheckpointer.LongWriterResetBytes, ct);
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await reading.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        (job.ProcessedRows, job.Inserted, job.Updated, job.Unchanged, job.Rejected) =
            (state.ProcessedRows, state.Inserted, state.Updated, state.Unchanged, state.Rejected);
        if (state.Inserted + state.Updated > 0)
        {
            // The duplicate scan and the searches that follow are planned from the tables as they are now.
            await Data.DatabaseSetup.AnalyzeRegistryAsync(db, ct);
            await duplicates.DetectAmongAsync(await TouchedAsync(job, ct), ct);
            await Data.DatabaseSetup.RefreshStatisticsAsync(db, ct);
            if (state.Inserted + state.Updated >= StatisticsFloor)
            {
                await Data.DatabaseSetup.VacuumSearchIndexAsync(db, ct);
            }
        }
        if (!await FinishAsync(job, ImportStatus.Completed, null, ct))
        {
            throw new ImportLeaseLostException();
        }
        writes.Succeeded();
        log.LogInformation("Import {JobId} completed: {Inserted} inserted, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected",
            job.Id, job.Inserted, job.Updated, job.Unchanged, job.Rejected);
    }

    /// <summary>Writes a batch; when another import got in the way (the same NIK, a busy database), writes it again.</summary>
    private async Task<ImportJobState> FlushAsync(ImportJobState state, ImportBatch batch, ColumnLayout layout, string? operatorVillage, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await writer.WriteAsync(state, batch, layout, operatorVillage, ct);
                return state.Add(batch.RowCount, result);
            }
            catch (Exception e) when (attempt < MaxAttempts && WriteConflicts.IsConflict(e) && !ct.IsCancellationRequested)
            {
                log.LogInformation("Import {JobId}: batch met a concurrent writer, attempt {Attempt}", state.Id, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(20, 100) * attempt), ct);
            }
        }
    }

    /// <summary>
    /// The app runs the workstation GC (decision 0023), which keeps the committed heap near the live one; a million-row
    /// import still reaches more than <see cref="ImportOptions.MemoryCeilingBytes"/> of heap (two batches, the file's
    /// NIKs), and a compacting collection after a batch, only then, gives back what the GC would keep. The debug line
    /// is what docs/benchmarks.md ("Import memory") reads.
    /// </summary>
    private void GiveMemoryBack()
    {
        var info = GC.GetGCMemoryInfo();
        var collect = info.TotalCommittedBytes > options.Value.MemoryCeilingBytes;
        if (log.IsEnabled(LogLevel.Debug))
        {
            log.LogDebug("Import memory: heap {Heap} MB, committed {Committed} MB, process {WorkingSet} MB, collect {Collect}",
                info.HeapSizeBytes >> 20, info.TotalCommittedBytes >> 20, Environment.WorkingSet >> 20, collect);
        }
        if (collect)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    /// <summary>
    /// The persons this job inserted or changed: their <see cref="Person.UpdatedAt"/> is not before the job started.
    /// Read back from the database rather than kept in memory, so that a job resumed after a restart still checks the
    /// persons its earlier run wrote; persons another writer changed meanwhile are checked too, which does no harm.
    /// </summary>
    private async Task<List<long>> TouchedAsync(ImportJob job, CancellationToken ct)
    {
        // A second early: PostgreSQL keeps microseconds, and the start time in memory may carry ticks below them.
        var started = (job.StartedAt ?? DateTime.MinValue.AddSeconds(1)).AddSeconds(-1);
        return await db.Persons.AsNoTracking().Where(p => p.AgencyId == job.AgencyId && p.UpdatedAt >= started).Select(p => p.Id).ToListAsync(ct);
    }

    /// <summary>Ends the job, unless another instance holds it now (false).</summary>
    private async Task<bool> FinishAsync(ImportJob job, ImportStatus status, string? error, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var held = await lease.Held(db, job.Id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, status)
            .SetProperty(j => j.Error, error)
            .SetProperty(j => j.FinishedAt, now)
            .SetProperty(j => j.PausedBecause, (string?)null)
            .SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.LeaseUntil, (DateTime?)null), ct);
        if (held == 0)
        {
            return false;
        }
        if (status == ImportStatus.Completed)
        {
            // One entry per file: the persons it created point at the job (decision 0005); changes have their own entries.
            db.AuditEntries.Add(new AuditEntry
            {
                At = now,
                AgencyId = job.AgencyId,
                ActorId = job.CreatedById,
                ActorName = job.CreatedByName,
                Action = "import.completed",
                EntityType = "ImportJob",
                EntityId = job.Id.ToString(),
                Details = JsonSerializer.Serialize(new
                {
                    fileName = job.FileName,
                    totalRows = job.TotalRows,
                    inserted = job.Inserted,
                    updated = job.Updated,
                    unchanged = job.Unchanged,
                    rejected = job.Rejected,
                }),
            });
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        (job.Status, job.Error, job.FinishedAt, job.LeaseOwner, job.LeaseUntil, job.PausedBecause) = (status, error, now, null, null, null);

        // The upload holds personal data: once its job is over it has no reason to stay on disk.
        if (uploads.IsUploadCopy(job.StoredPath))
        {
            uploads.Discard(job.StoredPath!);
            await db.ImportJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.StoredPath, (string?)null), ct);
            job.StoredPath = null;
        }
        return true;
    }

    private static ImportProgress Progress(ImportJobState s, int total) =>
        new(s.ProcessedRows, total, s.Inserted, s.Updated, s.Unchanged, s.Rejected);
}
