namespace Tunas.Web.Features.Registry.Imports;

/// <summary>Settings of resident imports, section <c>Imports</c>.</summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>
    /// Rows per transaction: the unit of commit, of progress and of what an interruption can lose. Unset: 8,000 on
    /// SQLite, 5,000 on PostgreSQL (<see cref="BatchSizeFor"/>).
    /// </summary>
    public int? BatchSize { get; set; }

    /// <summary>
    /// SQLite writes every page a commit changed to its log again at each commit, and a batch of random NIKs and names
    /// touches pages all over the indexes: fewer, larger commits write far less (a million rows: 5,000 per batch 89 s,
    /// 8,000 76 s, 20,000 60 s). Memory bounds it: a larger batch raises the peak (5,000: 360 MB, 8,000: 390 MB,
    /// 20,000: 450 MB), and the registry issue allows 400 MB. PostgreSQL was measured at 5,000.
    /// </summary>
    public int BatchSizeFor(bool sqlite) => Math.Max(1, BatchSize ?? (sqlite ? 8_000 : 5_000));

    /// <summary>The largest file accepted (100 MB holds about a million CSV rows).</summary>
    public long MaxFileBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Heap memory an import lets the GC keep before it asks for a compacting collection (see ImportRunner).</summary>
    public long MemoryCeilingBytes { get; set; } = 160L * 1024 * 1024;

    /// <summary>Where uploaded files wait for their job; empty means <c>imports</c> under <c>Database:DataFolder</c>.</summary>
    public string? Folder { get; set; }
}
