using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Training;

namespace Tunas.Web.Features.Businesses.Cashbook;

public enum CashbookKind
{
    Sale,
    Expense,
    DebtPayment,
}

public enum ExpenseCategory
{
    Materials,
    Equipment,
    Transport,
    Wages,
    Other,
}

/// <summary>
/// One line of a participant's cashbook (buku kas), keyed by the phone's client id within her placement. A deleted
/// line stays as a tombstone, so that a queue replayed later cannot bring it back; the phone's own time of the last
/// change decides between two versions (the latest edit wins).
/// </summary>
public sealed class CashbookEntry
{
    public long Id { get; set; }
    public int AgencyId { get; set; }

    /// <summary>The placement (CohortParticipant) whose cashbook this is.</summary>
    public long ParticipantId { get; set; }

    public required string ClientId { get; set; }
    public CashbookKind Kind { get; set; }
    public DateOnly OccurredOn { get; set; }
    public string? Item { get; set; }
    public int? Quantity { get; set; }

    /// <summary>The line total in whole rupiah.</summary>
    public long Amount { get; set; }

    public string? Customer { get; set; }

    /// <summary>A sale paid at once; an owed sale counts as a sale and as a receivable until payments cover it.</summary>
    public bool Paid { get; set; }

    public ExpenseCategory? Category { get; set; }
    public DateOnly? DueOn { get; set; }
    public bool Deleted { get; set; }

    /// <summary>When the phone last changed the line (UTC).</summary>
    public DateTime ClientUpdatedAt { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A participant's consent to share her monthly totals with the Dinas; no row means not shared.</summary>
public sealed class CashbookSharing
{
    public long ParticipantId { get; set; }
    public int AgencyId { get; set; }
    public bool ShareMonthlyTotals { get; set; }
    public DateTime ChangedAt { get; set; }
}

internal sealed class CashbookEntryConfiguration : IEntityTypeConfiguration<CashbookEntry>
{
    public void Configure(EntityTypeBuilder<CashbookEntry> e)
    {
        e.ToTable("CashbookEntries");
        e.Property(x => x.ClientId).HasMaxLength(CashbookRules.ClientIdMax);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Category).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Item).HasMaxLength(CashbookRules.TextMax);
        e.Property(x => x.Customer).HasMaxLength(CashbookRules.TextMax);
        e.HasIndex(x => new { x.AgencyId, x.ParticipantId, x.ClientId }).IsUnique();
        // The month summary reads one participant's month through this index.
        e.HasIndex(x => new { x.AgencyId, x.ParticipantId, x.OccurredOn });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<CohortParticipant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CashbookSharingConfiguration : IEntityTypeConfiguration<CashbookSharing>
{
    public void Configure(EntityTypeBuilder<CashbookSharing> e)
    {
        e.ToTable("CashbookSharing");
        e.HasKey(x => new { x.AgencyId, x.ParticipantId });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<CohortParticipant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Restrict);
    }
}
