using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tunas.Web.Features.Agencies;

namespace Tunas.Web.Features.Businesses.Catalogue;

/// <summary>
/// A product of a business for the public catalogue: shown only once an officer approved it, while the business is
/// active and its owner consents to the catalogue.
/// </summary>
public sealed class Product
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public long BusinessId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }

    /// <summary>The price range in whole rupiah, per <see cref="Unit"/>.</summary>
    public long PriceMin { get; set; }

    public long PriceMax { get; set; }
    public required string Unit { get; set; }
    public CurationStatus Status { get; set; }

    /// <summary>The officer's note back to the owner (what to improve: the photo, the packaging).</summary>
    public string? CurationNote { get; set; }

    public DateTime? CuratedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum CurationStatus
{
    Pending,
    Approved,
    NeedsWork,
}

/// <summary>A product's photo in two sizes: one for the list (fit for a 360-px phone) and a small thumbnail.</summary>
public sealed class ProductPhoto
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public long ProductId { get; set; }
    public required string FileName { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public required string ThumbFileName { get; set; }
    public int ThumbWidth { get; set; }
    public int ThumbHeight { get; set; }
    public long Bytes { get; set; }
    public DateTime AddedAt { get; set; }
}

/// <summary>One press of the catalogue's order button: counted for the business before WhatsApp opens.</summary>
public sealed class OrderClick
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public long BusinessId { get; set; }
    public long ProductId { get; set; }
    public DateTime ClickedAt { get; set; }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> e)
    {
        e.ToTable("Products");
        e.Property(x => x.Name).HasMaxLength(ProductRules.NameMax);
        e.Property(x => x.Description).HasMaxLength(ProductRules.DescriptionMax);
        e.Property(x => x.Unit).HasMaxLength(ProductRules.UnitMax);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.CurationNote).HasMaxLength(ProductRules.NoteMax);
        e.HasIndex(x => new { x.AgencyId, x.BusinessId });
        // The public catalogue reads approved products only.
        e.HasIndex(x => new { x.AgencyId, x.Status });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProductPhotoConfiguration : IEntityTypeConfiguration<ProductPhoto>
{
    public void Configure(EntityTypeBuilder<ProductPhoto> e)
    {
        e.ToTable("ProductPhotos");
        e.Property(x => x.FileName).HasMaxLength(64);
        e.Property(x => x.ThumbFileName).HasMaxLength(64);
        e.HasIndex(x => new { x.AgencyId, x.ProductId });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrderClickConfiguration : IEntityTypeConfiguration<OrderClick>
{
    public void Configure(EntityTypeBuilder<OrderClick> e)
    {
        e.ToTable("OrderClicks");
        e.HasIndex(x => new { x.AgencyId, x.BusinessId, x.ClickedAt });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
