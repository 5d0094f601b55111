using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Businesses;

/// <summary>Creates and changes businesses, their workers, permits and photos; each change audited, without a NIK.</summary>
public sealed class BusinessWriter(TunasDb db, BusinessScope scope, BusinessFiles files, AuditLog audit, TimeProvider clock, Catalogue.CatalogueChoiceCache choices)
{
    public const string NotAnImageMessage = "The photo must be an image (JPEG, PNG or WebP) of at most {0} MB.";
    public const string DocumentKindMessage = "The document must be a PDF or an image (JPEG or PNG) of at most {0} MB.";
    public const int MaxPhotos = 12;
    public const string TooManyPhotosMessage = "A business has at most {0} photos: remove one first.";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<long> CreateAsync(BusinessValues values, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var business = new Business { AgencyId = scope.AgencyId, Name = values.Name, VillageCode = values.VillageCode, CreatedAt = Now };
        Apply(business, values);
        return await db.InOneTransactionAsync(async () =>
        {
            db.Add(business);
            await db.SaveChangesAsync(ct);
            audit.Record("business.created", "Business", BusinessFields.Text(business.Id), Details(values));
            await db.SaveChangesAsync(ct);
            return business.Id;
        }, ct);
    }

    public async Task UpdateAsync(Business business, BusinessValues values, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(business);
        ArgumentNullException.ThrowIfNull(values);
        Apply(business, values);
        audit.Record("business.changed", "Business", BusinessFields.Text(business.Id), Details(values));
        await db.SaveChangesAsync(ct);
        choices.Invalidate();
    }

    public async Task<long> AddWorkerAsync(Business business, WorkerValues values, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(business);
        ArgumentNullException.ThrowIfNull(values);
        var worker = new BusinessWorker { AgencyId = business.AgencyId, BusinessId = business.Id, FullName = values.FullName, CreatedAt = Now };
        Apply(worker, values);
        return await db.InOneTransactionAsync(async () =>
        {
            db.Add(worker);
            await db.SaveChangesAsync(ct);
            audit.Record("business.worker-added", "Business", BusinessFields.Text(business.Id), WorkerDetails(worker));
            await db.SaveChangesAsync(ct);
            return worker.Id;
        }, ct);
    }

