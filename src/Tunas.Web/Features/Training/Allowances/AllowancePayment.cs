using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Programs;

namespace Tunas.Web.Features.Training.Allowances;

/// <summary>
/// A cohort's transport allowance paid out on a day (uang transport, the SPJ list signed): one per cohort. The amount
/// is the list's total when it was marked paid, so later attendance edits do not change what the program spent.
/// </summary>
public sealed class AllowancePayment
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public int ProgramId { get; set; }
    public int CohortId { get; set; }
    public DateOnly PaidOn { get; set; }

    /// <summary>Whole rupiah.</summary>
    public long Amount { get; set; }

    /// <summary>Attended days the amount pays for, all participants together.</summary>
    public int Days { get; set; }

    public string? RecordedById { get; set; }
    public DateTime RecordedAt { get; set; }
}

internal sealed class AllowancePaymentConfiguration : IEntityTypeConfiguration<AllowancePayment>
{
    public void Configure(EntityTypeBuilder<AllowancePayment> e)
    {
        e.ToTable("AllowancePayments");
        e.Property(x => x.RecordedById).HasMaxLength(450);
        e.HasIndex(x => new { x.AgencyId, x.CohortId }).IsUnique();
        e.HasIndex(x => new { x.AgencyId, x.ProgramId });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<TrainingProgram>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Cohort>().WithMany().HasForeignKey(x => x.CohortId).OnDelete(DeleteBehavior.Cascade);
    }
}
