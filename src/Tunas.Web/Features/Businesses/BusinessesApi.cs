using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Registry;

namespace Tunas.Web.Features.Businesses;

public sealed record WorkerBody(string? FullName, string? Nik, bool NikConsent, int? HoursPerWeek, string? PayBand, string? StartedOn, string? EndedOn)
{
    public WorkerInput ToInput() => new()
    {
        FullName = FullName,
        Nik = Nik,
        NikConsent = NikConsent,
        HoursPerWeek = HoursPerWeek,
        PayBand = PayBand,
        StartedOn = StartedOn,
        EndedOn = EndedOn,
    };
}

public sealed record PermitBody(string? Status, string? Number, string? IssuedOn, string? BlockedBy);

public sealed record CategoryBody(string? Name, bool Retired);

public sealed record Created(long Id);

public sealed record WorkerCreated(long Id, int? HouseholdDesil, IReadOnlyList<string> Flags);

/// <summary>Businesses of graduates, their workers, photos and permits: <c>/api/v1/businesses</c>; the categories; a cohort's permit path.</summary>
public static class BusinessesApi
{
    private const long EnvelopeBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapBusinessesApi(this IEndpointRouteBuilder app)
    {
        var all = app.MapGroup("/api/v1/businesses").WithTags("Businesses");
        var readers = all.MapGroup("").RequireAuthorization(BusinessPolicies.Businesses);
        var officers = all.MapGroup("").RequireAuthorization(BusinessPolicies.ManageBusinesses);
        readers.MapGet("/", ListAsync).WithSummary("Businesses the caller may see, 25 a page, by name, categoryId, villageCode and status.");
        officers.MapPost("/", CreateAsync).WithSummary("Adds a business of one or more participants placed in a cohort of the agency.");
        readers.MapGet("/{id:long}", GetAsync).WithSummary("A business with its owners, photos, workers (NIK masked) and permit path.");
        officers.MapPut("/{id:long}", UpdateAsync).WithSummary("Changes a business; a closed one needs its reason.");
        // Programs send a bearer token and no anti-forgery token; browsers' cookies do not travel on a cross-site POST (SameSite=Lax).
        officers.MapPost("/{id:long}/photos", AddPhotoAsync).DisableAntiforgery().WithSummary("Adds a photo (multipart file); it is stored resized under 200 KB.");
        readers.MapGet("/{id:long}/photos/{photoId:long}", PhotoAsync).WithSummary("A photo of the business, as a JPEG.");
        officers.MapDelete("/{id:long}/photos/{photoId:long}", RemovePhotoAsync).WithSummary("Removes a photo.");
        readers.MapGet("/{id:long}/workers", WorkersAsync).WithSummary("The workers, NIK masked, with the household's desil and the double-count flag.");
        officers.MapPost("/{id:long}/workers", AddWorkerAsync).WithSummary("Adds a worker; a NIK only with the worker's consent.");
        officers.MapPut("/{id:long}/workers/{workerId:long}", UpdateWorkerAsync).WithSummary("Changes a worker, e.g. the day they left.");
        officers.MapPut("/{id:long}/permits/{kind}", SetPermitAsync).WithSummary("Records a step (nib, foodSafety, pirt, halal): status, number, issue date, what blocks it.");
        officers.MapPost("/{id:long}/permits/{kind}/document", AttachDocumentAsync).DisableAntiforgery().WithSummary("Attaches the step's document (multipart file: PDF or image).");
        readers.MapGet("/{id:long}/permits/{kind}/document", DocumentAsync).WithSummary("The step's document.");

        var categories = app.MapGroup("/api/v1/business-categories").WithTags("Businesses");
        categories.MapGet("/", CategoriesAsync).RequireAuthorization(BusinessPolicies.Businesses).WithSummary("The agency's product categories.");
        categories.MapPost("/", AddCategoryAsync).RequireAuthorization(BusinessPolicies.ManageBusinesses).WithSummary("Adds a product category.");
        categories.MapPut("/{id:int}", ChangeCategoryAsync).RequireAuthorization(BusinessPolicies.ManageBusinesses).WithSummary("Renames or retires a category.");

        app.MapGet("/api/v1/cohorts/{id:int}/permits", CohortPermitsAsync).WithTags("Businesses").RequireAuthorization(BusinessPolicies.ManageBusinesses)
            .WithSummary("How far a cohort's graduates got on the permit path: counts per step and status.");
        return app;
    }

