namespace Tunas.Web.Features.Registry.Imports;

/// <summary>Settings of resident imports, section <c>Imports</c>.</summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>Rows per transaction: the unit of commit, of progress and of what an interruption can lose.</summary>
    public int BatchSize { get; set; } = 5_000;

    /// <summary>The largest file accepted (100 MB holds about a million CSV rows).</summary>
    public long MaxFileBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Heap memory an import lets the GC keep before it asks for a compacting collection (see ImportRunner).</summary>
    public long MemoryCeilingBytes { get; set; } = 160L * 1024 * 1024;

    /// <summary>Where uploaded files wait for their job; empty means <c>imports</c> under <c>Database:DataFolder</c>.</summary>
    public string? Folder { get; set; }
}
