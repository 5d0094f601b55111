using Microsoft.AspNetCore.Http.HttpResults;
using Tunas.Web.Features.Applications;

namespace Tunas.Web.Features.Businesses.Catalogue;

public sealed record PublicCatalogItem(
    long BusinessId, string Name, long ProductId, string Product, long PriceMin, long PriceMax, string Unit, string Category, string? VillageName,
    string? PhotoUrl, string WhatsAppUrl, string OrderUrl);

public sealed record PublicCatalogPage(IReadOnlyList<PublicCatalogItem> Items, int Total, int Page, int PageSize);

/// <summary>
/// The public catalogue's endpoints (no sign-in, limited per address like the certificate check): the list as JSON,
/// the order button that counts the click and opens WhatsApp, and the listed products' photos.
/// </summary>
public static class PublicCatalogueApi
{
    public static IEndpointRouteBuilder MapPublicCatalogue(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/public/catalog", SearchAsync).WithTags("Public").AllowAnonymous().RequireRateLimiting(PublicRateLimits.Catalogue)
            .WithSummary("Approved products of active businesses whose owner consents: q (text), category (name), villageCode, page (20 a page).");
        app.MapGet("/Katalog/pesan/{productId:long}", OrderAsync).WithTags("Public").AllowAnonymous().RequireRateLimiting(PublicRateLimits.Catalogue)
            .WithSummary("Counts an order click for the business and sends the buyer to WhatsApp with a message naming the product.");
        app.MapGet("/Katalog/foto/{photoId:long}", PhotoAsync).WithTags("Public").AllowAnonymous()
            .WithSummary("A listed product's photo in the list size (size=thumb: the small one).");
        return app;
    }

    internal static async Task<Ok<PublicCatalogPage>> SearchAsync(string? q, string? category, string? villageCode, int? page, PublicCatalogue catalogue, CancellationToken ct)
    {
        var found = await catalogue.SearchAsync(new CatalogueFilter(q, category, villageCode, page ?? 1), ct);
        return TypedResults.Ok(new PublicCatalogPage(
            [.. found.Items.Select(i => new PublicCatalogItem(i.BusinessId, i.Name, i.ProductId, i.Product, i.PriceMin, i.PriceMax, i.Unit, i.Category, i.VillageName, i.PhotoUrl, i.WhatsAppUrl, i.OrderUrl))],
            found.Total, found.Page, found.PageSize));
    }

    internal static async Task<Results<RedirectHttpResult, NotFound>> OrderAsync(long productId, PublicCatalogue catalogue, TimeProvider clock, CancellationToken ct) =>
        await catalogue.OrderAsync(productId, clock.GetUtcNow().UtcDateTime, ct) is { } url ? TypedResults.Redirect(url) : TypedResults.NotFound();

    internal static async Task<Results<PhysicalFileHttpResult, NotFound>> PhotoAsync(long photoId, string? size, PublicCatalogue catalogue, BusinessFiles files, HttpContext http, CancellationToken ct)
    {
        if (await catalogue.PhotoAsync(photoId, size == "thumb", ct) is not { } photo || files.Find(photo.AgencyId, photo.File) is not { } path)
        {
            return TypedResults.NotFound();
        }
        // Revalidated on every view (an unlisting hides it at once); unchanged, the answer is a 304 with no body.
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.PhysicalFile(path, "image/jpeg", enableRangeProcessing: false, lastModified: File.GetLastWriteTimeUtc(path));
    }
}
