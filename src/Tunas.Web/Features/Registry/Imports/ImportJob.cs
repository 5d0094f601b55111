using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tunas.Web.Features.Registry.Imports;

public enum ImportStatus
{
    /// <summary>Uploaded from a page; waits for the user to confirm the column mapping.</summary>
    AwaitingMapping = 0,
    Queued = 1,
    Running = 2,
    Completed = 3,
    Failed = 4,

    /// <summary>
    /// A passing database error (a full disk, a database that cannot be reached) stopped it; the upload is kept and the
    /// job goes on by itself once <see cref="ImportJob.LeaseUntil"/> has passed and the cause is gone.
    /// </summary>
    Paused = 5,
}

/// <summary>
/// One file of residents being brought into the registry. The counters are committed with each batch of rows,
/// so a job that was interrupted shows how far it got and can simply be run again.
/// </summary>
public sealed class ImportJob
{
    /// <summary>Random, so that a job's address cannot be guessed.</summary>
    public Guid Id { get; set; }

    public int AgencyId { get; set; }
    public ImportStatus Status { get; set; } = ImportStatus.Queued;
    public required string FileName { get; set; }

    /// <summary>Where the uploaded file waits (under the app's data folder) until the job has run.</summary>
    public string? StoredPath { get; set; }

    /// <summary>The regency/city whose kelurahan names the file's rows are matched against.</summary>
    public string? RegencyCode { get; set; }

    /// <summary>The column mapping (JSON: field → column header) the user confirmed, or the guess.</summary>
    public string? ColumnMap { get; set; }

    /// <summary>Set when a kelurahan operator imports: rows of any other kelurahan are refused.</summary>
    public string? VillageCode { get; set; }

    public int TotalRows { get; set; }
    public int ProcessedRows { get; set; }
    public int Inserted { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Rejected { get; set; }

    /// <summary>Why the whole job failed (an unreadable file), in English: the localization key.</summary>
    public string? Error { get; set; }

    /// <summary>
    /// The app instance that runs the job while its lease lasts (decision 0018); null when nobody holds it. Only the
    /// holder writes the counters, the refused rows and the final status.
    /// </summary>
    public string? LeaseOwner { get; set; }

    /// <summary>
    /// Until when <see cref="LeaseOwner"/> holds the job (renewed while it runs); for a paused job, when it is tried
    /// again. After it any instance may take the job over.
    /// </summary>
    public DateTime? LeaseUntil { get; set; }

    /// <summary>Why the job is paused, in English (the localization key); null unless <see cref="ImportStatus.Paused"/>.</summary>
    public string? PausedBecause { get; set; }

    /// <summary>Pauses in a row, for the growing wait before the next try; back to 0 once a batch is written.</summary>
    public int Pauses { get; set; }

    public string? CreatedById { get; set; }
    public string CreatedByName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}

/// <summary>A row the import refused, with what to do about it; the error report is made of these.</summary>
public sealed class ImportRowError
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public Guid ImportJobId { get; set; }

    /// <summary>The row number as the spreadsheet shows it (the header is row 1).</summary>
    public int RowNumber { get; set; }

    public required string Column { get; set; }

    /// <summary>What the cell held; a NIK or No. KK is stored masked.</summary>
    public string? Value { get; set; }

    /// <summary>The English message (the localization key), so the report speaks the reader's language.</summary>
    public required string Problem { get; set; }

    /// <summary>The message's {0}, {1} as a JSON array of strings, or null.</summary>
    public string? Arguments { get; set; }

    /// <summary>What to do, in English (the localization key), or null for the general advice.</summary>
    public string? Advice { get; set; }
}

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> e)
    {
        e.Property(x => x.FileName).HasMaxLength(260);
        e.Property(x => x.StoredPath).HasMaxLength(500);
        e.Property(x => x.RegencyCode).HasMaxLength(5);
        e.Property(x => x.VillageCode).HasMaxLength(13);
        e.Property(x => x.Error).HasMaxLength(1000);
        e.Property(x => x.CreatedById).HasMaxLength(64);
        e.Property(x => x.LeaseOwner).HasMaxLength(100);
        e.Property(x => x.PausedBecause).HasMaxLength(300);
        e.Property(x => x.CreatedByName).HasMaxLength(256);
        e.HasIndex(x => new { x.AgencyId, x.CreatedAt });
        e.HasOne<Agencies.Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ImportRowErrorConfiguration : IEntityTypeConfiguration<ImportRowError>
{
    public void Configure(EntityTypeBuilder<ImportRowError> e)
    {
        e.Property(x => x.Column).HasMaxLength(100);
        e.Property(x => x.Value).HasMaxLength(300);
        e.Property(x => x.Problem).HasMaxLength(1000);
        e.Property(x => x.Arguments).HasMaxLength(1000);
        e.Property(x => x.Advice).HasMaxLength(1000);
        e.HasIndex(x => new { x.ImportJobId, x.RowNumber });
        e.HasIndex(x => new { x.AgencyId, x.ImportJobId });
        e.HasOne<Agencies.Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ImportJob>().WithMany().HasForeignKey(x => x.ImportJobId).OnDelete(DeleteBehavior.Cascade);
    }
}
