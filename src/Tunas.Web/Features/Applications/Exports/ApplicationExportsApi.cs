using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SpreadCheetah;
using Tunas.Web.Data;
using Tunas.Web.Features.Audit;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;
using Tunas.Web.Features.Shared.Exports;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Applications.Exports;

/// <summary>
/// The applicants of a program as an .xlsx, for whoever may see the list: officers all of them, a kelurahan operator
/// their own kelurahan's only (the rule of <see cref="ApplicationList"/>). Full NIK and No. KK, so every export is
/// audited with the number of rows. The list's "Unduh Excel" button points here too.
/// </summary>
public static class ApplicationExportsApi
{
    public static IEndpointRouteBuilder MapApplicationExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/programs/{programId:int}/applications.xlsx", ExportAsync)
            .WithTags("Applications").RequireAuthorization(Policies.Applications);
        return app;
    }

    internal static async Task<Results<StreamedFile, NotFound>> ExportAsync(
        int programId, string? village, int? track, ApplicationList list, TunasDb db, AuditLog audit, RegionDirectory regions,
        TimeProvider clock, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var program = await list.ProgramAsync(programId, ct);
        if (program is null)
        {
            return TypedResults.NotFound();
        }
        var query = db.Applications.AsNoTracking().Where(a => a.AgencyId == program.AgencyId && a.ProgramId == programId);
        var own = list.OwnVillage;
        var villageCode = own ?? (string.IsNullOrWhiteSpace(village) ? null : village.Trim());
        if (villageCode is not null)
        {
            query = query.Where(a => a.VillageCode == villageCode);
        }
        if (track is { } t)
        {
            query = query.Where(a => a.FirstTrackId == t || a.SecondTrackId == t);
        }
        var rows = await query.CountAsync(ct);
        audit.Record("application.exported", "Program", programId.ToString(CultureInfo.InvariantCulture),
            new { rows, village = villageCode, track });
        await db.SaveChangesAsync(ct);

        var villages = await regions.VillagesAsync(ct);
        var tracks = program.Tracks.ToDictionary(x => x.Id, x => x.Name);
        string Village(string code) => villages.TryGetValue(code, out var v) ? v.Name : code;
        string Track(int? id) => id is { } i && tracks.TryGetValue(i, out var name) ? name : "";
        var today = clock.TodayInIndonesia();
        return new StreamedFile(SheetWriter.ContentType, SheetWriter.FileName("pendaftar-" + programId.ToString(CultureInfo.InvariantCulture), today, "xlsx"), async (body, token) =>
        {
            await using var book = await SheetWriter.CreateAsync(body, token);
            await book.StartSheetAsync(L["Applicants"], Columns(L), token);
            var source = query
                .Join(db.Persons, a => a.PersonId, p => p.Id, (a, p) => new
                {
                    a.Id,
                    a.RegistrationNumber,
                    p.Nik,
                    p.FamilyCardNumber,
                    p.FullName,
                    p.Sex,
                    p.BirthDate,
                    a.VillageCode,
                    a.FirstTrackId,
                    a.SecondTrackId,
                    a.Phone,
                    a.GivenName,
                    a.UnverifiedPhone,
                    a.Channel,
                    a.Status,
                    a.SubmittedAt,
                })
                .OrderBy(r => r.VillageCode).ThenBy(r => r.SubmittedAt).ThenBy(r => r.Id)
                .AsAsyncEnumerable().WithCancellation(token);
            var cells = new Cell[13];
            var n = 0;
            await foreach (var r in source)
            {
                // An operator's held application carries what they typed, never the registry's person elsewhere (decision 0021).
                var hidden = own is not null && r.Status == ApplicationStatus.Held;
                cells[0] = SheetWriter.Number(++n);
                cells[1] = book.Id(r.RegistrationNumber);
                cells[2] = book.Id(r.Nik);
                cells[3] = hidden ? SheetWriter.Text(null) : book.Id(r.FamilyCardNumber);
                cells[4] = SheetWriter.Text(hidden ? r.GivenName : r.FullName);
                cells[5] = SheetWriter.Text(hidden ? null : PersonDisplay.Sex(r.Sex, L));
                cells[6] = hidden ? SheetWriter.Text(null) : book.Date(r.BirthDate);
                cells[7] = SheetWriter.Text(Village(r.VillageCode));
                cells[8] = SheetWriter.Text(Track(r.FirstTrackId));
                cells[9] = SheetWriter.Text(Track(r.SecondTrackId));
                cells[10] = SheetWriter.Text(hidden ? r.UnverifiedPhone : r.Phone);
                cells[11] = SheetWriter.Text(ApplicationText.StatusLabel(hidden ? ApplicationStatus.Submitted : r.Status, L));
                cells[12] = book.Time(r.SubmittedAt);
                await book.AddRowAsync(cells, token);
            }
            await book.FinishAsync(token);
        });
    }

    private static SheetColumn[] Columns(IStringLocalizer L) =>
    [
        new(L["No."], 6), new(L["Registration number"], 18), new(L["NIK"], 19), new(L["No. KK"], 19), new(L["Name"], 28),
        new(L["Sex"], 12), new(L["Birth date"], 12), new(L["Kelurahan/desa"], 20), new(L["First choice"], 20),
        new(L["Second choice"], 20), new(L["WhatsApp"], 16), new(L["Status"], 14), new(L["Submitted"], 17),
    ];
}

/// <summary>The exports' words on the audit pages.</summary>
internal sealed class ApplicationExportsAuditVocabulary : IAuditVocabulary
{
    public string? Action(string action, IStringLocalizer L) =>
        action == "application.exported" ? L["Applicants exported to Excel"].Value : null;

    public string? Field(string field, IStringLocalizer L) => field switch
    {
        "rows" => L["Rows"].Value,
        "track" => L["Track"].Value,
        "village" => L["Kelurahan/desa"].Value,
        _ => null,
    };

    public string? Value(string field, string? raw, IStringLocalizer L, IReadOnlyDictionary<string, RegionSummary> villages) =>
        field == "village" && raw is not null && villages.TryGetValue(raw, out var v) ? v.Name : null;
}
