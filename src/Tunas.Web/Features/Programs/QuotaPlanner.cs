using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Regions;

namespace Tunas.Web.Features.Programs;

/// <summary>One kelurahan row of the quota grid: its name, poor residents and the seats per column.</summary>
public sealed record QuotaRow(string Code, string Name, long PoorResidents);

/// <summary>A proposal ready to show (never saved by itself): rows with their seats and the tracks of the columns.</summary>
/// <param name="Error">Why no proposal could be made (an English message, a localization key), or null.</param>
public sealed record QuotaPlan(
    int TargetSize, bool PerTrack, IReadOnlyList<QuotaRow> Rows, IReadOnlyList<Track> Tracks,
    IReadOnlyList<ProposedVillage> Proposal, string? Error)
{
    /// <summary>The proposal as a quota list (kelurahan without seats left out), in the shape the API's PUT takes.</summary>
    public IReadOnlyList<QuotaValues> Quotas =>
        [.. Proposal.SelectMany(v => PerTrack
            ? v.TrackSeats.Select((seats, i) => new QuotaValues(v.Code, Tracks[i].Id, seats))
            : [new QuotaValues(v.Code, null, v.Seats)])
            .Where(q => q.Size > 0)];
}

/// <summary>
/// The kelurahan of a program's area with their poor residents (desil 1-4 in the agency's registry, by domicile)
/// and the proposal of <see cref="QuotaProposal"/> over them.
/// </summary>
public sealed class QuotaPlanner(TunasDb db, ProgramScope scope)
{
    public const int PoorDesil = 4;

    public async Task<IReadOnlyList<QuotaRow>> RowsAsync(TrainingProgram program, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(program);
        var area = await scope.AreaAsync(program, ct);
        var villages = await scope.VillagesInAsync(area, ct);
        var poor = await PoorResidentsAsync(area, ct);
        return [.. villages.Select(v => new QuotaRow(v.Code, v.Name, poor.GetValueOrDefault(v.Code)))];
    }

    public async Task<QuotaPlan> ProposeAsync(TrainingProgram program, bool perTrack, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(program);
        var rows = await RowsAsync(program, ct);
        var tracks = perTrack ? program.Tracks.OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToList() : [];
        string? error = null;
        if (perTrack && tracks.Count == 0)
        {
            error = ProgramMessages.ProposalNoTracksMessage;
        }
        else if (rows.All(r => r.PoorResidents == 0))
        {
            error = ProgramMessages.ProposalNoPoorMessage;
        }
        var proposal = error is null
            ? QuotaProposal.Propose(program.TargetSize, [.. rows.Select(r => new VillageWeight(r.Code, r.PoorResidents))], tracks.Count)
            : [];
        return new QuotaPlan(program.TargetSize, perTrack, rows, tracks, proposal, error);
    }

    /// <summary>Residents of desil 1-4 per kelurahan code inside <paramref name="area"/>.</summary>
    public async Task<Dictionary<string, long>> PoorResidentsAsync(string? area, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(area))
        {
            return [];
        }
        // Codes hold digits and dots only: nothing in them is a LIKE wildcard.
        var prefix = area + ".";
        var agency = scope.AgencyId;
        var counts = await db.Persons.AsNoTracking()
            .Where(p => p.AgencyId == agency && p.WelfareDecile >= 1 && p.WelfareDecile <= PoorDesil && EF.Functions.Like(p.VillageCode, prefix + "%"))
            .GroupBy(p => p.VillageCode)
            .Select(g => new { g.Key, Count = g.LongCount() })
            .ToListAsync(ct);
        return counts.ToDictionary(c => c.Key, c => c.Count, StringComparer.Ordinal);
    }

    /// <summary>The stored quotas of a program.</summary>
    public Task<List<ProgramQuota>> StoredAsync(int programId, CancellationToken ct = default)
    {
        var agency = scope.AgencyId;
        return db.ProgramQuotas.AsNoTracking().Where(q => q.AgencyId == agency && q.ProgramId == programId)
            .OrderBy(q => q.RegionCode).ThenBy(q => q.TrackId).ToListAsync(ct);
    }

    /// <summary>The names of kelurahan for display.</summary>
    public Task<IReadOnlyDictionary<string, RegionSummary>> VillagesAsync(CancellationToken ct = default) => scope.AllVillagesAsync(ct);
}
