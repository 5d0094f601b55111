using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry;

namespace Tunas.Web.Features.Businesses.Catalogue;

public sealed record ProductBody(string? Name, string? Description, decimal? PriceMin, decimal? PriceMax, string? Unit)
{
    public ProductInput ToInput() => new() { Name = Name, Description = Description, PriceMin = PriceMin, PriceMax = PriceMax, Unit = Unit };
}

public sealed record CurationBody(string? Status, string? Note);

/// <summary>
/// A business's products under <c>/api/v1/businesses/{id}/products</c> (officers, and the business's own owner); their
/// curation by officers; the owner's own products with the officers' notes under <c>/api/v1/me/products</c>.
/// </summary>
public static class ProductsApi
{
    private const long EnvelopeBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapProductsApi(this IEndpointRouteBuilder app)
    {
        var products = app.MapGroup("/api/v1/businesses/{id:long}/products").WithTags("Catalogue").RequireAuthorization(CataloguePolicies.Products);
        products.MapGet("/", ListAsync).WithSummary("The business's products with their curation status and note.");
        products.MapPost("/", AddAsync).WithSummary("Adds a product {name, description, priceMin, priceMax, unit}; prices in whole rupiah.");
        products.MapPut("/{productId:long}", UpdateAsync).WithSummary("Changes a product; a change by the owner sends it back to curation.");
        // Programs send a bearer token and no anti-forgery token; browsers' cookies do not travel on a cross-site POST (SameSite=Lax).
        products.MapPost("/{productId:long}/photos", AddPhotoAsync).DisableAntiforgery().WithSummary("Adds a photo (multipart file), stored in a list size and a thumbnail.");
        products.MapGet("/{productId:long}/photos/{photoId:long}", PhotoAsync).WithSummary("A product photo (size=thumb for the small one).");
        app.MapPut("/api/v1/businesses/{id:long}/products/{productId:long}/curation", CurateAsync).WithTags("Catalogue")
            .RequireAuthorization(CataloguePolicies.Curate).WithSummary("Curates a product {status: approved|needsWork, note}; shows in the public catalogue at once.");
        app.MapGet("/api/v1/me/products", MineAsync).WithTags("Catalogue").RequireAuthorization(CataloguePolicies.Own)
            .WithSummary("The signed-in owner's products with the officers' notes.");
        return app;
    }

    internal static async Task<Results<Ok<IReadOnlyList<ProductRead>>, NotFound>> ListAsync(long id, ProductBook book, CancellationToken ct) =>
        await book.EditableAsync(id, ct) is { } business ? TypedResults.Ok(await book.ListAsync(business.AgencyId, [id], ct)) : TypedResults.NotFound();

    internal static async Task<Results<Created<Created>, NotFound, ValidationProblem>> AddAsync(
        long id, ProductBody body, ProductBook book, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (await book.EditableAsync(id, ct) is not { } business)
        {
            return TypedResults.NotFound();
        }
        var (values, errors) = ProductRules.Check(body.ToInput());
        if (values is null)
        {
            return TypedResults.ValidationProblem(PersonsApi.Errors(errors, L));
        }
        var productId = await book.AddAsync(business, values, ct);
        return TypedResults.Created($"/api/v1/businesses/{id}/products/{productId}", new Created(productId));
    }

    internal static async Task<Results<Ok<ProductRead>, NotFound, ValidationProblem>> UpdateAsync(
        long id, long productId, ProductBody body, ProductBook book, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (await book.EditableAsync(id, ct) is not { } business || await book.FindAsync(business, productId, ct) is not { } product)
        {
            return TypedResults.NotFound();
        }
        var (values, errors) = ProductRules.Check(body.ToInput());
        if (values is null)
        {
            return TypedResults.ValidationProblem(PersonsApi.Errors(errors, L));
        }
        await book.UpdateAsync(business, product, values, ct);
        return TypedResults.Ok((await book.ListAsync(business.AgencyId, [id], ct)).Single(p => p.Id == productId));
    }

    internal static async Task<Results<Ok<ProductRead>, NotFound, ValidationProblem>> CurateAsync(
        long id, long productId, CurationBody body, ProductBook book, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (await book.EditableAsync(id, ct) is not { } business || await book.FindAsync(business, productId, ct) is not { } product)
        {
            return TypedResults.NotFound();
        }
        var (values, errors) = ProductRules.Curation(body.Status, body.Note);
        if (values is null)
        {
            return TypedResults.ValidationProblem(PersonsApi.Errors(errors, L));
        }
        await book.CurateAsync(business, product, values, ct);
        return TypedResults.Ok((await book.ListAsync(business.AgencyId, [id], ct)).Single(p => p.Id == productId));
    }

    internal static async Task<Results<Created<ProductPhotoRead>, NotFound, ValidationProblem>> AddPhotoAsync(
        long id, long productId, HttpRequest request, ProductBook book, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (await book.EditableAsync(id, ct) is not { } business || await book.FindAsync(business, productId, ct) is not { } product)
        {
            return TypedResults.NotFound();
        }
        var content = await ReadFileAsync(request, ct);
        var (photo, error) = content is null ? (null, ProductBook.NotAnImageMessage) : await book.AddPhotoAsync(business, product, content, ct);
        if (photo is null)
        {
            var limit = error == ProductRules.TooManyPhotosMessage ? ProductRules.MaxPhotos : PhotoShrinker.MaxUploadBytes / (1024 * 1024);
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [string.Format(CultureInfo.InvariantCulture, L[error!].Value, limit)] });
        }
        var read = ProductBook.Read(product, [photo]).Photos[0];
        return TypedResults.Created(read.Url, read);
    }

    internal static async Task<Results<PhysicalFileHttpResult, NotFound>> PhotoAsync(
        long id, long productId, long photoId, string? size, ProductBook book, BusinessFiles files, TunasDb db, CancellationToken ct)
    {
        if (await book.EditableAsync(id, ct) is not { } business)
        {
            return TypedResults.NotFound();
        }
        var photo = await db.Set<ProductPhoto>().AsNoTracking()
            .Where(p => p.AgencyId == business.AgencyId && p.Id == photoId && p.ProductId == productId
                && db.Set<Product>().Any(x => x.AgencyId == p.AgencyId && x.Id == p.ProductId && x.BusinessId == id))
            .Select(p => new { p.FileName, p.ThumbFileName }).FirstOrDefaultAsync(ct);
        var name = size == "thumb" ? photo?.ThumbFileName : photo?.FileName;
        return files.Find(business.AgencyId, name) is { } path ? TypedResults.PhysicalFile(path, "image/jpeg") : TypedResults.NotFound();
    }

    internal static async Task<Ok<IReadOnlyList<ProductRead>>> MineAsync(ProductBook book, Infrastructure.CurrentUser me, CancellationToken ct)
    {
        var own = await book.OwnBusinessIdsAsync(ct);
        return TypedResults.Ok(own.Count == 0 ? [] : await book.ListAsync(me.AgencyId ?? 0, own, ct));
    }

    private static async Task<byte[]?> ReadFileAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType || request.ContentLength > PhotoShrinker.MaxUploadBytes + EnvelopeBytes)
        {
            return null;
        }
        try
        {
            var form = await request.ReadFormAsync(ct);
            return form.Files.GetFile("file") is { } file ? await BusinessFiles.ReadAsync(file, PhotoShrinker.MaxUploadBytes, ct) : null;
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return null;
        }
    }
}
