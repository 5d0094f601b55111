using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Registry.Imports;

/// <summary>
/// A valid row waiting for the database, with which of its fields the file actually filled. The name's key and
/// search tokens are worked out while the file is read, so that the thread writing to the database only writes.
/// </summary>
public sealed record ImportRow(int RowNumber, PersonValues Values, int Present, string? RelationCell, string? VillageCell)
{
    public string NameKey { get; } = PersonNames.Key(Values.FullName);
    public string[] Tokens { get; } = [.. PersonNames.Tokens(Values.FullName)];

    public bool Has(ImportField field) => (Present & RowChecker.Bit(field)) != 0;
}

/// <summary>The rows between two commits.</summary>
public sealed class ImportBatch
{
    public List<ImportRow> Rows { get; } = [];
    public List<ImportRowError> Errors { get; } = [];

    /// <summary>Every row of the file this batch covers, valid or not.</summary>
    public int RowCount { get; set; }

    /// <summary>Rows refused before the database was asked.</summary>
    public int Rejected { get; set; }
}

public sealed record BatchResult(int Inserted, int Updated, int Unchanged, int Rejected);

/// <summary>What the importer knows of the job while it writes: who imports, where the counters stand, which instance holds it.</summary>
public sealed record ImportJobState(Guid Id, int AgencyId, string? ActorId, string ActorName, int ProcessedRows, int Inserted, int Updated, int Unchanged, int Rejected,
    string? LeaseOwner = null)
{
    public ImportJobState Add(int rows, BatchResult r) => this with
    {
        ProcessedRows = ProcessedRows + rows,
        Inserted = Inserted + r.Inserted,
        Updated = Updated + r.Updated,
        Unchanged = Unchanged + r.Unchanged,
        Rejected = Rejected + r.Rejected,
    };
}
