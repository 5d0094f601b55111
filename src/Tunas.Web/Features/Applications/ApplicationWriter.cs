using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tunas.Web.Features.Registry.Bulk;
using Tunas.Web.Features.Registry.Duplicates;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Applications;

public enum WriteStatus
{
    Created,

    /// <summary>The person already applied to this program: <see cref="WriteOutcome.RegistrationNumber"/> is theirs.</summary>
    Existing,

    Failed,

    /// <summary>The database cannot write for now (<see cref="WriteOutcome.Fault"/>): nothing was stored, try again later.</summary>
    Unavailable,
}

/// <summary>What the writer did with one application.</summary>
public sealed record WriteOutcome(
    WriteStatus Status,
    string? RegistrationNumber = null,
    ApplicationStatus ApplicationStatus = ApplicationStatus.Submitted,
    string? ChecksJson = null,
    IReadOnlyList<IntakeCheck>? Checks = null,
    DatabaseFault Fault = DatabaseFault.None);

/// <summary>
/// A checked application waiting for the writer; it is its own completion, so a request allocates one object to
/// wait on. Continuations run on the thread pool, never on the writer's loop.
/// </summary>
public sealed class PendingApplication() : TaskCompletionSource<WriteOutcome>(TaskCreationOptions.RunContinuationsAsynchronously)
{
    public required int AgencyId { get; init; }
    public required int ProgramId { get; init; }
    public required ApplicationValues Values { get; init; }

    /// <summary>The checks made in the request; the writer adds the registry's.</summary>
    public required IReadOnlyList<IntakeCheck> Checks { get; init; }

    public required string ConsentPurpose { get; init; }
    public required ApplicationChannel Channel { get; init; }
    public string? EnteredById { get; init; }

    /// <summary>Who the audit names: the operator, or the public form.</summary>
    public required string ActorName { get; init; }

    /// <summary>A kelurahan operator's kelurahan: the application of a person the registry has elsewhere is held (decision 0016).</summary>
    public string? RequiredVillage { get; init; }

    public required DateTime SubmittedAt { get; init; }
}

