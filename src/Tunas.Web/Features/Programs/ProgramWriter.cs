using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Programs;

/// <summary>A provider chosen for a track, with the seats it offers (null: not agreed yet).</summary>
public sealed record TrackProviderValues(int ProviderId, int? Seats);

/// <summary>
/// Every change to programs, tracks, providers, quotas and rules, each saved together with its audit entry (who,
/// when, what changed). Callers check the input first; the writer checks what needs the database (free names,
/// a track without applications).
/// </summary>
public sealed class ProgramWriter(TunasDb db, ProgramScope scope, AuditLog audit, CurrentUser me, TimeProvider clock, IStringLocalizer<SharedResource> L, IApplicationCounts applicationCounts)
{
    public const string ProgramEntity = "Program";
    public const string ProviderEntity = "Provider";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>A new draft with a fresh seed; its domicile rule starts as the agency's city.</summary>
    public async Task<int> CreateAsync(ProgramValues values, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var program = new TrainingProgram
        {
            AgencyId = scope.AgencyId,
            Name = values.Name,
            Seed = ProgramFields.NewSeed(),
            Status = ProgramStatus.Draft,
            DomicileRegencyCode = await scope.AgencyRegencyAsync(ct),
            CreatedAt = Now,
            UpdatedAt = Now,
            CreatedById = me.Id,
        };
        ProgramFields.Apply(program, values with { Status = null, Seed = null });
        await db.InOneTransactionAsync(async () =>
        {
            db.Programs.Add(program);
            await db.SaveChangesAsync(ct);
            var snapshot = ProgramFields.Snapshot(program);
            foreach (var (key, value) in ProgramRules.Snapshot(program))
            {
                snapshot[key] = value;
            }
            audit.Record("program.created", ProgramEntity, Key(program.Id), snapshot);
            await db.SaveChangesAsync(ct);
        }, ct);
        return program.Id;
    }

    public async Task UpdateAsync(TrainingProgram program, ProgramValues values, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(program);
        var before = ProgramFields.Snapshot(program);
        ProgramFields.Apply(program, values);
        await SaveChangesAsync(program, "program.changed", before, ProgramFields.Snapshot(program), ct);
    }

    public async Task SetStatusAsync(TrainingProgram program, ProgramStatus status, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(program);
        var before = ProgramFields.Snapshot(program);
        program.Status = status;
        await SaveChangesAsync(program, "program.changed", before, ProgramFields.Snapshot(program), ct);
    }

    public async Task UpdateRulesAsync(TrainingProgram program, RulesValues values, IReadOnlyDictionary<int, bool>? womenOnly = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(program);
        var before = ProgramRules.Snapshot(program);
        AddWomenOnly(before, program);
        ProgramRules.Apply(program, values);
        if (womenOnly is not null)
        {
            foreach (var track in program.Tracks)
            {
                if (womenOnly.TryGetValue(track.Id, out var only))
                {
                    track.WomenOnly = only;
                }
            }
        }
        var after = ProgramRules.Snapshot(program);
        AddWomenOnly(after, program);
        await SaveChangesAsync(program, "program.rules-changed", before, after, ct);
    }

    /// <summary>Adds a track after the others; without modules it gets the default template.</summary>
    public async Task<(int? Id, IReadOnlyList<FieldIssue> Errors)> AddTrackAsync(TrainingProgram program, TrackValues values, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(values);
        if (NameTaken(program, values.Name, exceptId: null))
        {
            return (null, [Checks.Issue("name", "taken", ProgramMessages.TrackNameTakenMessage, values.Name)]);
        }
        var track = new Track
        {
            AgencyId = program.AgencyId,
            ProgramId = program.Id,
            Name = values.Name,
            Description = values.Description,
            WomenOnly = values.WomenOnly,
            SortOrder = values.SortOrder ?? (program.Tracks.Count == 0 ? 1 : program.Tracks.Max(t => t.SortOrder) + 1),
            Modules = TrackFields.ToModules(values.Modules ?? TrackFields.DefaultTemplate(L)),
        };
        await db.InOneTransactionAsync(async () =>
        {
            program.Tracks.Add(track);
            program.UpdatedAt = Now;
            await db.SaveChangesAsync(ct);
            audit.Record("program.track-added", ProgramEntity, Key(program.Id), TrackFields.Snapshot(track));
            await db.SaveChangesAsync(ct);
        }, ct);
        return (track.Id, []);
    }

