using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Regions;

namespace Tunas.Web.Features.Businesses.Catalogue;

public sealed record CatalogueFilter(string? Q, string? Category, string? VillageCode, int Page);

public sealed record CatalogueItem(
    long BusinessId, string Name, long ProductId, string Product, string? Description, long PriceMin, long PriceMax, string Unit, string Category,
    string? VillageName, string? PhotoUrl, int PhotoWidth, int PhotoHeight, string WhatsAppUrl, string OrderUrl);

public sealed record CataloguePage(IReadOnlyList<CatalogueItem> Items, int Total, int Page, int PageSize);

public sealed record CatalogueChoice(string Value, string Label);

/// <summary>
/// The public catalogue, read straight from the tables on every request (a curation or an unlisting shows at once; only
/// the filter choices are kept, in <see cref="CatalogueChoiceCache"/>): approved products of active businesses whose owner
/// consents, with a WhatsApp number. Nothing about the owner but the business's name, its products, their photos and its
/// WhatsApp number.
/// </summary>
public sealed class PublicCatalogue(TunasDb db, RegionDirectory regions, CatalogueChoiceCache cache)
{
    public const int PageSize = 20;

    /// <summary>The products the public may see, each with its business.</summary>
    public IQueryable<Listed> Listed() =>
        from p in db.Set<Product>()
        where p.Status == CurationStatus.Approved
        join b in db.Set<Business>() on new { p.AgencyId, Id = p.BusinessId } equals new { b.AgencyId, b.Id }
        where b.Status == BusinessStatus.Active && b.CatalogueConsent && b.WhatsApp != null
        select new Listed { Product = p, Business = b };

    public async Task<CataloguePage> SearchAsync(CatalogueFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = Listed();
#pragma warning disable CA1304, CA1311 // translated to SQL upper(): no .NET culture takes part
        if (Shared.TextInput.Clean(filter.Q) is { } q)
        {
            var pattern = "%" + q.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToUpperInvariant() + "%";
            query = query.Where(x => EF.Functions.Like(x.Product.Name.ToUpper(), pattern) || EF.Functions.Like(x.Business.Name.ToUpper(), pattern)
                || (x.Product.Description != null && EF.Functions.Like(x.Product.Description.ToUpper(), pattern)));
        }
        if (Shared.TextInput.Clean(filter.Category) is { } category)
        {
            var name = category.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();
            query = query.Where(x => db.Set<BusinessCategory>().Any(c => c.AgencyId == x.Business.AgencyId && c.Id == x.Business.CategoryId && EF.Functions.Like(c.Name.ToUpper(), name)));
        }
#pragma warning restore CA1304, CA1311
        if (Shared.TextInput.Clean(filter.VillageCode) is { } village)
        {
            query = query.Where(x => x.Business.VillageCode == village);
        }
        var page = Math.Max(1, filter.Page);
        var total = await query.CountAsync(ct);
        var rows = await (
            from x in query
            orderby x.Product.CuratedAt descending, x.Product.Id descending
            select new
            {
                x.Business.Id,
                x.Business.Name,
                ProductId = x.Product.Id,
                Product = x.Product.Name,
                x.Product.Description,
                x.Product.PriceMin,
                x.Product.PriceMax,
                x.Product.Unit,
                Category = db.Set<BusinessCategory>().Where(c => c.AgencyId == x.Business.AgencyId && c.Id == x.Business.CategoryId).Select(c => c.Name).FirstOrDefault(),
                x.Business.VillageCode,
                x.Business.WhatsApp,
                Photo = db.Set<ProductPhoto>().Where(ph => ph.AgencyId == x.Product.AgencyId && ph.ProductId == x.Product.Id)
                    .OrderBy(ph => ph.Id).Select(ph => new { ph.Id, ph.Width, ph.Height }).FirstOrDefault(),
            }).Skip((page - 1) * PageSize).Take(PageSize).AsNoTracking().ToListAsync(ct);
        var villages = await regions.VillagesAsync(ct);
        var items = rows.Select(r => new CatalogueItem(
            r.Id, r.Name, r.ProductId, r.Product, r.Description, r.PriceMin, r.PriceMax, r.Unit, r.Category ?? "",
            villages.TryGetValue(r.VillageCode, out var v) ? v.Name : null,
            r.Photo is null ? null : PhotoUrl(r.Photo.Id), r.Photo?.Width ?? 0, r.Photo?.Height ?? 0,
            WhatsAppUrl(r.WhatsApp!, r.Product, r.Name), OrderUrl(r.ProductId))).ToList();
        return new CataloguePage(items, total, page, PageSize);
    }