    internal static async Task<Ok<BusinessPage>> ListAsync(string? q, int? categoryId, string? villageCode, string? status, int? page, BusinessReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.ListAsync(new BusinessFilter(q, categoryId, villageCode, status, page ?? 1), ct));

    internal static async Task<Results<Created<Created>, ValidationProblem>> CreateAsync(
        BusinessInput body, BusinessScope scope, BusinessCategories categories, BusinessWriter writer, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var check = BusinessFields.Check(body, await scope.ContextAsync(body.OwnerPersonIds, categories, ct));
        if (check.Values is not { } values)
        {
            return TypedResults.ValidationProblem(PersonsApi.Errors(check.Errors, L));
        }
        var id = await writer.CreateAsync(values, ct);
        return TypedResults.Created($"/api/v1/businesses/{id}", new Created(id));
    }

    internal static async Task<Results<Ok<BusinessRead>, NotFound>> GetAsync(long id, BusinessReader reader, CancellationToken ct) =>
        await reader.ReadAsync(id, ct) is { } business ? TypedResults.Ok(business) : TypedResults.NotFound();

    internal static async Task<Results<Ok<BusinessRead>, NotFound, ValidationProblem>> UpdateAsync(
        long id, BusinessInput body, BusinessScope scope, BusinessCategories categories, BusinessWriter writer, BusinessReader reader,
        IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } business)
        {
            return TypedResults.NotFound();
        }
        var check = BusinessFields.Check(body, await scope.ContextAsync(body.OwnerPersonIds, categories, ct));
        if (check.Values is not { } values)
        {
            return TypedResults.ValidationProblem(PersonsApi.Errors(check.Errors, L));
        }
        await writer.UpdateAsync(business, values, ct);
        return TypedResults.Ok((await reader.ReadAsync(id, ct))!);
    }

    internal static async Task<Results<Created<PhotoRead>, NotFound, ValidationProblem>> AddPhotoAsync(
        long id, HttpRequest request, BusinessScope scope, BusinessWriter writer, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } business)
        {
            return TypedResults.NotFound();
        }
        var content = await ReadFileAsync(request, PhotoShrinker.MaxUploadBytes, ct);
        var (photo, error) = content is null ? (null, BusinessWriter.NotAnImageMessage) : await writer.AddPhotoAsync(business, content.Value.Bytes, ct);
        if (photo is null)
        {
            return Refused("file", error!, L, error == BusinessWriter.TooManyPhotosMessage ? BusinessWriter.MaxPhotos : PhotoShrinker.MaxUploadBytes / (1024 * 1024));
        }
        var url = $"/api/v1/businesses/{id}/photos/{photo.Id}";
        return TypedResults.Created(url, new PhotoRead(photo.Id, url, photo.Width, photo.Height, photo.Bytes));
    }

    internal static async Task<Results<PhysicalFileHttpResult, NotFound>> PhotoAsync(long id, long photoId, BusinessScope scope, BusinessFiles files, TunasDb db, CancellationToken ct)
    {
        var photo = await db.Set<BusinessPhoto>().AsNoTracking()
            .Where(p => p.AgencyId == scope.AgencyId && p.Id == photoId && p.BusinessId == id && scope.Businesses.Any(b => b.Id == p.BusinessId))
            .Select(p => p.FileName).FirstOrDefaultAsync(ct);
        return files.Find(scope.AgencyId, photo) is { } path ? TypedResults.PhysicalFile(path, "image/jpeg") : TypedResults.NotFound();
    }

    internal static async Task<Results<NoContent, NotFound>> RemovePhotoAsync(long id, long photoId, BusinessScope scope, BusinessWriter writer, CancellationToken ct) =>
        await scope.FindAsync(id, ct) is { } business && await writer.RemovePhotoAsync(business, photoId, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    internal static async Task<Results<Ok<IReadOnlyList<WorkerRead>>, NotFound>> WorkersAsync(long id, BusinessScope scope, BusinessReader reader, CancellationToken ct) =>
        await scope.Businesses.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) is { } business ? TypedResults.Ok(await reader.WorkersAsync(business, ct)) : TypedResults.NotFound();

    internal static async Task<Results<Created<WorkerCreated>, NotFound, ValidationProblem>> AddWorkerAsync(
        long id, WorkerBody body, BusinessScope scope, BusinessWriter writer, BusinessReader reader, RegionDirectory regions, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } business)
        {
            return TypedResults.NotFound();
        }
        var check = WorkerRules.Check(body.ToInput(), scope.Today, await regions.DistrictLookupAsync(ct));
        if (check.Values is not { } values)
        {
            return TypedResults.ValidationProblem(PersonsApi.Errors(check.Errors, L));
        }
        var workerId = await writer.AddWorkerAsync(business, values, ct);
        var worker = (await reader.WorkersAsync(business, ct)).Single(w => w.Id == workerId);
        return TypedResults.Created($"/api/v1/businesses/{id}/workers", new WorkerCreated(workerId, worker.HouseholdDesil, worker.Flags));
    }

    internal static async Task<Results<Ok<WorkerRead>, NotFound, ValidationProblem>> UpdateWorkerAsync(
        long id, long workerId, WorkerBody body, BusinessScope scope, BusinessWriter writer, BusinessReader reader, RegionDirectory regions, TunasDb db,
        IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } business
            || await db.Set<BusinessWorker>().FirstOrDefaultAsync(w => w.AgencyId == business.AgencyId && w.BusinessId == id && w.Id == workerId, ct) is not { } worker)
        {
            return TypedResults.NotFound();
        }
        var input = body.ToInput();
        // The stored NIK is never sent back, so a change that leaves the NIK empty keeps it (with its consent).
        if (string.IsNullOrWhiteSpace(input.Nik) && worker.Nik is not null)
        {
            input = input with { Nik = worker.Nik, NikConsent = true };
        }
        var check = WorkerRules.Check(input, scope.Today, await regions.DistrictLookupAsync(ct));
        if (check.Values is not { } values)
        {
            return TypedResults.ValidationProblem(PersonsApi.Errors(check.Errors, L));
        }
        await writer.UpdateWorkerAsync(business, worker, values, ct);
        return TypedResults.Ok((await reader.WorkersAsync(business, ct)).Single(w => w.Id == workerId));
    }

    internal static async Task<Results<Ok<PermitRead>, NotFound, ValidationProblem>> SetPermitAsync(
        long id, string kind, PermitBody body, BusinessScope scope, BusinessWriter writer, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (PermitRules.Kind(kind) is not { } k || await scope.FindAsync(id, ct) is not { } business)
        {
            return TypedResults.NotFound();
        }
        var errors = await writer.SetPermitAsync(business, k, new PermitInput { Status = body.Status, Number = body.Number, IssuedOn = body.IssuedOn, BlockedBy = body.BlockedBy }, ct);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(PersonsApi.Errors(errors, L));
        }
        return TypedResults.Ok(BusinessReader.Permit(id, k, (await writer.PermitsAsync(business, ct)).GetValueOrDefault(k)));
    }

    internal static async Task<Results<Ok<PermitRead>, NotFound, ValidationProblem>> AttachDocumentAsync(
        long id, string kind, HttpRequest request, BusinessScope scope, BusinessWriter writer, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (PermitRules.Kind(kind) is not { } k || await scope.FindAsync(id, ct) is not { } business)
        {
            return TypedResults.NotFound();
        }
        var content = await ReadFileAsync(request, BusinessFiles.MaxDocumentBytes, ct);
        if (await writer.AttachDocumentAsync(business, k, content?.Bytes, content?.Name, ct) is { } error)
        {
            return Refused("file", error, L, BusinessFiles.MaxDocumentBytes / (1024 * 1024));
        }
        return TypedResults.Ok(BusinessReader.Permit(id, k, (await writer.PermitsAsync(business, ct)).GetValueOrDefault(k)));
    }

    internal static async Task<Results<PhysicalFileHttpResult, NotFound>> DocumentAsync(long id, string kind, BusinessScope scope, BusinessFiles files, TunasDb db, CancellationToken ct)
    {
        if (PermitRules.Kind(kind) is not { } k)
        {
            return TypedResults.NotFound();
        }
        var document = await db.Set<BusinessPermit>().AsNoTracking()
            .Where(p => p.AgencyId == scope.AgencyId && p.BusinessId == id && p.Kind == k && scope.Businesses.Any(b => b.Id == p.BusinessId))
            .Select(p => new { p.DocumentFile, p.DocumentType, p.DocumentName }).FirstOrDefaultAsync(ct);
        return files.Find(scope.AgencyId, document?.DocumentFile) is { } path
            ? TypedResults.PhysicalFile(path, document!.DocumentType ?? "application/octet-stream", document.DocumentName)
            : TypedResults.NotFound();
    }

    internal static async Task<Ok<IReadOnlyList<CategoryRead>>> CategoriesAsync(BusinessCategories categories, CancellationToken ct) =>
        TypedResults.Ok(await categories.ListAsync(ct));

    internal static async Task<Results<Created<Created>, ValidationProblem>> AddCategoryAsync(CategoryBody body, BusinessCategories categories, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var (id, errors) = await categories.AddAsync(body.Name, ct);
        return id is { } created ? TypedResults.Created($"/api/v1/business-categories/{created}", new Created(created)) : TypedResults.ValidationProblem(PersonsApi.Errors(errors, L));
    }

    internal static async Task<Results<NoContent, NotFound, ValidationProblem>> ChangeCategoryAsync(int id, CategoryBody body, BusinessCategories categories, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        await categories.ChangeAsync(id, body.Name, body.Retired, ct) switch
        {
            null => TypedResults.NotFound(),
            { Count: > 0 } errors => TypedResults.ValidationProblem(PersonsApi.Errors(errors, L)),
            _ => TypedResults.NoContent(),
        };

    internal static async Task<Results<Ok<CohortPermits>, NotFound>> CohortPermitsAsync(int id, BusinessReader reader, CancellationToken ct) =>
        await reader.CohortAsync(id, ct) is { } permits ? TypedResults.Ok(permits) : TypedResults.NotFound();

    /// <summary>The form's <c>file</c>, or null when there is none or it is larger than <paramref name="max"/>.</summary>
    private static async Task<(byte[] Bytes, string Name)?> ReadFileAsync(HttpRequest request, long max, CancellationToken ct)
    {
        if (!request.HasFormContentType || request.ContentLength > max + EnvelopeBytes)
        {
            return null;
        }
        try
        {
            var form = await request.ReadFormAsync(ct);
            return form.Files.GetFile("file") is { } file && await BusinessFiles.ReadAsync(file, max, ct) is { } bytes ? (bytes, file.FileName) : null;
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return null;
        }
    }

    private static ValidationProblem Refused(string field, string message, IStringLocalizer L, long limit) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]>
        {
            [field] = [string.Format(CultureInfo.InvariantCulture, L[message].Value, limit)],
        });
}
