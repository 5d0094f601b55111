using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Programs;

namespace Tunas.Web.Features.Selection;

/// <summary>
/// One frozen run of the selection of a program: who ran it, when, with which rules, quotas and inputs, and
/// what came out. Runs are never changed; a newer run supersedes an older draft until one is published.
/// </summary>
public sealed class SelectionRun
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public int ProgramId { get; set; }

    /// <summary>1, 2, 3... within the program.</summary>
    public int Number { get; set; }

    public SelectionRunStatus Status { get; set; }

    public DateTime RunAt { get; set; }
    public required string RunById { get; set; }
    public required string RunByName { get; set; }

    public DateOnly ReferenceDate { get; set; }
    public required string Seed { get; set; }

    /// <summary>The eligibility settings, weights, spill-over rule and waitlist length, as JSON.</summary>
    public required string SettingsJson { get; set; }

    /// <summary>The quotas, as JSON.</summary>
    public required string QuotasJson { get; set; }

    /// <summary>SHA-256 of the inputs in a canonical order, so anyone can tell two runs had the same inputs.</summary>
    public required string InputsHash { get; set; }

    /// <summary>
    /// Every applicant's input as the run saw it (<see cref="FrozenInputs"/>): gzip of one JSON line per applicant
    /// in application order, the very bytes <see cref="InputsHash"/> is taken over. Null for runs stored before it.
    /// </summary>
    public byte[]? InputsBlob { get; set; }

    /// <summary>
    /// The rules that passed or did not apply, each once, as a JSON array of rules; a decision's
    /// <see cref="SelectionDecision.RuleStates"/> points into it. Null for runs stored before it.
    /// </summary>
    public string? RulesJson { get; set; }

    public int Applicants { get; set; }
    public int Selected { get; set; }
    public int Waitlisted { get; set; }
    public int NotSelected { get; set; }
    public int Ineligible { get; set; }

    public DateTime? PublishedAt { get; set; }
    public string? PublishedById { get; set; }
}

public enum SelectionRunStatus
{
    Draft,
    Published,

    /// <summary>A later run replaced this draft; kept for the record.</summary>
    Superseded,
}

/// <summary>
/// The result of one run for one application. <see cref="Outcome"/> is what the run decided and never changes;
/// <see cref="Status"/> starts equal and then follows appeals, withdrawals and waitlist promotions.
/// </summary>
public sealed class SelectionDecision
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public long RunId { get; set; }
    public long ApplicationId { get; set; }
    public required string RegistrationNumber { get; set; }
    public required string VillageCode { get; set; }

    /// <summary>The quota region the applicant was ranked in.</summary>
    public required string QuotaRegion { get; set; }

    /// <summary>The track trained in (selected) or waited for; null when ineligible.</summary>
    public int? TrackId { get; set; }

    public SelectionOutcome Outcome { get; set; }
    public DecisionStatus Status { get; set; }
    public Placement Placement { get; set; }
    public int? Rank { get; set; }
    public int? WaitlistPosition { get; set; }
    public int Score { get; set; }

    /// <summary>The score point by point (<see cref="ScoreBreakdown"/>), as JSON; parts worth 0 may be left out.</summary>
    public required string ScoreJson { get; set; }

    /// <summary>
    /// With <see cref="RuleStates"/>: only the failed rules (code, message, arguments), as JSON. Without (runs stored
    /// before the leaner store): every rule. <see cref="DecisionRules.Expand"/> gives every rule in both cases.
    /// </summary>
    public required string RulesJson { get; set; }

    /// <summary>
    /// One character per rule in <see cref="EligibilityRule"/> order: <c>!</c> for the next failed rule of
    /// <see cref="RulesJson"/>, else the place of the rule in the run's <see cref="SelectionRun.RulesJson"/>.
    /// </summary>
    public string? RuleStates { get; set; }

    /// <summary>The reasons of the outcome (code, message, arguments), as JSON.</summary>
    public required string ReasonsJson { get; set; }

    /// <summary>The applicant's input, for runs stored before <see cref="SelectionRun.InputsBlob"/>; null since.</summary>
    public string? InputJson { get; set; }

    public DateTime? StatusChangedAt { get; set; }
    public string? StatusNote { get; set; }
}

/// <summary>An objection to a published selection result (sanggahan), lodged in the appeal window.</summary>
public sealed class Appeal
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public long ApplicationId { get; set; }
    public long RunId { get; set; }
    public required string Text { get; set; }
    public DateTime LodgedAt { get; set; }
    public AppealStatus Status { get; set; }
    public string? Answer { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public string? AnsweredById { get; set; }

    /// <summary>The status the appeal gave the applicant when upheld with a change.</summary>
    public DecisionStatus? NewStatus { get; set; }
}

public enum AppealStatus
{
    Open,
    Upheld,
    Rejected,
}

internal sealed class SelectionRunConfiguration : IEntityTypeConfiguration<SelectionRun>
{
    public void Configure(EntityTypeBuilder<SelectionRun> e)
    {
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.RunById).HasMaxLength(450);
        e.Property(x => x.RunByName).HasMaxLength(256);
        e.Property(x => x.PublishedById).HasMaxLength(450);
        e.Property(x => x.Seed).HasMaxLength(64);
        e.Property(x => x.InputsHash).HasMaxLength(64);
        e.HasIndex(x => new { x.ProgramId, x.Number, x.AgencyId }).IsUnique();
        e.HasIndex(x => new { x.AgencyId, x.ProgramId });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<TrainingProgram>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SelectionDecisionConfiguration : IEntityTypeConfiguration<SelectionDecision>
{
    public void Configure(EntityTypeBuilder<SelectionDecision> e)
    {
        e.Property(x => x.RegistrationNumber).HasMaxLength(24);
        e.Property(x => x.VillageCode).HasMaxLength(13);
        e.Property(x => x.QuotaRegion).HasMaxLength(13);
        e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Placement).HasConversion<string>().HasMaxLength(24);
        e.Property(x => x.StatusNote).HasMaxLength(500);
        e.Property(x => x.RuleStates).HasMaxLength(16);
        e.HasIndex(x => new { x.RunId, x.ApplicationId, x.AgencyId }).IsUnique();
        e.HasIndex(x => new { x.AgencyId, x.RunId });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.RunId, x.QuotaRegion, x.TrackId, x.WaitlistPosition });
        e.HasIndex(x => x.ApplicationId);
        e.HasOne<SelectionRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppealConfiguration : IEntityTypeConfiguration<Appeal>
{
    public void Configure(EntityTypeBuilder<Appeal> e)
    {
        e.Property(x => x.Text).HasMaxLength(2000);
        e.Property(x => x.Answer).HasMaxLength(2000);
        e.Property(x => x.AnsweredById).HasMaxLength(450);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.NewStatus).HasConversion<string>().HasMaxLength(16);
        e.HasIndex(x => x.ApplicationId);
        e.HasIndex(x => new { x.RunId, x.Status });
        e.HasIndex(x => new { x.AgencyId, x.RunId });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<SelectionRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Restrict);
    }
}