    public async Task UpdateWorkerAsync(Business business, BusinessWorker worker, WorkerValues values, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(business);
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(values);
        Apply(worker, values);
        audit.Record("business.worker-changed", "Business", BusinessFields.Text(business.Id), WorkerDetails(worker));
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyDictionary<PermitKind, BusinessPermit>> PermitsAsync(Business business, CancellationToken ct = default) =>
        await db.Set<BusinessPermit>().Where(p => p.AgencyId == business.AgencyId && p.BusinessId == business.Id).ToDictionaryAsync(p => p.Kind, ct);

    public async Task<IReadOnlyList<FieldIssue>> SetPermitAsync(Business business, PermitKind kind, PermitInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(business);
        var permits = await PermitsAsync(business, ct);
        var check = PermitRules.Check(kind, input, permits.ToDictionary(p => p.Key, p => p.Value.Status), scope.Today);
        if (check.Values is not { } values)
        {
            return check.Errors;
        }
        var permit = permits.GetValueOrDefault(kind);
        if (permit is null)
        {
            permit = new BusinessPermit { AgencyId = business.AgencyId, BusinessId = business.Id, Kind = kind };
            db.Add(permit);
        }
        (permit.Status, permit.Number, permit.IssuedOn, permit.BlockedBy, permit.UpdatedAt) = (values.Status, values.Number, values.IssuedOn, values.BlockedBy, Now);
        audit.Record("business.permit-changed", "Business", BusinessFields.Text(business.Id),
            new { kind = PermitRules.Code(kind), status = PermitRules.Code(values.Status), number = values.Number, issuedOn = values.IssuedOn, blockedBy = values.BlockedBy });
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>Stores a permit's document (the step is started if it was not); an error sentence when the file is refused.</summary>
    public async Task<string?> AttachDocumentAsync(Business business, PermitKind kind, byte[]? content, string? fileName, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(business);
        if (content is null || content.Length == 0 || BusinessFiles.DocumentKind(content) is not { } type)
        {
            return DocumentKindMessage;
        }
        var permits = await PermitsAsync(business, ct);
        var permit = permits.GetValueOrDefault(kind);
        if (permit is null)
        {
            permit = new BusinessPermit { AgencyId = business.AgencyId, BusinessId = business.Id, Kind = kind, Status = PermitStatus.InProgress };
            db.Add(permit);
        }
        var old = permit.DocumentFile;
        permit.DocumentFile = await files.SaveAsync(business.AgencyId, content, type.Extension, ct);
        permit.DocumentType = type.Type;
        permit.DocumentName = Path.GetFileName(fileName ?? "dokumen")[..Math.Min(Path.GetFileName(fileName ?? "dokumen").Length, 200)];
        permit.UpdatedAt = Now;
        audit.Record("business.permit-document-added", "Business", BusinessFields.Text(business.Id), new { kind = PermitRules.Code(kind), bytes = content.Length });
        await db.SaveChangesAsync(ct);
        files.Delete(business.AgencyId, old);
        return null;
    }

    /// <summary>Stores a photo shrunk under 200 KB; the photo, or an error sentence when the file is refused.</summary>
    public async Task<(BusinessPhoto? Photo, string? Error)> AddPhotoAsync(Business business, byte[]? content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(business);
        if (content is null || content.Length == 0 || PhotoShrinker.Shrink(content) is not { } shrunk)
        {
            return (null, NotAnImageMessage);
        }
        if (await db.Set<BusinessPhoto>().CountAsync(p => p.AgencyId == business.AgencyId && p.BusinessId == business.Id, ct) >= MaxPhotos)
        {
            return (null, TooManyPhotosMessage);
        }
        var name = await files.SaveAsync(business.AgencyId, shrunk.Jpeg, ".jpg", ct);
        var photo = new BusinessPhoto
        {
            AgencyId = business.AgencyId,
            BusinessId = business.Id,
            FileName = name,
            Width = shrunk.Width,
            Height = shrunk.Height,
            Bytes = shrunk.Jpeg.Length,
            AddedAt = Now,
        };
        try
        {
            await db.InOneTransactionAsync(async () =>
            {
                db.Add(photo);
                await db.SaveChangesAsync(ct);
                audit.Record("business.photo-added", "Business", BusinessFields.Text(business.Id), new { photo = photo.Id, bytes = photo.Bytes, original = content.Length });
                await db.SaveChangesAsync(ct);
            }, ct);
        }
        catch (Exception e) when (e is DbException or DbUpdateException)
        {
            // No row points at the file: it goes too.
            files.Delete(business.AgencyId, name);
            throw;
        }
        return (photo, null);
    }

    public async Task<bool> RemovePhotoAsync(Business business, long photoId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(business);
        if (await db.Set<BusinessPhoto>().FirstOrDefaultAsync(p => p.AgencyId == business.AgencyId && p.BusinessId == business.Id && p.Id == photoId, ct) is not { } photo)
        {
            return false;
        }
        db.Remove(photo);
        audit.Record("business.photo-removed", "Business", BusinessFields.Text(business.Id), new { photo = photo.Id });
        await db.SaveChangesAsync(ct);
        files.Delete(business.AgencyId, photo.FileName);
        return true;
    }

    private void Apply(Business business, BusinessValues values)
    {
        if (values.CatalogueConsent && !business.CatalogueConsent)
        {
            business.CatalogueConsentAt = Now;
        }
        else if (!values.CatalogueConsent)
        {
            business.CatalogueConsentAt = null;
        }
        business.Name = values.Name;
        business.CategoryId = values.CategoryId;
        business.Description = values.Description;
        business.VillageCode = values.VillageCode;
        business.Address = values.Address;
        business.StartedOn = values.StartedOn;
        business.Status = values.Status;
        business.ClosedReason = values.ClosedReason;
        business.WhatsApp = values.WhatsApp;
        business.CatalogueConsent = values.CatalogueConsent;
        business.FacilitatorId = values.FacilitatorId;
        business.UpdatedAt = Now;
        var keep = values.OwnerPersonIds.ToHashSet();
        business.Owners.RemoveAll(o => !keep.Contains(o.PersonId));
        foreach (var person in keep.Where(p => business.Owners.All(o => o.PersonId != p)))
        {
            business.Owners.Add(new BusinessOwner { AgencyId = business.AgencyId, PersonId = person });
        }
    }

    private void Apply(BusinessWorker worker, WorkerValues values)
    {
        if (values.Nik is not null && values.Nik != worker.Nik)
        {
            worker.NikConsentAt = Now;
        }
        worker.FullName = values.FullName;
        worker.Nik = values.Nik;
        worker.NikConsentAt = values.Nik is null ? null : worker.NikConsentAt;
        worker.HoursPerWeek = values.HoursPerWeek;
        worker.PayBand = values.PayBand;
        worker.StartedOn = values.StartedOn;
        worker.EndedOn = values.EndedOn;
        worker.UpdatedAt = Now;
    }

    private static object Details(BusinessValues v) => new
    {
        name = v.Name,
        owners = string.Join(",", v.OwnerPersonIds),
        categoryId = v.CategoryId,
        villageCode = v.VillageCode,
        status = BusinessFields.Code(v.Status),
        reason = v.ClosedReason,
        catalogueConsent = v.CatalogueConsent,
    };

    // The NIK stays out of the audit log, as out of every log: that one was given is enough.
    private static object WorkerDetails(BusinessWorker w) => new
    {
        worker = w.Id,
        fullName = w.FullName,
        nik = w.Nik is null ? null : IdNumberMask(w.Nik),
        startedOn = w.StartedOn,
        endedOn = w.EndedOn,
    };

    private static string IdNumberMask(string nik) => Shared.Nik.Mask(nik);
}
