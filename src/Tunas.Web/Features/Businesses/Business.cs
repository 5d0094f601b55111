using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Users;

namespace Tunas.Web.Features.Businesses;

/// <summary>
/// A graduate's business (usaha): owned by one or more participants placed in a cohort of the agency, in one
/// kelurahan of the agency's city. Its workers, permits and photos hang from it.
/// </summary>
public sealed class Business
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public required string Name { get; set; }
    public int CategoryId { get; set; }
    public string? Description { get; set; }
    public required string VillageCode { get; set; }
    public string? Address { get; set; }
    public DateOnly? StartedOn { get; set; }
    public BusinessStatus Status { get; set; }

    /// <summary>Why it closed; required once the status is closed.</summary>
    public string? ClosedReason { get; set; }

    /// <summary>The WhatsApp number, normalised to +62…</summary>
    public string? WhatsApp { get; set; }

    /// <summary>The owner agreed that the business's name, photo and WhatsApp number may be shown in the public catalogue.</summary>
    public bool CatalogueConsent { get; set; }

    public DateTime? CatalogueConsentAt { get; set; }

    /// <summary>The facilitator who follows the business up (issue 14's follow-ups); a facilitator reads only these.</summary>
    public string? FacilitatorId { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<BusinessOwner> Owners { get; set; } = [];
}

public enum BusinessStatus
{
    Planned,
    Active,
    Paused,
    Closed,
}

/// <summary>One owner of a business: a person of the registry placed in a cohort of the agency.</summary>
public sealed class BusinessOwner
{
    public int AgencyId { get; set; }
    public long BusinessId { get; set; }
    public long PersonId { get; set; }
}

/// <summary>A product category of the agency's list (makanan, minuman, ...): renamed or retired, never deleted.</summary>
public sealed class BusinessCategory
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public required string Name { get; set; }
    public bool Retired { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A photo of a business, stored resized as a JPEG file under the data folder.</summary>
public sealed class BusinessPhoto
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public long BusinessId { get; set; }

    /// <summary>The file's name in the photo folder (a new GUID): never the uploaded name.</summary>
    public required string FileName { get; set; }

    public int Width { get; set; }
    public int Height { get; set; }
    public long Bytes { get; set; }
    public DateTime AddedAt { get; set; }
}

/// <summary>
/// A worker of a business. A NIK is kept only with the worker's recorded consent; with it the registry may know the
/// worker and so the household's desil, and the same NIK counted in two businesses at once is flagged.
/// </summary>
public sealed class BusinessWorker
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public long BusinessId { get; set; }
    public required string FullName { get; set; }
    public string? Nik { get; set; }
    public DateTime? NikConsentAt { get; set; }
    public int HoursPerWeek { get; set; }
    public PayBand PayBand { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>What a worker earns a month.</summary>
public enum PayBand
{
    Unpaid,
    UnderOneMillion,
    OneToTwoMillion,
    TwoToThreeMillion,
    OverThreeMillion,
}

/// <summary>One step of a business's permit path (NIB, food-safety counselling, SPP-IRT, halal).</summary>
public sealed class BusinessPermit
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public long BusinessId { get; set; }
    public PermitKind Kind { get; set; }
    public PermitStatus Status { get; set; }
    public string? Number { get; set; }
    public DateOnly? IssuedOn { get; set; }

    /// <summary>What holds the step up (a missing document, a pending inspection), in the officer's words.</summary>
    public string? BlockedBy { get; set; }

    /// <summary>The uploaded document's file name in the document folder, its content type and the name it was sent with.</summary>
    public string? DocumentFile { get; set; }

    public string? DocumentType { get; set; }
    public string? DocumentName { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum PermitKind
{
    Nib,
    FoodSafety,
    Pirt,
    Halal,
}

public enum PermitStatus
{
    NotStarted,
    InProgress,
    Granted,
    Rejected,
}

internal sealed class BusinessConfiguration : IEntityTypeConfiguration<Business>
{
    public void Configure(EntityTypeBuilder<Business> e)
    {
        e.ToTable("Businesses");
        e.Property(x => x.Name).HasMaxLength(BusinessFields.NameMax);
        e.Property(x => x.Description).HasMaxLength(BusinessFields.DescriptionMax);
        e.Property(x => x.VillageCode).HasMaxLength(13);
        e.Property(x => x.Address).HasMaxLength(BusinessFields.AddressMax);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.ClosedReason).HasMaxLength(BusinessFields.ReasonMax);
        e.Property(x => x.WhatsApp).HasMaxLength(20);
        e.Property(x => x.FacilitatorId).HasMaxLength(450);
        e.HasIndex(x => new { x.AgencyId, x.VillageCode });
        e.HasIndex(x => new { x.AgencyId, x.FacilitatorId });
        e.HasIndex(x => new { x.AgencyId, x.CategoryId });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<BusinessCategory>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.FacilitatorId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(x => x.Owners).WithOne().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BusinessOwnerConfiguration : IEntityTypeConfiguration<BusinessOwner>
{
    public void Configure(EntityTypeBuilder<BusinessOwner> e)
    {
        e.ToTable("BusinessOwners");
        e.HasKey(x => new { x.AgencyId, x.BusinessId, x.PersonId });
        e.HasIndex(x => new { x.AgencyId, x.PersonId });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BusinessCategoryConfiguration : IEntityTypeConfiguration<BusinessCategory>
{
    public void Configure(EntityTypeBuilder<BusinessCategory> e)
    {
        e.ToTable("BusinessCategories");
        e.Property(x => x.Name).HasMaxLength(BusinessCategories.NameMax);
        e.HasIndex(x => new { x.AgencyId, x.Name }).IsUnique();
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BusinessPhotoConfiguration : IEntityTypeConfiguration<BusinessPhoto>
{
    public void Configure(EntityTypeBuilder<BusinessPhoto> e)
    {
        e.ToTable("BusinessPhotos");
        e.Property(x => x.FileName).HasMaxLength(64);
        e.HasIndex(x => new { x.AgencyId, x.BusinessId });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BusinessWorkerConfiguration : IEntityTypeConfiguration<BusinessWorker>
{
    public void Configure(EntityTypeBuilder<BusinessWorker> e)
    {
        e.ToTable("BusinessWorkers");
        e.Property(x => x.FullName).HasMaxLength(WorkerRules.NameMax);
        e.Property(x => x.Nik).HasMaxLength(16);
        e.Property(x => x.PayBand).HasConversion<string>().HasMaxLength(24);
        e.HasIndex(x => new { x.AgencyId, x.BusinessId });
        // The double-count check looks a NIK up across the agency's businesses.
        e.HasIndex(x => new { x.AgencyId, x.Nik });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BusinessPermitConfiguration : IEntityTypeConfiguration<BusinessPermit>
{
    public void Configure(EntityTypeBuilder<BusinessPermit> e)
    {
        e.ToTable("BusinessPermits");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Number).HasMaxLength(PermitRules.NumberMax);
        e.Property(x => x.BlockedBy).HasMaxLength(PermitRules.BlockedByMax);
        e.Property(x => x.DocumentFile).HasMaxLength(64);
        e.Property(x => x.DocumentType).HasMaxLength(64);
        e.Property(x => x.DocumentName).HasMaxLength(200);
        e.HasIndex(x => new { x.AgencyId, x.BusinessId, x.Kind }).IsUnique();
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Cascade);
    }
}
