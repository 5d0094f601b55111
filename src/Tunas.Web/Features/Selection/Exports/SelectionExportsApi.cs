using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SpreadCheetah;
using Tunas.Web.Data;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Audit;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;
using Tunas.Web.Features.Shared.Exports;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Selection.Exports;

/// <summary>
/// A run's result for the office: the selected and the waitlist as an .xlsx (a sheet each, every row with its
/// kelurahan and track, so a filter gives one kelurahan's list), and the berita acara as a PDF. Officers only, as
/// the run pages; audited, as they carry full NIKs and names.
/// </summary>
public static class SelectionExportsApi
{
    public static IEndpointRouteBuilder MapSelectionExports(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/programs/{id:int}/selection-runs/{runId:long}").WithTags("Selection").RequireAuthorization(Policies.Selection);
        api.MapGet("/results.xlsx", ResultsAsync);
        api.MapGet("/report.pdf", ReportAsync);
        return app;
    }

    internal static async Task<Results<StreamedFile, NotFound>> ResultsAsync(
        int id, long runId, SelectionQueries queries, TunasDb db, AuditLog audit, RegionDirectory regions, TimeProvider clock,
        IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var program = await queries.ProgramAsync(id, ct);
        var run = program is null ? null : await queries.RunAsync(id, runId, ct);
        if (program is null || run is null)
        {
            return TypedResults.NotFound();
        }
        var decisions = db.SelectionDecisions.AsNoTracking()
            .Where(d => d.AgencyId == run.AgencyId && d.RunId == runId && (d.Status == DecisionStatus.Selected || d.Status == DecisionStatus.Promoted || d.Status == DecisionStatus.Waitlisted));
        var rows = await decisions.CountAsync(ct);
        audit.Record("selection.exported", "SelectionRun", runId.ToString(CultureInfo.InvariantCulture), new { rows, run = run.Number });
        await db.SaveChangesAsync(ct);

        var villages = await regions.VillagesAsync(ct);
        var tracks = program.Tracks.ToDictionary(t => (long)t.Id, t => t.Name);
        var file = SheetWriter.FileName($"hasil-seleksi-{id.ToString(CultureInfo.InvariantCulture)}-{run.Number.ToString(CultureInfo.InvariantCulture)}", clock.TodayInIndonesia(), "xlsx");
        return new StreamedFile(SheetWriter.ContentType, file, async (body, token) =>
        {
            await using var book = await SheetWriter.CreateAsync(body, token);
            await WriteSheetAsync(book, L["Selected"], decisions.Where(d => d.Status != DecisionStatus.Waitlisted), waitlist: false, token);
            await WriteSheetAsync(book, L["Waitlist"], decisions.Where(d => d.Status == DecisionStatus.Waitlisted), waitlist: true, token);
            await book.FinishAsync(token);
        });

        async Task WriteSheetAsync(SheetWriter book, string name, IQueryable<SelectionDecision> which, bool waitlist, CancellationToken token)
        {
            await book.StartSheetAsync(name, Columns(L, waitlist), token);
            var source = (
                from d in which
                join a in db.Applications on d.ApplicationId equals a.Id
                join p in db.Persons on a.PersonId equals p.Id
                orderby d.QuotaRegion, d.TrackId, d.WaitlistPosition, d.Rank, d.RegistrationNumber
                select new { d.QuotaRegion, d.TrackId, d.Rank, d.WaitlistPosition, d.Score, d.Status, d.RegistrationNumber, p.Nik, p.FamilyCardNumber, p.FullName, p.Sex, p.BirthDate, d.VillageCode, a.Phone })
                .AsAsyncEnumerable().WithCancellation(token);
            var cells = new Cell[13];
            var n = 0;
            await foreach (var r in source)
            {
                cells[0] = SheetWriter.Number(++n);
                cells[1] = SheetWriter.Text(villages.TryGetValue(r.QuotaRegion, out var q) ? q.Name : r.QuotaRegion);
                cells[2] = SheetWriter.Text(r.TrackId is { } t && tracks.TryGetValue(t, out var track) ? track : "");
                cells[3] = SheetWriter.Number(waitlist ? r.WaitlistPosition : r.Rank);
                cells[4] = book.Id(r.RegistrationNumber);
                cells[5] = book.Id(r.Nik);
                cells[6] = book.Id(r.FamilyCardNumber);
                cells[7] = SheetWriter.Text(r.FullName);
                cells[8] = SheetWriter.Text(PersonDisplay.Sex(r.Sex, L));
                cells[9] = book.Date(r.BirthDate);
                cells[10] = SheetWriter.Text(villages.TryGetValue(r.VillageCode, out var v) ? v.Name : r.VillageCode);
                cells[11] = SheetWriter.Number(r.Score);
                cells[12] = SheetWriter.Text(r.Phone);
                await book.AddRowAsync(cells, token);
            }
        }
    }

    internal static async Task<Results<StreamedFile, NotFound>> ReportAsync(
        int id, long runId, SelectionQueries queries, SelectionReport report, AgencyService agencies, TunasDb db, AuditLog audit,
        TimeProvider clock, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var program = await queries.ProgramAsync(id, ct);
        var run = program is null ? null : await queries.RunAsync(id, runId, ct);
        if (program is null || run is null)
        {
            return TypedResults.NotFound();
        }
        var pdf = await report.CreateAsync(program, run, await agencies.CurrentAsync(ct), ct);
        audit.Record("selection.report-printed", "SelectionRun", runId.ToString(CultureInfo.InvariantCulture), new { run = run.Number });
        await db.SaveChangesAsync(ct);
        var file = SheetWriter.FileName($"berita-acara-seleksi-{id.ToString(CultureInfo.InvariantCulture)}-{run.Number.ToString(CultureInfo.InvariantCulture)}", clock.TodayInIndonesia(), "pdf");
        return new StreamedFile("application/pdf", file, (body, token) => body.WriteAsync(pdf, token).AsTask());
    }

    private static SheetColumn[] Columns(IStringLocalizer L, bool waitlist) =>
    [
        new(L["No."], 6), new(L["Quota kelurahan"], 20), new(L["Track"], 20), new(waitlist ? L["Waitlist position"] : L["Rank"], 10),
        new(L["Registration number"], 18), new(L["NIK"], 19), new(L["No. KK"], 19), new(L["Name"], 28), new(L["Sex"], 12),
        new(L["Birth date"], 12), new(L["Kelurahan/desa"], 20), new(L["Score"], 8), new(L["WhatsApp"], 16),
    ];
}

/// <summary>The selection exports' words on the audit pages.</summary>
internal sealed class SelectionExportsAuditVocabulary : IAuditVocabulary
{
    public string? Action(string action, IStringLocalizer L) => action switch
    {
        "selection.exported" => L["Selected and waitlist exported to Excel"].Value,
        "selection.report-printed" => L["Selection report (berita acara) printed"].Value,
        _ => null,
    };

    public string? Field(string field, IStringLocalizer L) => field switch
    {
        "rows" => L["Rows"].Value,
        "run" => L["Selection run"].Value,
        _ => null,
    };
}
