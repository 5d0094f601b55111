using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry.Imports;

public sealed record ImportCreated(Guid Id, string Status);

public sealed record ImportRead(
    Guid Id, string Status, string FileName, int TotalRows, int ProcessedRows, int Inserted, int Updated, int Unchanged, int Rejected,
    string? Error, DateTime CreatedAt, DateTime? FinishedAt, string? PausedBecause = null, DateTime? RetryAt = null)
{
    public static ImportRead From(ImportJob j, IStringLocalizer L) => new(
        j.Id, StatusName(j.Status), j.FileName, j.TotalRows, j.ProcessedRows, j.Inserted, j.Updated, j.Unchanged, j.Rejected,
        j.Error is null ? null : L[j.Error].Value, j.CreatedAt, j.FinishedAt,
        j.Status == ImportStatus.Paused && j.PausedBecause is { } cause ? L[cause].Value : null,
        j.Status == ImportStatus.Paused ? j.LeaseUntil : null);

    /// <summary>queued, running, paused (a passing database error; it goes on by itself), completed, failed (and awaitingMapping for an upload from a page).</summary>
    public static string StatusName(ImportStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());
}

public static class ImportsApi
{
    /// <summary>Room for the multipart envelope around the largest accepted file.</summary>
    private const long EnvelopeBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/imports").WithTags("Imports").RequireAuthorization(Policies.Registry);

        // Programs send a bearer token and no anti-forgery token; browsers' cookies do not travel on a cross-site POST (SameSite=Lax).
        api.MapPost("/persons", UploadAsync).DisableAntiforgery();
        api.MapGet("/{id:guid}", GetAsync);
        api.MapGet("/{id:guid}/errors.csv", ErrorsCsvAsync);
        api.MapGet("/{id:guid}/errors.xlsx", ErrorsXlsxAsync);
        return app;
    }

    /// <summary>The jobs a user may see: the agency's, and for a kelurahan operator only their own.</summary>
    public static IQueryable<ImportJob> Visible(TunasDb db, CurrentUser me)
    {
        var agency = me.AgencyId ?? 0;
        var jobs = db.ImportJobs.Where(j => j.AgencyId == agency);
        if (ImportActor.IsOperatorOnly(me))
        {
            var id = me.Id ?? "-";
            jobs = jobs.Where(j => j.CreatedById == id);
        }
        return jobs;
    }

    internal static async Task<Results<Accepted<ImportCreated>, ValidationProblem>> UploadAsync(
        HttpRequest request, ImportUploads uploads, ImportChannel queue, CurrentUser me, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        // The server's default body limit (about 30 MB) is below what an import may be.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = uploads.MaxBytes + EnvelopeBytes;
        }
        if (request.ContentLength > uploads.MaxBytes + EnvelopeBytes)
        {
            return Refused(new ImportRefusal(ImportMessages.TooLargeMessage, Megabytes(uploads.MaxBytes)), L);
        }
        if (!request.HasFormContentType)
        {
            return Refused(new ImportRefusal(ImportMessages.NoFileMessage), L);
        }
        IFormCollection form;
        try
        {
            // The form reader's own default (128 MB) would otherwise cap a larger configured Imports:MaxFileBytes.
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = uploads.MaxBytes + EnvelopeBytes }, ct);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return Refused(new ImportRefusal(ImportMessages.TooLargeMessage, Megabytes(uploads.MaxBytes)), L);
        }
        var file = form.Files.GetFile("file");
        await using var content = file?.OpenReadStream();
        var result = await uploads.CreateAsync(content, file?.FileName, file?.Length ?? 0, form["regencyCode"].FirstOrDefault(),
            form["columns"].FirstOrDefault(), ImportActor.From(me), awaitMapping: false, ct);
        if (result.Job is not { } job)
        {
            return Refused(result.Refusal!, L);
        }
        await queue.EnqueueAsync(job.Id, ct);
        return TypedResults.Accepted($"/api/v1/imports/{job.Id}", new ImportCreated(job.Id, ImportRead.StatusName(job.Status)));
    }

    internal static async Task<Results<Ok<ImportRead>, NotFound>> GetAsync(Guid id, TunasDb db, CurrentUser me, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var job = await Visible(db, me).AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        return job is null ? TypedResults.NotFound() : TypedResults.Ok(ImportRead.From(job, L));
    }

    internal static async Task<Results<PushStreamHttpResult, NotFound>> ErrorsCsvAsync(Guid id, TunasDb db, CurrentUser me, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (!await Visible(db, me).AnyAsync(j => j.Id == id, ct))
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Stream(
            body => ErrorReport.WriteCsvAsync(body, ErrorReport.Headers(L), ErrorReport.RowsAsync(db, me.AgencyId ?? 0, id, L, ct), ct),
            "text/csv; charset=utf-8", FileName(id, "csv"));
    }

    internal static async Task<Results<FileStreamHttpResult, NotFound>> ErrorsXlsxAsync(Guid id, TunasDb db, CurrentUser me, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (!await Visible(db, me).AnyAsync(j => j.Id == id, ct))
        {
            return TypedResults.NotFound();
        }
        // The workbook is a zip written at the end; a temporary file keeps memory flat however many rows were refused.
        var temp = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await ErrorReport.WriteXlsxAsync(temp, L["Refused rows"], ErrorReport.Headers(L), ErrorReport.RowsAsync(db, me.AgencyId ?? 0, id, L, ct), ct);
            temp.Position = 0;
            return TypedResults.File(temp, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName(id, "xlsx"));
        }
        catch
        {
            await temp.DisposeAsync();
            throw;
        }
    }

    public static string Text(ImportRefusal refusal, IStringLocalizer L) => refusal.Format(L[refusal.Message]);

    private static ValidationProblem Refused(ImportRefusal refusal, IStringLocalizer L)
    {
        var field = refusal.Message switch
        {
            ImportMessages.RegencyUnknownMessage => "regencyCode",
            ImportMessages.ColumnsInvalidMessage or ImportMessages.FieldUnknownMessage => "columns",
            _ => "file",
        };
        var text = Text(refusal, L);
        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [text] }, title: text);
    }

    private static string FileName(Guid id, string extension) => $"import-{id.ToString("N")[..8]}-errors.{extension}";

    private static string Megabytes(long bytes) =>
        ((bytes + EnvelopeBytes - 1) / EnvelopeBytes).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
