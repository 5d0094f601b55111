using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Training.Participants;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Businesses.Catalogue;

public sealed record ProductRead(
    long Id, long BusinessId, string Name, string? Description, long PriceMin, long PriceMax, string Unit, string Status, string? CurationNote,
    DateTime? CuratedAt, IReadOnlyList<ProductPhotoRead> Photos);

public sealed record ProductPhotoRead(long Id, string Url, string ThumbUrl, int Width, int Height, long Bytes);

/// <summary>
/// A business's products: the staff who may change the business (officers) and its owner (a participant, found from
/// her sign-in) add and change them; officers curate. Every change audited.
/// </summary>
public sealed class ProductBook(TunasDb db, BusinessScope scope, ParticipantSelf self, BusinessFiles files, AuditLog audit, TimeProvider clock, CatalogueChoiceCache choices)
{
    public const string NotAnImageMessage = BusinessWriter.NotAnImageMessage;

    /// <summary>The list size: the long side of a photo in the catalogue, sharp on a 360-px phone.</summary>
    public const int ListSide = 480;

    public const int ThumbSide = 160;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public bool IsOfficer => scope.IsOfficer;

    /// <summary>The business if the caller may change its products: an officer of the agency, or one of its owners.</summary>
    public async Task<Business?> EditableAsync(long businessId, CancellationToken ct = default)
    {
        if (scope.IsOfficer)
        {
            return await scope.Businesses.FirstOrDefaultAsync(b => b.Id == businessId, ct);
        }
        var own = await OwnBusinessIdsAsync(ct);
        return own.Contains(businessId) ? await db.Set<Business>().FirstOrDefaultAsync(b => b.AgencyId == scope.AgencyId && b.Id == businessId, ct) : null;
    }

    /// <summary>The businesses the signed-in participant owns; none for anyone else.</summary>
    public async Task<IReadOnlyList<long>> OwnBusinessIdsAsync(CancellationToken ct = default)
    {
        if (await self.FindAsync(ct) is not { } placement)
        {
            return [];
        }
        return await (
            from a in db.Applications
            where a.AgencyId == placement.AgencyId && a.Id == placement.ApplicationId
            join o in db.Set<BusinessOwner>() on new { a.AgencyId, a.PersonId } equals new { o.AgencyId, o.PersonId }
            select o.BusinessId).Distinct().ToListAsync(ct);
    }