    /// <summary>The categories and kelurahan that have something listed, for the filters.</summary>
    public async Task<(IReadOnlyList<CatalogueChoice> Categories, IReadOnlyList<CatalogueChoice> Villages)> ChoicesAsync(CancellationToken ct = default)
    {
        var choices = await cache.GetAsync(ReadChoicesAsync, ct);
        return (choices.Categories, choices.Villages);
    }

    private async Task<CatalogueChoices> ReadChoicesAsync(CancellationToken ct)
    {
        var listed = Listed();
        var categories = await db.Set<BusinessCategory>().AsNoTracking()
            .Where(c => listed.Any(x => x.Business.CategoryId == c.Id)).Select(c => c.Name).Distinct().ToListAsync(ct);
        var codes = await listed.Select(x => x.Business.VillageCode).Distinct().ToListAsync(ct);
        var villages = await regions.VillagesAsync(ct);
        return new CatalogueChoices(
            [.. categories.Select(c => c.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal).Select(c => new CatalogueChoice(c, c))],
            [.. codes.Select(c => new CatalogueChoice(c, villages.TryGetValue(c, out var v) ? v.Name : c)).OrderBy(c => c.Label, StringComparer.Ordinal)]);
    }

    /// <summary>Counts an order click for the business; the WhatsApp link to send the buyer to, or null when the product is not listed.</summary>
    public async Task<string?> OrderAsync(long productId, DateTime now, CancellationToken ct = default)
    {
        var found = await Listed().Where(x => x.Product.Id == productId)
            .Select(x => new { x.Product.AgencyId, BusinessId = x.Business.Id, x.Product.Name, Business = x.Business.Name, x.Business.WhatsApp })
            .AsNoTracking().FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }
        db.Add(new OrderClick { AgencyId = found.AgencyId, BusinessId = found.BusinessId, ProductId = productId, ClickedAt = now });
        await db.SaveChangesAsync(ct);
        return WhatsAppUrl(found.WhatsApp!, found.Name, found.Business);
    }

    /// <summary>The stored file of a listed product's photo (<paramref name="thumb"/>: the small one), or null.</summary>
    public async Task<(int AgencyId, string File)?> PhotoAsync(long photoId, bool thumb, CancellationToken ct = default)
    {
        var listed = Listed();
        var photo = await db.Set<ProductPhoto>().AsNoTracking()
            .Where(ph => ph.Id == photoId && listed.Any(x => x.Product.AgencyId == ph.AgencyId && x.Product.Id == ph.ProductId))
            .Select(ph => new { ph.AgencyId, ph.FileName, ph.ThumbFileName }).FirstOrDefaultAsync(ct);
        return photo is null ? null : (photo.AgencyId, thumb ? photo.ThumbFileName : photo.FileName);
    }

    public static string PhotoUrl(long photoId) => "/Katalog/foto/" + photoId.ToString(CultureInfo.InvariantCulture);

    public static string OrderUrl(long productId) => "/Katalog/pesan/" + productId.ToString(CultureInfo.InvariantCulture);

    /// <summary>wa.me wants the number in digits only (62…), and the message already written for the buyer.</summary>
    public static string WhatsAppUrl(string whatsApp, string product, string business)
    {
        var digits = new string([.. whatsApp.Where(char.IsAsciiDigit)]);
        var text = $"Halo {business}, saya melihat \"{product}\" di Katalog Tunas dan ingin memesan. Apakah masih tersedia?";
        return $"https://wa.me/{digits}?text={Uri.EscapeDataString(text)}";
    }
}

/// <summary>A listed product with its business; a member-init shape so that the query can be composed further.</summary>
public sealed class Listed
{
    public required Product Product { get; init; }
    public required Business Business { get; init; }
}