/// <summary>
/// Group commit of applications (decision 0011): requests check their application and queue it; this single
/// writer takes whatever is waiting (up to <see cref="ApplicationsOptions.MaxBatchSize"/>) and writes it in one
/// transaction, then answers each request. Under load the batches grow by themselves, so one commit serves
/// hundreds of applicants; when idle a batch is a single application and waits for nobody.
/// A batch that meets a concurrent writer (unique index, deadlock) is written again from the start; one that fails
/// otherwise is written one application at a time, so one bad application never fails the others; one that fails for a
/// passing reason (a full disk, a server down: <see cref="DatabaseFaults"/>) is answered "try again later" at once,
/// with nothing stored, and <see cref="WriteFaults"/> tells <c>/health</c> until a write succeeds again.
/// </summary>
public sealed partial class ApplicationWriter(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ApplicationsOptions> options, ILogger<ApplicationWriter> log,
    WriteFaults? faults = null)
    : BackgroundService
{
    private const int Attempts = 5;

    private readonly int _maxBatch = Math.Max(1, options.Value.MaxBatchSize);

    private readonly Channel<PendingApplication> _queue = Channel.CreateBounded<PendingApplication>(
        new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity)) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly SemaphoreSlim _session = new(1, 1);
    private AsyncServiceScope? _scope;
    private Data.TunasDb? _db;
    private DuplicateDetector? _duplicates;

    /// <summary>False when the queue is full (or the app is stopping): the caller answers 503.</summary>
    public bool TryEnqueue(PendingApplication item) => _queue.Writer.TryWrite(item);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingApplication>(_maxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                Take(batch);
                await WriteAsync(batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what was accepted is still written below.
        }
        _queue.Writer.TryComplete();
        while (Take(batch) > 0)
        {
            await WriteAsync(batch);
            batch.Clear();
        }
        await _session.WaitAsync(CancellationToken.None);
        try
        {
            await CloseSessionAsync();
        }
        finally
        {
            _session.Release();
        }
    }

    private int Take(List<PendingApplication> batch)
    {
        while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var item))
        {
            batch.Add(item);
        }
        return batch.Count;
    }

    /// <summary>Writes the batch and answers every application in it; never throws.</summary>
    internal async Task WriteAsync(IReadOnlyList<PendingApplication> batch)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            try
            {
                var outcomes = await WriteOnceAsync(batch);
                faults?.Succeeded();
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].TrySetResult(outcomes[i]);
                }
                return;
            }
            catch (Exception ex) when (WriteConflicts.IsConflict(ex) && attempt < Attempts)
            {
                LogConflict(log, batch.Count, attempt, WriteConflicts.Describe(ex));
            }
            catch (Exception ex)
            {
                LogFailed(log, batch.Count, WriteConflicts.Describe(ex));
                if (DatabaseFaults.Classify(ex) is not DatabaseFault.None and var fault)
                {
                    faults?.Report(ex);
                    foreach (var item in batch)
                    {
                        item.TrySetResult(new WriteOutcome(WriteStatus.Unavailable, Fault: fault));
                    }
                    return;
                }
                break;
            }
        }
        if (batch.Count == 1)
        {
            batch[0].TrySetResult(new WriteOutcome(WriteStatus.Failed));
            return;
        }
        foreach (var item in batch)
        {
            await WriteAsync([item]);
        }
    }

    /// <summary>
    /// One batch on the writer's own connection, kept open from batch to batch (opening a pooled connection and
    /// setting its pragmas costs as much as writing a dozen applications); after any error it is opened afresh.
    /// </summary>
    private async Task<WriteOutcome[]> WriteOnceAsync(IReadOnlyList<PendingApplication> batch)
    {
        await _session.WaitAsync();
        try
        {
            if (_db is null)
            {
                _scope = scopes.CreateAsyncScope();
                _db = _scope.Value.ServiceProvider.GetRequiredService<Data.TunasDb>();
                _duplicates = _scope.Value.ServiceProvider.GetRequiredService<DuplicateDetector>();
                await _db.Database.OpenConnectionAsync();
            }
            try
            {
                return await new ApplicationStore(_db, _duplicates!, clock).WriteAsync(batch, CancellationToken.None);
            }
            catch
            {
                await CloseSessionAsync();
                throw;
            }
        }
        finally
        {
            _session.Release();
        }
    }

    private async Task CloseSessionAsync()
    {
        _db = null;
        if (_scope is { } scope)
        {
            _scope = null;
            await scope.DisposeAsync();
        }
    }

    public override void Dispose()
    {
        _scope?.Dispose();
        _scope = null;
        _db = null;
        _session.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A batch of {Count} applications met a concurrent writer (attempt {Attempt}): {Error}")]
    private static partial void LogConflict(ILogger logger, int count, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} applications could not be written: {Error}")]
    private static partial void LogFailed(ILogger logger, int count, string error);
}

/// <summary>The JSON of the checks as stored in <see cref="Application.ChecksJson"/>: camelCase code, passed, message, args.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<IntakeCheck>))]
[JsonSerializable(typeof(Dictionary<string, string?>))]
[JsonSerializable(typeof(ApplicationAudit))]
internal sealed partial class ApplicationJson : JsonSerializerContext
{
    public static string Checks(List<IntakeCheck> checks) => JsonSerializer.Serialize(checks, Default.ListIntakeCheck);

    public static IReadOnlyList<IntakeCheck> Checks(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize(json, Default.ListIntakeCheck) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}

/// <summary>
/// The details of an <c>application.submitted</c> audit entry. The NIK stays on the person's entry and the consent's
/// purpose on the application's row: every byte here is written thousands of times a second at the peak.
/// </summary>
internal sealed record ApplicationAudit(
    string RegistrationNumber,
    int ProgramId,
    long PersonId,
    string Channel,
    string VillageCode,
    int FirstTrackId,
    int? SecondTrackId,
    string Phone,
    bool Consent);
