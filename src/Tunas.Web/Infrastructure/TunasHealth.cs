using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tunas.Web.Data;

namespace Tunas.Web.Infrastructure;

public static class TunasHealth
{
    public static IServiceCollection AddTunasHealth(this IServiceCollection services)
    {
        services.AddSingleton<WriteFaults>();
        services.AddSingleton<DatabaseHealthCheck>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    /// <summary>
    /// Public, and answered before authentication, localization and the setup redirect: a load balancer polls it
    /// often and none of them has anything to say about it.
    /// </summary>
    public static IEndpointConventionBuilder MapTunasHealth(this IEndpointRouteBuilder app) =>
        app.MapHealthChecks("/health").AllowAnonymous().ShortCircuit();
}

/// <summary>
/// <c>SELECT 1</c> on a pooled connection of the app's own <see cref="TunasDb"/>, so a dead database (or a locked,
/// deleted or unreachable one) reads Unhealthy. The answer is kept for <see cref="MaxAge"/>: a burst of probes
/// from several balancers costs one query, and a failure still shows within a second.
/// While a writer has seen a passing write fault (<see cref="WriteFaults"/>: a full disk answers reads but takes no
/// writes) it reads Unhealthy too, and each probe tries one small committed write, which clears the fault once it passes.
/// </summary>
public sealed class DatabaseHealthCheck(IServiceScopeFactory scopes, WriteFaults writes, TimeProvider clock) : IHealthCheck
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private volatile Probe? _last;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var last = _last;
        if (last is not null && Stopwatch.GetElapsedTime(last.Started) < MaxAge)
        {
            return last.Answer.Task;
        }
        var probe = new Probe(Stopwatch.GetTimestamp());
        // One caller runs the query; callers that arrive meanwhile share its answer.
        var seen = Interlocked.CompareExchange(ref _last, probe, last);
        return seen != last ? seen!.Answer.Task : RunAsync(probe);
    }

    private async Task<HealthCheckResult> RunAsync(Probe probe)
    {
        var result = await QueryAsync();
        probe.Answer.SetResult(result);
        return result;
    }

    private async Task<HealthCheckResult> QueryAsync()
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var one = await db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").SingleAsync(timeout.Token);
            if (one != 1)
            {
                return HealthCheckResult.Unhealthy("SELECT 1 did not answer 1.");
            }
            if (writes.Current is { } fault)
            {
                return await ProbeWriteAsync(db, fault, timeout.Token);
            }
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }

    public const string WriteProbeName = "health-write-probe";

    /// <summary>
    /// A one-row upsert in <see cref="TunasDb.AppSecrets"/> (its key is no secret: the time of the last probe), committed,
    /// so that the disk, the file's permissions and the server's read-only state all have their say.
    /// </summary>
    private async Task<HealthCheckResult> ProbeWriteAsync(TunasDb db, WriteFault fault, CancellationToken ct)
    {
        try
        {
            var now = clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "AppSecrets" ("Name", "Value") VALUES ({WriteProbeName}, {now})
                ON CONFLICT ("Name") DO UPDATE SET "Value" = excluded."Value"
                """, ct);
            writes.Succeeded();
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (writes.Report(e))
        {
            return HealthCheckResult.Unhealthy(string.Create(CultureInfo.InvariantCulture,
                $"Writes fail since {fault.Since:O}: {DatabaseFaults.Message(writes.Current?.Cause ?? fault.Cause)}"));
        }
    }

    private sealed class Probe(long started)
    {
        public long Started { get; } = started;

        public TaskCompletionSource<HealthCheckResult> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
