using System.Globalization;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace Tunas.Web.Features.Shared.Exports;

/// <summary>A column of an export: its heading and its width in characters.</summary>
public sealed record SheetColumn(string Header, double Width = 16);

/// <summary>
/// An .xlsx written row by row onto a stream (the HTTP response): nothing of the file is held beyond SpreadCheetah's
/// buffer, so a 200,000-row registry costs what one row costs. Its cell helpers are the one way an export writes a
/// cell: text through <see cref="SpreadsheetText.Cell"/>; a NIK or No. KK as a text cell in the text format (as a
/// number, Excel shows 3.57E+15 and drops the 16th digit); dates as date cells shown dd/mm/yyyy; rupiah as numbers.
/// </summary>
public sealed class SheetWriter : IAsyncDisposable
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Western Indonesian Time, in which staff read every time the app shows.</summary>
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    private readonly Spreadsheet _book;
    private readonly StyleId _header;
    private readonly StyleId _id;
    private readonly StyleId _date;
    private readonly StyleId _time;
    private readonly StyleId _rupiah;
    private readonly HashSet<string> _sheetNames = new(StringComparer.OrdinalIgnoreCase);

    private SheetWriter(Spreadsheet book)
    {
        _book = book;
        _header = book.AddStyle(new Style { Font = { Bold = true } });
        _id = book.AddStyle(new Style { Format = NumberFormat.Standard(StandardNumberFormat.Text) });
        _date = book.AddStyle(new Style { Format = NumberFormat.Custom("dd/mm/yyyy") });
        _time = book.AddStyle(new Style { Format = NumberFormat.Custom("dd/mm/yyyy hh:mm") });
        _rupiah = book.AddStyle(new Style { Format = NumberFormat.Custom("\"Rp\" #,##0") });
    }

    public static async Task<SheetWriter> CreateAsync(Stream output, CancellationToken ct) =>
        new(await Spreadsheet.CreateNewAsync(output, cancellationToken: ct));

    /// <summary>A new sheet with its heading row bold and frozen; the name made valid and unique.</summary>
    public async Task StartSheetAsync(string name, IReadOnlyList<SheetColumn> columns, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var options = new WorksheetOptions { FrozenRows = 1 };
        for (var i = 0; i < columns.Count; i++)
        {
            options.Column(i + 1).Width = columns[i].Width;
        }
        await _book.StartWorksheetAsync(UniqueName(name), options, ct);
        var header = new Cell[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            header[i] = new Cell(SpreadsheetText.Cell(columns[i].Header), _header);
        }
        await _book.AddRowAsync(header, ct);
    }

    public ValueTask AddRowAsync(Cell[] cells, CancellationToken ct) => _book.AddRowAsync(cells, ct);

    public ValueTask FinishAsync(CancellationToken ct) => _book.FinishAsync(ct);

    public ValueTask DisposeAsync() => _book.DisposeAsync();

    /// <summary>Text someone typed (a name, an address): formula starts neutralised.</summary>
    public static Cell Text(string? text) => new(SpreadsheetText.Cell(text));

    /// <summary>A NIK, a No. KK, a registration number: a text cell that stays text when edited.</summary>
    public Cell Id(string? text) => new(SpreadsheetText.Cell(text), _id);

    public Cell Date(DateOnly? date) => date is { } d ? new Cell(d.ToDateTime(TimeOnly.MinValue), _date) : new Cell((string?)null);

    /// <summary>A UTC timestamp as the WIB time staff know it.</summary>
    public Cell Time(DateTime? utc) => utc is { } t
        ? new Cell(DateTime.SpecifyKind(t, DateTimeKind.Unspecified).Add(Wib), _time)
        : new Cell((string?)null);

    public static Cell Number(int? value) => new(value);

    public Cell Rupiah(decimal? value) => new(value, _rupiah);

    /// <summary>A file name for a download: the parts joined by "-", with the date, safe on every system.</summary>
    public static string FileName(string stem, DateOnly date, string extension) =>
        string.Concat(stem.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')) + "-" +
        date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "." + extension;

    /// <summary>A sheet name as Excel takes it: at most 31 characters, none of : \ / ? * [ ], not used twice.</summary>
    private string UniqueName(string name)
    {
        var clean = new string([.. name.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? ' ' : c)]).Trim('\'', ' ');
        clean = clean.Length == 0 ? "Sheet" : clean;
        var candidate = clean.Length > 31 ? clean[..31] : clean;
        for (var n = 2; !_sheetNames.Add(candidate); n++)
        {
            var suffix = " (" + n.ToString(CultureInfo.InvariantCulture) + ")";
            candidate = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }
        return candidate;
    }
}