    /// <summary>The signed-in participant's own businesses, by name.</summary>
    public async Task<IReadOnlyList<Business>> OwnBusinessesAsync(CancellationToken ct = default)
    {
        var own = await OwnBusinessIdsAsync(ct);
        return own.Count == 0 ? [] : await db.Set<Business>().AsNoTracking()
            .Where(b => b.AgencyId == scope.AgencyId && own.Contains(b.Id)).OrderBy(b => b.Name).ThenBy(b => b.Id).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<ProductRead>> ListAsync(int agencyId, IReadOnlyCollection<long> businessIds, CancellationToken ct = default)
    {
        // An empty list is not asked: SQLite would drop the whole condition, the agency's with it.
        if (businessIds.Count == 0)
        {
            return [];
        }
        var products = await db.Set<Product>().AsNoTracking()
            .Where(p => p.AgencyId == agencyId && businessIds.Contains(p.BusinessId))
            .OrderBy(p => p.BusinessId).ThenBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(ct);
        var ids = products.Select(p => p.Id).ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        var photos = (await db.Set<ProductPhoto>().AsNoTracking().Where(p => p.AgencyId == agencyId && ids.Contains(p.ProductId)).OrderBy(p => p.Id).ToListAsync(ct))
            .ToLookup(p => p.ProductId);
        return [.. products.Select(p => Read(p, photos[p.Id]))];
    }

    public async Task<Product?> FindAsync(Business business, long productId, CancellationToken ct = default) =>
        await db.Set<Product>().FirstOrDefaultAsync(p => p.AgencyId == business.AgencyId && p.BusinessId == business.Id && p.Id == productId, ct);

    public async Task<long> AddAsync(Business business, ProductValues values, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(business);
        ArgumentNullException.ThrowIfNull(values);
        var product = new Product { AgencyId = business.AgencyId, BusinessId = business.Id, Name = values.Name, Unit = values.Unit, CreatedAt = Now };
        Apply(product, values);
        return await db.InOneTransactionAsync(async () =>
        {
            db.Add(product);
            await db.SaveChangesAsync(ct);
            audit.Record("product.added", "Business", BusinessFields.Text(business.Id), Details(product));
            await db.SaveChangesAsync(ct);
            return product.Id;
        }, ct);
    }

    /// <summary>A change by the owner sends an approved product back to the officers: what the public sees was curated.</summary>
    public async Task UpdateAsync(Business business, Product product, ProductValues values, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(business);
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(values);
        Apply(product, values);
        if (!scope.IsOfficer)
        {
            product.Status = CurationStatus.Pending;
        }
        audit.Record("product.changed", "Business", BusinessFields.Text(business.Id), Details(product));
        await db.SaveChangesAsync(ct);
        choices.Invalidate();
    }

    public async Task CurateAsync(Business business, Product product, CurationValues values, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(business);
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(values);
        (product.Status, product.CurationNote, product.CuratedAt, product.UpdatedAt) = (values.Status, values.Note, Now, Now);
        audit.Record("product.curated", "Business", BusinessFields.Text(business.Id),
            new { product = product.Id, name = product.Name, status = ProductRules.Code(values.Status), note = values.Note });
        await db.SaveChangesAsync(ct);
        choices.Invalidate();
    }

    /// <summary>
    /// The owner's consent to show her business's name, photos and WhatsApp number in the public catalogue, given or
    /// withdrawn by herself (or by an officer on the business form); withdrawn, the business leaves the catalogue at once.
    /// </summary>
    public async Task SetConsentAsync(Business business, bool consent, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(business);
        if (business.CatalogueConsent == consent)
        {
            return;
        }
        (business.CatalogueConsent, business.CatalogueConsentAt, business.UpdatedAt) = (consent, consent ? Now : null, Now);
        audit.Record(consent ? "catalogue.consent-given" : "catalogue.consent-withdrawn", "Business", BusinessFields.Text(business.Id), new { business = business.Id });
        await db.SaveChangesAsync(ct);
        choices.Invalidate();
    }

    /// <summary>Stores the photo in the list size and as a thumbnail; the photo, or the error sentence when refused.</summary>
    public async Task<(ProductPhoto? Photo, string? Error)> AddPhotoAsync(Business business, Product product, byte[]? content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(business);
        ArgumentNullException.ThrowIfNull(product);
        if (content is null || content.Length == 0 || Shared.FileSignature.Of(content) is null
            || PhotoShrinker.Shrink(content, ListSide, PhotoShrinker.TargetBytes / 4) is not { } list
            || PhotoShrinker.Shrink(list.Jpeg, ThumbSide, PhotoShrinker.TargetBytes / 20) is not { } thumb)
        {
            return (null, NotAnImageMessage);
        }
        if (await db.Set<ProductPhoto>().CountAsync(p => p.AgencyId == product.AgencyId && p.ProductId == product.Id, ct) >= ProductRules.MaxPhotos)
        {
            return (null, ProductRules.TooManyPhotosMessage);
        }
        var listName = await files.SaveAsync(business.AgencyId, list.Jpeg, ".jpg", ct);
        var thumbName = await files.SaveAsync(business.AgencyId, thumb.Jpeg, ".jpg", ct);
        var photo = new ProductPhoto
        {
            AgencyId = product.AgencyId,
            ProductId = product.Id,
            FileName = listName,
            Width = list.Width,
            Height = list.Height,
            ThumbFileName = thumbName,
            ThumbWidth = thumb.Width,
            ThumbHeight = thumb.Height,
            Bytes = list.Jpeg.Length,
            AddedAt = Now,
        };
        try
        {
            await db.InOneTransactionAsync(async () =>
            {
                db.Add(photo);
                await db.SaveChangesAsync(ct);
                audit.Record("product.photo-added", "Business", BusinessFields.Text(business.Id), new { product = product.Id, photo = photo.Id, bytes = photo.Bytes, original = content.Length });
                await db.SaveChangesAsync(ct);
            }, ct);
        }
        catch (Exception e) when (e is DbException or DbUpdateException)
        {
            // No row points at the files: they go too.
            files.Delete(business.AgencyId, listName);
            files.Delete(business.AgencyId, thumbName);
            throw;
        }
        return (photo, null);
    }

    public static ProductRead Read(Product p, IEnumerable<ProductPhoto> photos) => new(
        p.Id, p.BusinessId, p.Name, p.Description, p.PriceMin, p.PriceMax, p.Unit, ProductRules.Code(p.Status), p.CurationNote, p.CuratedAt,
        [.. photos.Select(ph => new ProductPhotoRead(ph.Id, PhotoUrl(p.BusinessId, p.Id, ph.Id), PhotoUrl(p.BusinessId, p.Id, ph.Id) + "?size=thumb", ph.Width, ph.Height, ph.Bytes))]);

    public static string PhotoUrl(long businessId, long productId, long photoId) => $"/api/v1/businesses/{businessId}/products/{productId}/photos/{photoId}";

    private void Apply(Product product, ProductValues values)
    {
        product.Name = values.Name;
        product.Description = values.Description;
        product.PriceMin = values.PriceMin;
        product.PriceMax = values.PriceMax;
        product.Unit = values.Unit;
        product.UpdatedAt = Now;
    }

    private static object Details(Product p) => new { product = p.Id, name = p.Name, priceMin = p.PriceMin, priceMax = p.PriceMax, unit = p.Unit };
}
