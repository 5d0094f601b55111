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

    /// <summary>
    /// Heap memory an import lets the GC keep before it asks for a compacting collection (see ImportRunner). At 160 MB
    /// the process rose by about 50 MB over several batches before each collection, and a million-row SQLite import
    /// beside the intake peaked at 413-437 MB; at 100 MB (a collection after nearly every batch) it peaked at 376 MB and
    /// was not slower (docs/benchmarks.md, "Import memory").
    /// </summary>
    public long MemoryCeilingBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>
    /// Rows a file may have, empty rows included (one numbered row far down is every row above it too): Excel's own
    /// 1,048,576, also about what the largest accepted CSV file holds.
    /// </summary>
    public int MaxRows { get; set; } = SheetLimits.Default.MaxRows;

    /// <summary>Columns a file may have: a resident file has a few dozen, and every row is read as wide as the widest.</summary>
    public int MaxColumns { get; set; } = SheetLimits.Default.MaxColumns;

    /// <summary>
    /// The shared strings of an .xlsx as declared in the zip: ExcelDataReader holds them all in memory (about twice
    /// this). 64 MB is about 500,000 rows of distinct NIKs, names and addresses; a larger file comes as CSV.
    /// </summary>
    public long MaxSharedStringsBytes { get; set; } = SheetLimits.Default.MaxSharedStringsBytes;

    public SheetLimits Limits => SheetLimits.Default with
    {
        MaxRows = MaxRows,
        MaxColumns = MaxColumns,
        MaxSharedStringsBytes = MaxSharedStringsBytes,
    };

    /// <summary>
    /// How long an instance holds a job without renewing it (decision 0018): after an instance dies, another takes its
    /// job over this long after the last renewal. Renewed every third of it.
    /// </summary>
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>
    /// False for an instance that serves the pages and the API only and leaves the jobs to the others (a web-only node
    /// beside a worker node); its uploads are taken by them at their next look.
    /// </summary>
    public bool RunJobs { get; set; } = true;

    /// <summary>How often every instance looks for jobs to take: queued, paused and due, or with a lease run out.</summary>
    public double PollSeconds { get; set; } = 15;

    /// <summary>The wait before a paused job is tried again, doubled with each pause in a row up to <see cref="PauseRetryMaxSeconds"/>.</summary>
    public double PauseRetrySeconds { get; set; } = 10;

    public double PauseRetryMaxSeconds { get; set; } = 300;

    public TimeSpan LeaseDuration => TimeSpan.FromSeconds(Math.Max(1, LeaseSeconds));
    public TimeSpan PollInterval => TimeSpan.FromSeconds(Math.Max(0.1, PollSeconds));
    public TimeSpan PauseRetry => TimeSpan.FromSeconds(Math.Max(0.1, PauseRetrySeconds));
    public TimeSpan PauseRetryMax => TimeSpan.FromSeconds(Math.Max(PauseRetrySeconds, PauseRetryMaxSeconds));

    /// <summary>Where uploaded files wait for their job; empty means <c>imports</c> under <c>Database:DataFolder</c>.</summary>
    public string? Folder { get; set; }
}

/// <summary>
/// What a file may hold before it is read (<see cref="XlsxInspector"/>) and while it is read (<see cref="SheetReader"/>).
/// </summary>
/// <param name="MaxCellChars">
/// A longer cell is cut to one character more than this as it is read, so that the row is refused by the field's own
/// length rule (no field is longer than 300 characters) and no long text is kept.
/// </param>
/// <param name="MaxCompressionRatio">How many times its packed size a part of an .xlsx may unpack to (Excel's sheets: 5-20).</param>
/// <param name="MaxSheetBytes">The unpacked size of one worksheet (a million rows of 25 columns: about 1 GB).</param>
public sealed record SheetLimits(int MaxRows, int MaxColumns, int MaxCellChars, long MaxSharedStringsBytes, int MaxCompressionRatio, long MaxSheetBytes)
{
    public static readonly SheetLimits Default = new(1_048_576, 512, 2_000, 64L * 1024 * 1024, 100, 2L * 1024 * 1024 * 1024);
}
