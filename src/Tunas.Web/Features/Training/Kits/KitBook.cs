using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Training.Kits;

public sealed record KitItemRead(string Name, int Quantity, long UnitValue, long Value);

public sealed record TrackKitRead(int TrackId, string TrackName, IReadOnlyList<KitItemRead> Items, long Value);

/// <summary>An item of the program's stock: bought, handed over in standing hand-overs (same name), left.</summary>
public sealed record KitStockRead(string Name, int Bought, long UnitValue, int HandedOver, int Left);

public sealed record ProgramKits(
    int ProgramId, string ProgramName, ProgramSpending Money, IReadOnlyList<TrackKitRead> Templates, IReadOnlyList<KitStockRead> Stock);

/// <summary>Kit templates per track and the program's stock (officers), and the program's kit totals.</summary>
public sealed class KitBook(TunasDb db, CohortScope scope, ProgramSpendingReader spending, AuditLog audit)
{
    /// <summary>Null when the program or track is not the agency's.</summary>
    public async Task<IReadOnlyList<FieldIssue>?> SaveTemplateAsync(int programId, int trackId, IReadOnlyList<KitItemBody?>? items, CancellationToken ct = default)
    {
        if (!await db.Tracks.AnyAsync(t => t.AgencyId == scope.AgencyId && t.ProgramId == programId && t.Id == trackId, ct))
        {
            return null;
        }
        var (values, errors) = KitRules.Check(items, allowEmpty: true);
        if (errors.Count > 0)
        {
            return errors;
        }
        var old = await db.Set<KitTemplateItem>().Where(x => x.AgencyId == scope.AgencyId && x.TrackId == trackId).ToListAsync(ct);
        db.RemoveRange(old);
        db.AddRange(values.Select((v, i) => new KitTemplateItem
        {
            AgencyId = scope.AgencyId,
            TrackId = trackId,
            SortOrder = i,
            Name = v.Name,
            Quantity = v.Quantity,
            UnitValue = v.UnitValue,
        }));
        audit.Record("kit.template-changed", "Track", CohortWriter.Text(trackId), new { items = values.Count, value = values.Sum(v => v.Value) });
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>Replaces the program's list of items bought. Null when the program is not the agency's.</summary>
    public async Task<IReadOnlyList<FieldIssue>?> SaveStockAsync(int programId, IReadOnlyList<KitItemBody?>? items, CancellationToken ct = default)
    {
        if (!await scope.Programs.AnyAsync(p => p.Id == programId, ct))
        {
            return null;
        }
        var (values, errors) = KitRules.Check(items, allowEmpty: true);
        if (errors.Count > 0)
        {
            return errors;
        }
        var old = await db.Set<KitStockItem>().Where(x => x.AgencyId == scope.AgencyId && x.ProgramId == programId).ToListAsync(ct);
        db.RemoveRange(old);
        db.AddRange(values.Select(v => new KitStockItem { AgencyId = scope.AgencyId, ProgramId = programId, Name = v.Name, Quantity = v.Quantity, UnitValue = v.UnitValue }));
        audit.Record("kit.stock-changed", "Program", CohortWriter.Text(programId), new { items = values.Count, value = values.Sum(v => v.Value) });
        await db.SaveChangesAsync(ct);
        return [];
    }

    public async Task<IReadOnlyList<KitItemValues>> TemplateAsync(int trackId, CancellationToken ct = default) =>
        [.. (await db.Set<KitTemplateItem>().AsNoTracking().Where(x => x.AgencyId == scope.AgencyId && x.TrackId == trackId)
            .OrderBy(x => x.SortOrder).ThenBy(x => x.Id).ToListAsync(ct)).Select(x => new KitItemValues(x.Name, x.Quantity, x.UnitValue))];

    /// <summary>The program's templates, stock and money. Null when the program is not the agency's.</summary>
    public async Task<ProgramKits?> ReadAsync(int programId, CancellationToken ct = default)
    {
        var program = await scope.Programs.AsNoTracking().Where(p => p.Id == programId).Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(ct);
        if (program is null || await spending.ReadAsync(scope.AgencyId, programId, ct) is not { } money)
        {
            return null;
        }
        var tracks = await db.Tracks.AsNoTracking().Where(t => t.AgencyId == scope.AgencyId && t.ProgramId == programId)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Id).Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        var trackIds = tracks.Select(t => t.Id).ToList();
        var items = await db.Set<KitTemplateItem>().AsNoTracking().Where(x => x.AgencyId == scope.AgencyId && trackIds.Contains(x.TrackId))
            .OrderBy(x => x.SortOrder).ThenBy(x => x.Id).ToListAsync(ct);
        var templates = tracks.Select(t =>
        {
            var list = items.Where(i => i.TrackId == t.Id).Select(i => new KitItemRead(i.Name, i.Quantity, i.UnitValue, i.Quantity * i.UnitValue)).ToList();
            return new TrackKitRead(t.Id, t.Name, list, list.Sum(i => i.Value));
        }).ToList();
        var bought = await db.Set<KitStockItem>().AsNoTracking().Where(x => x.AgencyId == scope.AgencyId && x.ProgramId == programId)
            .OrderBy(x => x.Id).ToListAsync(ct);
        var given = await (
            from h in db.Set<KitHandover>()
            where h.AgencyId == scope.AgencyId && h.ProgramId == programId && h.VoidedAt == null
            join i in db.Set<KitHandoverItem>() on h.Id equals i.HandoverId
            where i.AgencyId == scope.AgencyId
            select new { i.Name, i.Quantity }).ToListAsync(ct);
        var givenByName = given.GroupBy(g => g.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Sum(x => x.Quantity), StringComparer.OrdinalIgnoreCase);
        var stock = bought.GroupBy(b => b.Name, StringComparer.OrdinalIgnoreCase).Select(g =>
        {
            var count = g.Sum(b => b.Quantity);
            var handed = givenByName.GetValueOrDefault(g.Key);
            return new KitStockRead(g.First().Name, count, g.First().UnitValue, handed, count - handed);
        }).ToList();
        // Items handed over that were never bought show as stock below zero, so the gap is seen.
        stock.AddRange(givenByName.Where(g => !bought.Any(b => string.Equals(b.Name, g.Key, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase).Select(g => new KitStockRead(g.Key, 0, 0, g.Value, -g.Value)));
        return new ProgramKits(program.Id, program.Name, money, templates, stock);
    }
}