    /// <summary>Changes a track; its modules are replaced when given.</summary>
    public async Task<IReadOnlyList<FieldIssue>> UpdateTrackAsync(TrainingProgram program, Track track, TrackValues values, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(values);
        if (NameTaken(program, values.Name, track.Id))
        {
            return [Checks.Issue("name", "taken", ProgramMessages.TrackNameTakenMessage, values.Name)];
        }
        var before = TrackFields.Snapshot(track);
        track.Name = values.Name;
        track.Description = values.Description;
        track.WomenOnly = values.WomenOnly;
        track.SortOrder = values.SortOrder ?? track.SortOrder;
        if (values.Modules is { } modules)
        {
            db.TrackModules.RemoveRange(track.Modules);
            track.Modules.Clear();
            track.Modules.AddRange(TrackFields.ToModules(modules));
        }
        var after = TrackFields.Snapshot(track);
        var changes = Changes(before, after);
        if (changes.Count > 0)
        {
            changes["trackId"] = [track.Id, track.Id];
            program.UpdatedAt = Now;
            audit.Record("program.track-changed", ProgramEntity, Key(program.Id), changes);
            await db.SaveChangesAsync(ct);
        }
        return [];
    }

    /// <summary>Deletes a track with its modules, providers and quotas; refused while applications chose it.</summary>
    public async Task<IReadOnlyList<FieldIssue>> DeleteTrackAsync(TrainingProgram program, Track track, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(track);
        var applications = await applicationCounts.ForTrackAsync(track.Id, ct);
        if (applications > 0)
        {
            return [Checks.Issue("trackId", "has-applications", ProgramMessages.TrackHasApplicationsMessage, Checks.Number(applications))];
        }
        var quotas = await db.ProgramQuotas.Where(q => q.AgencyId == program.AgencyId && q.TrackId == track.Id).ToListAsync(ct);
        var providers = await db.TrackProviders.Where(tp => tp.AgencyId == program.AgencyId && tp.TrackId == track.Id).ToListAsync(ct);
        var snapshot = TrackFields.Snapshot(track);
        snapshot["quotas"] = quotas.Select(q => new object[] { q.RegionCode, q.Size }).ToList();
        snapshot["providers"] = providers.Select(tp => new { tp.ProviderId, tp.Seats }).ToList();
        db.ProgramQuotas.RemoveRange(quotas);
        db.TrackProviders.RemoveRange(providers);
        program.Tracks.Remove(track);
        db.Tracks.Remove(track);
        program.UpdatedAt = Now;
        audit.Record("program.track-deleted", ProgramEntity, Key(program.Id), snapshot);
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>Replaces the providers of a track; every provider must be the agency's, each at most once.</summary>
    public async Task<IReadOnlyList<FieldIssue>> SetTrackProvidersAsync(TrainingProgram program, Track track, IReadOnlyList<TrackProviderValues> providers, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(providers);
        var own = (await scope.Providers.Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var errors = new List<FieldIssue>();
        var seen = new HashSet<int>();
        for (var i = 0; i < providers.Count; i++)
        {
            var p = providers[i];
            var prefix = "[" + i.ToString(CultureInfo.InvariantCulture) + "].";
            if (!own.Contains(p.ProviderId))
            {
                errors.Add(Checks.Issue(prefix + "providerId", "unknown", ProgramMessages.ProviderNotOfAgencyMessage, Checks.Number(p.ProviderId)));
            }
            else if (!seen.Add(p.ProviderId))
            {
                errors.Add(Checks.Issue(prefix + "providerId", "twice", ProgramMessages.ProviderTwiceMessage, Checks.Number(p.ProviderId)));
            }
            if (p.Seats is < 1 or > ProviderFields.MaxCapacity)
            {
                errors.Add(Checks.Issue(prefix + "seats", "invalid", ProgramMessages.SeatsInvalidMessage, Checks.Number(p.Seats.Value)));
            }
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        var current = await db.TrackProviders.Where(tp => tp.AgencyId == program.AgencyId && tp.TrackId == track.Id).ToListAsync(ct);
        var before = current.OrderBy(tp => tp.ProviderId).Select(tp => new { tp.ProviderId, tp.Seats }).ToList();
        db.TrackProviders.RemoveRange(current.Where(tp => !seen.Contains(tp.ProviderId)));
        foreach (var p in providers)
        {
            if (current.FirstOrDefault(tp => tp.ProviderId == p.ProviderId) is { } existing)
            {
                existing.Seats = p.Seats;
            }
            else
            {
                db.TrackProviders.Add(new TrackProvider { AgencyId = program.AgencyId, TrackId = track.Id, ProviderId = p.ProviderId, Seats = p.Seats });
            }
        }
        var after = providers.OrderBy(p => p.ProviderId).Select(p => new { p.ProviderId, p.Seats }).ToList();
        if (!before.SequenceEqual(after))
        {
            program.UpdatedAt = Now;
            audit.Record("program.track-providers-changed", ProgramEntity, Key(program.Id), new { trackId = track.Id, before, after });
            await db.SaveChangesAsync(ct);
        }
        return [];
    }

    /// <summary>Replaces all the program's quotas at once (one save: all or nothing).</summary>
    public async Task ReplaceQuotasAsync(TrainingProgram program, IReadOnlyList<QuotaValues> quotas, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(quotas);
        var current = await db.ProgramQuotas.Where(q => q.AgencyId == program.AgencyId && q.ProgramId == program.Id).ToListAsync(ct);
        static List<object?[]> Rows(IEnumerable<(string Code, int? Track, int Size)> rows) =>
            [.. rows.OrderBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.Track).Select(r => new object?[] { r.Code, r.Track, r.Size })];
        var before = Rows(current.Select(q => (q.RegionCode, q.TrackId, q.Size)));
        var after = Rows(quotas.Select(q => (q.VillageCode, q.TrackId, q.Size)));
        db.ProgramQuotas.RemoveRange(current);
        db.ProgramQuotas.AddRange(quotas.Select(q => new ProgramQuota { AgencyId = program.AgencyId, ProgramId = program.Id, RegionCode = q.VillageCode, TrackId = q.TrackId, Size = q.Size }));
        program.UpdatedAt = Now;
        audit.Record("program.quotas-replaced", ProgramEntity, Key(program.Id), new
        {
            totalBefore = current.Sum(q => q.Size),
            totalAfter = quotas.Sum(q => q.Size),
            before,
            after,
        });
        await db.SaveChangesAsync(ct);
    }

    public async Task<(int? Id, IReadOnlyList<FieldIssue> Errors)> CreateProviderAsync(ProviderValues values, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (await ProviderNameTakenAsync(values.Name, null, ct))
        {
            return (null, [Checks.Issue("name", "taken", ProgramMessages.ProviderNameTakenMessage, values.Name)]);
        }
        var provider = new Provider { AgencyId = scope.AgencyId, Name = values.Name, CreatedAt = Now };
        ProviderFields.Apply(provider, values);
        await db.InOneTransactionAsync(async () =>
        {
            db.Providers.Add(provider);
            await db.SaveChangesAsync(ct);
            audit.Record("provider.created", ProviderEntity, Key(provider.Id), ProviderFields.Snapshot(provider));
            await db.SaveChangesAsync(ct);
        }, ct);
        return (provider.Id, []);
    }

    public async Task<IReadOnlyList<FieldIssue>> UpdateProviderAsync(Provider provider, ProviderValues values, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(values);
        if (await ProviderNameTakenAsync(values.Name, provider.Id, ct))
        {
            return [Checks.Issue("name", "taken", ProgramMessages.ProviderNameTakenMessage, values.Name)];
        }
        var before = ProviderFields.Snapshot(provider);
        ProviderFields.Apply(provider, values);
        var changes = Changes(before, ProviderFields.Snapshot(provider));
        if (changes.Count > 0)
        {
            audit.Record("provider.changed", ProviderEntity, Key(provider.Id), changes);
            await db.SaveChangesAsync(ct);
        }
        return [];
    }

    public static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Field → [old, new] for each field that changed.</summary>
    public static Dictionary<string, object?[]> Changes<T>(IReadOnlyDictionary<string, T> before, IReadOnlyDictionary<string, T> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new Dictionary<string, object?[]>(StringComparer.Ordinal);
        foreach (var (key, value) in after)
        {
            before.TryGetValue(key, out var old);
            if (!Same(old, value))
            {
                changes[key] = [old, value];
            }
        }
        return changes;
    }

    private static bool Same(object? a, object? b) =>
        a is System.Collections.IEnumerable x and not string && b is System.Collections.IEnumerable y and not string
            ? x.Cast<object?>().SequenceEqual(y.Cast<object?>())
            : Equals(a, b);

    private async Task SaveChangesAsync<T>(TrainingProgram program, string action, Dictionary<string, T> before, Dictionary<string, T> after, CancellationToken ct)
    {
        var changes = Changes(before, after);
        if (changes.Count == 0)
        {
            return;
        }
        program.UpdatedAt = Now;
        audit.Record(action, ProgramEntity, Key(program.Id), changes);
        await db.SaveChangesAsync(ct);
    }

    private static void AddWomenOnly(Dictionary<string, string?> snapshot, TrainingProgram program) =>
        snapshot["womenOnlyTracks"] = string.Join(", ", program.Tracks.Where(t => t.WomenOnly).OrderBy(t => t.Id).Select(t => t.Name));

    private static bool NameTaken(TrainingProgram program, string name, int? exceptId) =>
        program.Tracks.Any(t => t.Id != exceptId && string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    private async Task<bool> ProviderNameTakenAsync(string name, int? exceptId, CancellationToken ct)
    {
        var names = await scope.Providers.Where(p => p.Id != exceptId).Select(p => p.Name).ToListAsync(ct);
        return names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
    }
}
