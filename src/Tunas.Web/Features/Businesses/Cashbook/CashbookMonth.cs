using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Training;

namespace Tunas.Web.Features.Businesses.Cashbook;

/// <summary>
/// One participant's month of cashbook sales and expenses, kept equal to the sum of her live lines by
/// <see cref="CashbookMonthKeeper"/> in the same transaction as each line's change (decision 0029): the dashboard reads
/// 50,000 of these instead of summing 10,000,000 lines. <see cref="Lines"/> counts the lines behind it, so a month whose
/// lines were all deleted reads as no month, as the lines themselves do.
/// </summary>
public sealed class CashbookMonth
{
    public int AgencyId { get; set; }

    /// <summary>The placement (CohortParticipant) whose cashbook this is.</summary>
    public long ParticipantId { get; set; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }

    public long Sales { get; set; }
    public long Expenses { get; set; }
    public int Lines { get; set; }
}

internal sealed class CashbookMonthConfiguration : IEntityTypeConfiguration<CashbookMonth>
{
    public void Configure(EntityTypeBuilder<CashbookMonth> e)
    {
        e.ToTable("CashbookMonths");
        e.HasKey(x => new { x.AgencyId, x.ParticipantId, x.Month });
        // The dashboard reads one month of every participant in scope.
        e.HasIndex(x => new { x.AgencyId, x.Month, x.ParticipantId });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<CohortParticipant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Restrict);
    }
}
