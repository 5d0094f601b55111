using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tunas.Web.Features.Agencies;

namespace Tunas.Web.Features.Businesses.Catalogue;

/// <summary>
/// A city office's order for many of one kind of product (snacks for a meeting of 100): offered to eligible businesses
/// one at a time until one accepts.
/// </summary>
public sealed class BulkOrder
{
    public long Id { get; set; }
    public int AgencyId { get; set; }

    /// <summary>The city office that orders (Bagian Umum, Dinas Kesehatan): entered for them by an officer.</summary>
    public required string Office { get; set; }

    public int CategoryId { get; set; }
    public int Quantity { get; set; }
    public DateOnly NeededOn { get; set; }
    public required string Description { get; set; }

    /// <summary>What the office will pay, whole rupiah: the city spending that reaches a graduate's business once taken.</summary>
    public long Budget { get; set; }

    public BulkOrderStatus Status { get; set; }
    public long? TakenByBusinessId { get; set; }
    public DateTime? TakenAt { get; set; }
    public string? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum BulkOrderStatus
{
    /// <summary>Offered to a business that has not answered yet.</summary>
    Offering,

    Taken,

    /// <summary>Every eligible business declined or let the offer run out.</summary>
    Unfilled,
}

/// <summary>One business's turn at a bulk order.</summary>
public sealed class BulkOrderOffer
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public long BulkOrderId { get; set; }
    public long BusinessId { get; set; }
    public DateTime OfferedAt { get; set; }

    /// <summary>Past this the offer lapses and the order moves to the next business.</summary>
    public DateTime AnswerBy { get; set; }

    public OfferAnswer Answer { get; set; }
    public DateTime? AnsweredAt { get; set; }

    /// <summary>True when staff answered for the owner after a phone call.</summary>
    public bool OnBehalf { get; set; }
}

public enum OfferAnswer
{
    Pending,
    Accepted,
    Declined,
    Lapsed,
}

internal sealed class BulkOrderConfiguration : IEntityTypeConfiguration<BulkOrder>
{
    public void Configure(EntityTypeBuilder<BulkOrder> e)
    {
        e.ToTable("BulkOrders");
        e.Property(x => x.Office).HasMaxLength(BulkOrderRules.OfficeMax);
        e.Property(x => x.Description).HasMaxLength(BulkOrderRules.DescriptionMax);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.CreatedById).HasMaxLength(450);
        e.HasIndex(x => new { x.AgencyId, x.Status });
        e.HasIndex(x => new { x.AgencyId, x.TakenAt });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<BusinessCategory>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Business>().WithMany().HasForeignKey(x => x.TakenByBusinessId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BulkOrderOfferConfiguration : IEntityTypeConfiguration<BulkOrderOffer>
{
    public void Configure(EntityTypeBuilder<BulkOrderOffer> e)
    {
        e.ToTable("BulkOrderOffers");
        e.Property(x => x.Answer).HasConversion<string>().HasMaxLength(16);
        e.HasIndex(x => new { x.AgencyId, x.BulkOrderId });
        // The rotation asks when each business was last offered an order.
        e.HasIndex(x => new { x.AgencyId, x.BusinessId, x.OfferedAt });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<BulkOrder>().WithMany().HasForeignKey(x => x.BulkOrderId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Cascade);
    }
}
