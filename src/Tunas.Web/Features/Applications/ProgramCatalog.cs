using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tunas.Web.Data;
using Tunas.Web.Features.Programs;

namespace Tunas.Web.Features.Applications;

/// <summary>Settings of section <c>Applications</c>: the intake's queue and how long program facts are kept in memory.</summary>
public sealed class ApplicationsOptions
{
    public const string Section = "Applications";

    /// <summary>Applications waiting for the writer; beyond this the intake answers 503 with Retry-After.</summary>
    public int QueueCapacity { get; set; } = 20_000;

    /// <summary>Applications written in one transaction at most.</summary>
    public int MaxBatchSize { get; set; } = 500;

    /// <summary>How long the intake trusts what it read of a program (status, dates, tracks).</summary>
    public int ProgramCacheSeconds { get; set; } = 5;
}

/// <summary>
/// The programs as the intake sees them, kept in memory for <see cref="ApplicationsOptions.ProgramCacheSeconds"/>,
/// so that checking an application costs no query. A change to a program (opened, closed, a new track) reaches the
/// public form within that time.
/// </summary>
public sealed class ProgramCatalog(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ApplicationsOptions> options)
{
    private readonly ConcurrentDictionary<int, Entry> _programs = new();
    private volatile ActiveEntry? _active;

    private sealed record Entry(IntakeProgram? Program, long ExpiresAt);

    private sealed record ActiveEntry(IReadOnlyList<IntakeProgram> Programs, long ExpiresAt);

    /// <summary>The program, or null when there is none with this id (a Draft is returned: the caller decides).</summary>
    public async ValueTask<IntakeProgram?> FindAsync(int id, CancellationToken ct = default)
    {
        var now = clock.GetTimestamp();
        if (_programs.TryGetValue(id, out var cached) && cached.ExpiresAt > now)
        {
            return cached.Program;
        }
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var program = (await LoadAsync(db.Programs.Where(p => p.Id == id), db, ct)).FirstOrDefault();
        _programs[id] = new Entry(program, now + Ttl);
        return program;
    }

    /// <summary>Every Active program (open, not yet open or closed), the soonest closing first.</summary>
    public async ValueTask<IReadOnlyList<IntakeProgram>> ActiveAsync(CancellationToken ct = default)
    {
        var now = clock.GetTimestamp();
        if (_active is { } cached && cached.ExpiresAt > now)
        {
            return cached.Programs;
        }
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var programs = await LoadAsync(db.Programs.Where(p => p.Status == ProgramStatus.Active), db, ct);
        var ordered = programs.OrderBy(p => p.RegistrationCloses).ThenBy(p => p.Id).ToList();
        _active = new ActiveEntry(ordered, now + Ttl);
        return ordered;
    }

    /// <summary>Forgets what is kept, so the next request reads the programs again.</summary>
    public void Forget()
    {
        _programs.Clear();
        _active = null;
    }

    private long Ttl => (long)(Math.Max(0, options.Value.ProgramCacheSeconds) * (double)clock.TimestampFrequency);

    private static async Task<List<IntakeProgram>> LoadAsync(IQueryable<TrainingProgram> query, TunasDb db, CancellationToken ct)
    {
        var programs = await query.AsNoTracking()
            .Select(p => new { p.Id, p.AgencyId, p.Name, p.Status, p.RegistrationOpens, p.RegistrationCloses, p.PublicationOn, p.DomicileRegencyCode })
            .ToListAsync(ct);
        if (programs.Count == 0)
        {
            return [];
        }
        var ids = programs.Select(p => p.Id).ToList();
        var tracks = await db.Tracks.AsNoTracking()
            .Where(t => ids.Contains(t.ProgramId))
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Id)
            .Select(t => new { t.ProgramId, t.Id, t.Name, t.WomenOnly })
            .ToListAsync(ct);
        var byProgram = tracks.ToLookup(t => t.ProgramId);
        return programs.Select(p => new IntakeProgram(p.Id, p.AgencyId, p.Name, p.Status, p.RegistrationOpens, p.RegistrationCloses,
                p.PublicationOn, p.DomicileRegencyCode, byProgram[p.Id].Select(t => new IntakeTrack(t.Id, t.Name, t.WomenOnly)).ToList()))
            .ToList();
    }
}
