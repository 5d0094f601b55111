using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SpreadCheetah;
using Tunas.Web.Data;
using Tunas.Web.Features.Audit;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Shared;
using Tunas.Web.Features.Shared.Exports;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry.Exports;

/// <summary>
/// The registry as an .xlsx: the whole agency's for officers, a kelurahan operator's own kelurahan only
/// (<see cref="RegistryAccess.OwnVillage"/>), optionally one kelurahan or one desil. Streamed from the database row by
/// row, so a city's 200,000 residents cost no more memory than a hundred (bench: registry-export). Audited.
/// </summary>
public static class RegistryExportsApi
{
    public static IEndpointRouteBuilder MapRegistryExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/persons.xlsx", ExportAsync).WithTags("Persons").RequireAuthorization(Policies.Registry);
        return app;
    }

    internal static async Task<StreamedFile> ExportAsync(
        string? village, int? desil, CurrentUser me, TunasDb db, AuditLog audit, RegionDirectory regions, TimeProvider clock,
        IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var agency = me.AgencyId ?? 0;
        var villageCode = RegistryAccess.OwnVillage(me) ?? (string.IsNullOrWhiteSpace(village) ? null : village.Trim());
        var query = db.Persons.AsNoTracking().Where(p => p.AgencyId == agency);
        if (villageCode is not null)
        {
            query = query.Where(p => p.VillageCode == villageCode);
        }
        if (desil is >= 1 and <= 10)
        {
            query = query.Where(p => p.WelfareDecile == desil);
        }
        var rows = await query.CountAsync(ct);
        audit.Record("registry.exported", "Registry", villageCode, new { rows, village = villageCode, desil });
        await db.SaveChangesAsync(ct);

        var villages = await regions.VillagesAsync(ct);
        var name = "warga-" + (villageCode ?? "semua");
        return new StreamedFile(SheetWriter.ContentType, SheetWriter.FileName(name, clock.TodayInIndonesia(), "xlsx"), (body, token) =>
            WriteAsync(body, query.OrderBy(p => p.VillageCode).ThenBy(p => p.NameKey).ThenBy(p => p.Id), villages, L, token));
    }

    /// <summary>The rows of <paramref name="persons"/> onto <paramref name="output"/>, one sheet; public for the bench.</summary>
    public static async Task WriteAsync(Stream output, IQueryable<Person> persons, IReadOnlyDictionary<string, RegionSummary> villages,
        IStringLocalizer L, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(persons);
        await using var book = await SheetWriter.CreateAsync(output, ct);
        await book.StartSheetAsync(L["Residents"], Columns(L), ct);
        var source = persons.Select(p => new PersonRow(
            p.Nik, p.FamilyCardNumber, p.FullName, p.Sex, p.BirthPlace, p.BirthDate, p.Address, p.Rt, p.Rw, p.VillageCode, p.Phone,
            p.Education, p.Occupation, p.WelfareDecile, p.WelfareSource, p.WelfareAsOf));
        var cells = new Cell[Width];
        var n = 0;
        await foreach (var r in source.AsAsyncEnumerable().WithCancellation(ct))
        {
            Fill(cells, ++n, r, book, villages, L);
            await book.AddRowAsync(cells, ct);
        }
        await book.FinishAsync(ct);
    }

    /// <summary>The same file from rows already in memory: the bench's baseline without a database.</summary>
    public static async Task WriteAsync(Stream output, IEnumerable<PersonRow> persons, IReadOnlyDictionary<string, RegionSummary> villages,
        IStringLocalizer L, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(persons);
        await using var book = await SheetWriter.CreateAsync(output, ct);
        await book.StartSheetAsync(L["Residents"], Columns(L), ct);
        var cells = new Cell[Width];
        var n = 0;
        foreach (var r in persons)
        {
            Fill(cells, ++n, r, book, villages, L);
            await book.AddRowAsync(cells, ct);
        }
        await book.FinishAsync(ct);
    }

    private const int Width = 17;

    private static void Fill(Cell[] cells, int n, PersonRow r, SheetWriter book, IReadOnlyDictionary<string, RegionSummary> villages, IStringLocalizer L)
    {
        cells[0] = SheetWriter.Number(n);
        cells[1] = book.Id(r.Nik);
        cells[2] = book.Id(r.FamilyCardNumber);
        cells[3] = SheetWriter.Text(r.FullName);
        cells[4] = SheetWriter.Text(PersonDisplay.Sex(r.Sex, L));
        cells[5] = SheetWriter.Text(r.BirthPlace);
        cells[6] = book.Date(r.BirthDate);
        cells[7] = SheetWriter.Text(r.Address);
        cells[8] = book.Id(r.Rt);
        cells[9] = book.Id(r.Rw);
        cells[10] = SheetWriter.Text(villages.TryGetValue(r.VillageCode, out var v) ? v.Name : r.VillageCode);
        cells[11] = SheetWriter.Text(r.Phone);
        cells[12] = SheetWriter.Text(r.Education is null ? null : PersonDisplay.Label(r.Education));
        cells[13] = SheetWriter.Text(r.Occupation);
        cells[14] = SheetWriter.Number(r.WelfareDecile);
        cells[15] = SheetWriter.Text(r.WelfareSource);
        cells[16] = book.Date(r.WelfareAsOf);
    }

    private static SheetColumn[] Columns(IStringLocalizer L) =>
    [
        new(L["No."], 7), new(L["NIK"], 19), new(L["No. KK"], 19), new(L["Name"], 28), new(L["Sex"], 12), new(L["Birth place"], 16),
        new(L["Birth date"], 12), new(L["Address"], 30), new(L["RT"], 5), new(L["RW"], 5), new(L["Kelurahan/desa"], 20),
        new(L["Phone"], 16), new(L["Education"], 14), new(L["Occupation"], 18), new(L["Desil"], 7), new(L["Desil source"], 16),
        new(L["Desil as of"], 12),
    ];
}

/// <summary>One resident as the export writes them.</summary>
public sealed record PersonRow(
    string Nik, string? FamilyCardNumber, string FullName, Sex Sex, string? BirthPlace, DateOnly BirthDate, string? Address, string? Rt,
    string? Rw, string VillageCode, string? Phone, Education? Education, string? Occupation, int? WelfareDecile, string? WelfareSource,
    DateOnly? WelfareAsOf);

/// <summary>The registry export's words on the audit pages.</summary>
internal sealed class RegistryExportsAuditVocabulary : IAuditVocabulary
{
    public string? Action(string action, IStringLocalizer L) =>
        action == "registry.exported" ? L["Residents exported to Excel"].Value : null;

    public string? Field(string field, IStringLocalizer L) => field switch
    {
        "rows" => L["Rows"].Value,
        "village" => L["Kelurahan/desa"].Value,
        "desil" => L["Desil"].Value,
        _ => null,
    };

    public string? Value(string field, string? raw, IStringLocalizer L, IReadOnlyDictionary<string, RegionSummary> villages) =>
        field == "village" && raw is not null && villages.TryGetValue(raw, out var v) ? v.Name : null;
}
