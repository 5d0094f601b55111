using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tunas.Web.Data;
using Tunas.Web.Features.Programs;

namespace Tunas.Web.Features.Applications;

/// <summary>
/// The programs as the intake sees them, kept in memory for <see cref="ApplicationsOptions.ProgramCacheSeconds"/>,
/// so that checking an application costs no query. A change to a program (opened, closed, a new track) reaches the
/// public form within that time. One read at a time per program: requests that find it missing or expired wait for
/// the same read instead of each opening a connection.
/// </summary>
public sealed class ProgramCatalog(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ApplicationsOptions> options)
{
    private const int ActiveKey = -1;
    private readonly ConcurrentDictionary<int, Entry> _entries = new();
    private readonly Lock _gate = new();

    /// <summary>A read of the database in progress or done, and until when its answer holds.</summary>
    private sealed class Entry
    {
        private long _expiresAt = long.MaxValue;

        public Task<IReadOnlyList<IntakeProgram>> Read { get; set; } = null!;

        public long ExpiresAt
        {
            get => Volatile.Read(ref _expiresAt);
            set => Volatile.Write(ref _expiresAt, value);
        }
    }

    /// <summary>The program, or null when there is none with this id (a Draft is returned: the caller decides).</summary>
    public async ValueTask<IntakeProgram?> FindAsync(int id, CancellationToken ct = default)
    {
        var programs = await GetAsync(id, db => LoadAsync(db.Programs.Where(p => p.Id == id), db), ct);
        return programs.Count == 0 ? null : programs[0];
    }

    /// <summary>Every Active program (open, not yet open or closed), the soonest closing first.</summary>
    public async ValueTask<IReadOnlyList<IntakeProgram>> ActiveAsync(CancellationToken ct = default) =>
        await GetAsync(ActiveKey, async db =>
        {
            var programs = await LoadAsync(db.Programs.Where(p => p.Status == ProgramStatus.Active), db);
            return [.. programs.OrderBy(p => p.RegistrationCloses).ThenBy(p => p.Id)];
        }, ct);

    /// <summary>Forgets what is kept, so the next request reads the programs again.</summary>
    public void Forget() => _entries.Clear();

    private async Task<IReadOnlyList<IntakeProgram>> GetAsync(int key, Func<TunasDb, Task<IReadOnlyList<IntakeProgram>>> load, CancellationToken ct)
    {
        var now = clock.GetTimestamp();
        if (!_entries.TryGetValue(key, out var entry) || (entry.Read.IsCompleted && entry.ExpiresAt <= now))
        {
            lock (_gate)
            {
                if (!_entries.TryGetValue(key, out entry) || (entry.Read.IsCompleted && entry.ExpiresAt <= now))
                {
                    entry = new Entry();
                    entry.Read = ReadAsync(key, entry, load);
                    _entries[key] = entry;
                }
            }
        }
        // The read is shared: one caller giving up does not cancel it for the others.
        return await entry.Read.WaitAsync(ct);
    }

    private async Task<IReadOnlyList<IntakeProgram>> ReadAsync(int key, Entry entry, Func<TunasDb, Task<IReadOnlyList<IntakeProgram>>> load)
    {
        await Task.Yield();
        try
        {
            using var scope = scopes.CreateScope();
            var programs = await load(scope.ServiceProvider.GetRequiredService<TunasDb>());
            entry.ExpiresAt = clock.GetTimestamp() + Ttl;
            return programs;
        }
        catch
        {
            // A failed read is not kept: the next request tries again.
            _entries.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
    }

    /// <summary>
    /// Marks the catalog's reads, which cross agencies on purpose (decision 0019): the public applies to a program by
    /// its number without saying an agency, and one cached read serves every agency's public.
    /// </summary>
    public const string AcrossAgencies = "Across agencies: the intake's catalog of programs";

    private long Ttl => (long)(Math.Max(0, options.Value.ProgramCacheSeconds) * (double)clock.TimestampFrequency);

    private static async Task<IReadOnlyList<IntakeProgram>> LoadAsync(IQueryable<TrainingProgram> query, TunasDb db)
    {
        var programs = await query.AsNoTracking().TagWith(AcrossAgencies)
            .Select(p => new { p.Id, p.AgencyId, p.Name, p.Status, p.RegistrationOpens, p.RegistrationCloses, p.PublicationOn, p.DomicileRegencyCode })
            .ToListAsync();
        if (programs.Count == 0)
        {
            return [];
        }
        var ids = programs.Select(p => p.Id).ToList();
        var tracks = await db.Tracks.AsNoTracking().TagWith(AcrossAgencies)
            .Where(t => ids.Contains(t.ProgramId))
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Id)
            .Select(t => new { t.ProgramId, t.Id, t.Name, t.WomenOnly })
            .ToListAsync();
        var byProgram = tracks.ToLookup(t => t.ProgramId);
        return programs.Select(p => new IntakeProgram(p.Id, p.AgencyId, p.Name, p.Status, p.RegistrationOpens, p.RegistrationCloses,
                p.PublicationOn, p.DomicileRegencyCode, byProgram[p.Id].Select(t => new IntakeTrack(t.Id, t.Name, t.WomenOnly)).ToList()))
            .ToList();
    }
}
