using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Businesses;

public sealed record CategoryRead(int Id, string Name, bool Retired, int Businesses);

/// <summary>
/// The agency's product categories. The first use seeds the usual six; officers add, rename and retire them (a retired
/// category stays on the businesses that have it, but new ones cannot choose it).
/// </summary>
public sealed class BusinessCategories(TunasDb db, CurrentUser me, AuditLog audit, TimeProvider clock, Catalogue.CatalogueChoiceCache choices)
{
    public const int NameMax = 60;

    public static readonly IReadOnlyList<string> Defaults = ["makanan", "minuman", "pakaian", "kerajinan", "rumah tangga", "jasa"];

    public const string NameRequiredMessage = "Fill in the category's name.";
    public const string NameTakenMessage = "The agency already has a category named {0}.";

    private int AgencyId => me.AgencyId ?? 0;

    private IQueryable<BusinessCategory> Mine => db.Set<BusinessCategory>().Where(c => c.AgencyId == AgencyId);

    public async Task EnsureAsync(CancellationToken ct = default)
    {
        if (AgencyId == 0 || await Mine.AnyAsync(ct))
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = Defaults.Select(n => new BusinessCategory { AgencyId = AgencyId, Name = n, CreatedAt = now }).ToList();
        db.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request seeded them first: theirs stand.
            foreach (var row in rows)
            {
                db.Entry(row).State = EntityState.Detached;
            }
        }
    }

    public async Task<IReadOnlyList<CategoryRead>> ListAsync(CancellationToken ct = default)
    {
        await EnsureAsync(ct);
        return await Mine.AsNoTracking().OrderBy(c => c.Retired).ThenBy(c => c.Name)
            .Select(c => new CategoryRead(c.Id, c.Name, c.Retired, db.Set<Business>().Count(b => b.AgencyId == c.AgencyId && b.CategoryId == c.Id)))
            .ToListAsync(ct);
    }

    /// <summary>The categories a business may choose, by name ignoring case.</summary>
    public async Task<IReadOnlyDictionary<string, int>> ActiveAsync(CancellationToken ct = default)
    {
        await EnsureAsync(ct);
        var rows = await Mine.AsNoTracking().Where(c => !c.Retired).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Name, r => r.Id, StringComparer.OrdinalIgnoreCase);
    }

    public async Task<(int? Id, IReadOnlyList<FieldIssue> Errors)> AddAsync(string? name, CancellationToken ct = default)
    {
        await EnsureAsync(ct);
        if (await NameIssueAsync(name, null, ct) is { } issue)
        {
            return (null, [issue]);
        }
        var row = new BusinessCategory { AgencyId = AgencyId, Name = TextInput.Clean(name)!, CreatedAt = clock.GetUtcNow().UtcDateTime };
        await db.InOneTransactionAsync(async () =>
        {
            db.Add(row);
            await db.SaveChangesAsync(ct);
            audit.Record("business.category-added", "BusinessCategory", BusinessFields.Text(row.Id), new { name = row.Name });
            await db.SaveChangesAsync(ct);
        }, ct);
        return (row.Id, []);
    }

    /// <summary>Renames or retires a category; null when the agency has no such category.</summary>
    public async Task<IReadOnlyList<FieldIssue>?> ChangeAsync(int id, string? name, bool retired, CancellationToken ct = default)
    {
        if (await Mine.FirstOrDefaultAsync(c => c.Id == id, ct) is not { } row)
        {
            return null;
        }
        if (await NameIssueAsync(name, id, ct) is { } issue)
        {
            return [issue];
        }
        var before = row.Name;
        row.Name = TextInput.Clean(name)!;
        row.Retired = retired;
        audit.Record("business.category-changed", "BusinessCategory", BusinessFields.Text(row.Id), new { from = before, name = row.Name, retired });
        await db.SaveChangesAsync(ct);
        choices.Invalidate();
        return [];
    }

    private async Task<FieldIssue?> NameIssueAsync(string? name, int? except, CancellationToken ct)
    {
        var clean = TextInput.Clean(name);
        if (clean is null)
        {
            return BusinessFields.Issue("name", "required", NameRequiredMessage);
        }
        if (clean.Length > NameMax)
        {
            return BusinessFields.Issue("name", "too-long", BusinessFields.TooLongMessage, BusinessFields.Text(NameMax));
        }
        var names = await Mine.Where(c => c.Id != except).Select(c => c.Name).ToListAsync(ct);
        return names.Contains(clean, StringComparer.OrdinalIgnoreCase) ? BusinessFields.Issue("name", "taken", NameTakenMessage, clean) : null;
    }
}
