using System.Collections.Concurrent;
using Tunas.Web.Data;

namespace Tunas.Web.Features.Impact.Facts;

/// <summary>
/// The <see cref="ImpactFacts"/> of each agency that asked for its dashboard lately (decision 0035). One request at a
/// time per agency brings its copy up to date from the change log and reads it; a copy not read for
/// <see cref="IdleFor"/> is let go, and one not refreshed for <see cref="ReloadAfter"/> is read whole again, well within
/// the log's <see cref="DashboardChangePruner.Keep"/>.
/// </summary>
public sealed partial class ImpactFactsCache(TimeProvider clock, ILogger<ImpactFactsCache> log)
{
    public static readonly TimeSpan IdleFor = TimeSpan.FromHours(1);
    public static readonly TimeSpan ReloadAfter = TimeSpan.FromHours(12);

    private readonly ConcurrentDictionary<int, Entry> _agencies = new();

    // The gate is never disposed: an evicted entry may still be awaited by a request that took it just before.
#pragma warning disable CA1001
    private sealed class Entry(int agencyId, DateTime now)
#pragma warning restore CA1001
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public readonly ImpactFacts Facts = new(agencyId);
        public DateTime UsedAt = now;
    }

    /// <summary>Brings the agency's copy up to date with every committed change, then reads it under the same gate.</summary>
    public async Task<T> ReadAsync<T>(TunasDb db, int agencyId, DateOnly cashbookMonth, Func<ImpactFacts, T> read, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(read);
        var now = clock.GetUtcNow().UtcDateTime;
        Evict(now);
        var entry = _agencies.GetOrAdd(agencyId, a => new Entry(a, now));
        await entry.Gate.WaitAsync(ct);
        try
        {
            entry.UsedAt = now;
            var facts = entry.Facts;
            if (!facts.Loaded || now - facts.RefreshedAt > ReloadAfter)
            {
                var started = clock.GetTimestamp();
                await facts.LoadAsync(db, cashbookMonth, now, ct);
                Loaded(log, agencyId, facts.Persons.Count, facts.Applications.Count, facts.Participants.Count, facts.FollowUps.Count,
                    (long)clock.GetElapsedTime(started).TotalMilliseconds);
            }
            else
            {
                await facts.RefreshAsync(db, cashbookMonth, now, ct);
            }
            return read(facts);
        }
        catch
        {
            // A copy half brought up to date is read whole at the next request, never trusted.
            entry.Facts.Invalidate();
            throw;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private void Evict(DateTime now)
    {
        foreach (var (agency, entry) in _agencies)
        {
            if (now - entry.UsedAt > IdleFor && entry.Gate.Wait(0))
            {
                try
                {
                    _agencies.TryRemove(agency, out _);
                }
                finally
                {
                    entry.Gate.Release();
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard facts of agency {AgencyId} read whole: {Persons} residents, {Applications} applications, {Participants} participants, {FollowUps} follow-ups in {Ms} ms")]
    private static partial void Loaded(ILogger logger, int agencyId, int persons, int applications, int participants, int followUps, long ms);
}
