using System.Globalization;
using System.Text;
using ExcelDataReader;
using Sylvan.Data.Csv;

namespace Tunas.Web.Features.Registry.Imports;

public enum CellKind
{
    Empty,
    Text,

    /// <summary>A number cell of a spreadsheet: fine for RT or desil, fatal for a NIK (Excel kept 15 digits of it).</summary>
    Number,

    /// <summary>A date cell of a spreadsheet; <see cref="Cell.Text"/> holds it as yyyy-MM-dd.</summary>
    Date,
}

/// <summary>One cell as the importer sees it: trimmed text and what kind of cell it came from.</summary>
public readonly record struct Cell(CellKind Kind, string Text)
{
    public static readonly Cell Empty = new(CellKind.Empty, "");

    public static Cell FromText(string? text)
    {
        var t = text?.Trim();
        return string.IsNullOrEmpty(t) ? Empty : new Cell(CellKind.Text, t);
    }

    public static Cell FromNumber(double value) =>
        new(CellKind.Number, Math.Abs(value) < 1e15 && value == Math.Floor(value)
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture));

    public static Cell FromValue(object? value) => value switch
    {
        null or DBNull => Empty,
        string s => FromText(s),
        double d => FromNumber(d),
        float f => FromNumber(f),
        int i => FromNumber(i),
        long l => FromNumber(l),
        decimal m => FromNumber((double)m),
        DateTime t => new Cell(CellKind.Date, t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        bool b => new Cell(CellKind.Text, b ? "true" : "false"),
        IFormattable other => FromText(other.ToString(null, CultureInfo.InvariantCulture)),
        _ => FromText(value.ToString()),
    };
}

/// <summary>A row with its number as the spreadsheet program shows it (the first row is 1).</summary>
public sealed record SheetRow(int Number, Cell[] Cells)
{
    public bool IsEmpty => Array.TrueForAll(Cells, c => c.Kind == CellKind.Empty);

    public Cell this[int index] => index < Cells.Length ? Cells[index] : Cell.Empty;
}

/// <summary>Why a file cannot be imported at all; <see cref="Exception.Message"/> is the English localization key.</summary>
public sealed class ImportFileException : Exception
{
    public ImportFileException(string message, Exception? inner, params string[] args) : base(message, inner) => Args = args;

    public ImportFileException(string message, params string[] args) : this(message, null, args)
    {
    }

    /// <summary>The message's arguments (a limit, a row number).</summary>
    public IReadOnlyList<string> Args { get; }
}

/// <summary>
/// Reads the rows of a resident file one at a time (never the whole file): CSV with Sylvan, .xlsx and .xls with
/// ExcelDataReader (first sheet). Throws <see cref="ImportFileException"/> when the file cannot be read.
/// </summary>
public abstract class SheetReader : IDisposable
{
    public static readonly IReadOnlyList<string> Extensions = [".csv", ".xlsx", ".xls"];

    static SheetReader() =>
        // Windows-1252 CSV files and old .xls files need the Windows code pages, which .NET leaves out by default.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static bool IsSupported(string fileName) =>
        Extensions.Contains(Path.GetExtension(fileName).ToLowerInvariant());

    /// <summary>Opens <paramref name="path"/> as the format its original <paramref name="fileName"/> says.</summary>
    public static SheetReader Open(string path, string fileName, SheetLimits? limits = null)
    {
        limits ??= SheetLimits.Default;
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!Extensions.Contains(extension))
        {
            throw new ImportFileException(ImportMessages.WrongExtensionMessage);
        }
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (IOException e)
        {
            throw new ImportFileException(ImportMessages.UnreadableFileMessage, e);
        }
        try
        {
            if (stream.Length == 0)
            {
                throw new ImportFileException(ImportMessages.EmptyFileMessage);
            }
            SheetReader reader = extension == ".csv" ? new CsvSheetReader(stream) : new ExcelSheetReader(stream);
            reader.Limits = limits;
            return reader;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public SheetLimits Limits { get; private set; } = SheetLimits.Default;

    /// <summary>Rows read so far, empty ones included.</summary>
    protected int Number { get; private set; }

    /// <summary>The next row, or null at the end of the file.</summary>
    public SheetRow? Read()
    {
        try
        {
            if (!Advance())
            {
                return null;
            }
            var cells = new Cell[FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = CellAt(i);
            }
            return new SheetRow(Number, cells);
        }
        catch (ImportFileException)
        {
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // A damaged zip, an encrypted workbook, a broken quote: whatever the library says, the file is unreadable.
            throw new ImportFileException(ImportMessages.UnreadableFileMessage, e);
        }
    }

    /// <summary>Reads on to the end without looking at the cells: the row and column limits are checked all the same.</summary>
    public void SkipToEnd()
    {
        try
        {
            while (Advance())
            {
            }
        }
        catch (Exception e) when (e is not ImportFileException and not OperationCanceledException and not OutOfMemoryException)
        {
            throw new ImportFileException(ImportMessages.UnreadableFileMessage, e);
        }
    }

    /// <summary>The first rows (for finding the header and for a preview).</summary>
    public List<SheetRow> ReadFirst(int count)
    {
        var rows = new List<SheetRow>(count);
        while (rows.Count < count && Read() is { } row)
        {
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Moves to the next row of the file; false at its end.</summary>
    protected abstract bool Read(out int fieldCount);

    protected abstract Cell Value(int index);

    private int FieldCount { get; set; }

    private bool Advance()
    {
        if (!Read(out var fieldCount))
        {
            return false;
        }
        if (++Number > Limits.MaxRows)
        {
            throw new ImportFileException(ImportMessages.TooManyRowsMessage, Limits.MaxRows.ToString(CultureInfo.InvariantCulture));
        }
        if (fieldCount > Limits.MaxColumns)
        {
            throw new ImportFileException(ImportMessages.TooManyColumnsMessage, Limits.MaxColumns.ToString(CultureInfo.InvariantCulture));
        }
        FieldCount = fieldCount;
        return true;
    }

    private Cell CellAt(int index)
    {
        var cell = Value(index);
        return cell.Text.Length > Limits.MaxCellChars ? cell with { Text = cell.Text[..(Limits.MaxCellChars + 1)] } : cell;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}

internal sealed class CsvSheetReader : SheetReader
{
    public const int MaxRecordChars = 1 << 20;

    private readonly Stream _stream;
    private readonly CsvDataReader _csv;

    public CsvSheetReader(Stream stream)
    {
        _stream = stream;
        var (encoding, delimiter) = CsvFormat.Detect(stream);
        stream.Position = 0;
        var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: encoding is UTF8Encoding, bufferSize: 1 << 16);
        try
        {
            _csv = CsvDataReader.Create(text, new CsvDataReaderOptions
            {
                HasHeaders = false,
                Delimiter = delimiter,
                // A long address or a pasted paragraph in one cell must not stop the import (CellAt cuts it), but a
                // quote never closed must not take the rest of the file into one string.
                MaxBufferSize = MaxRecordChars,
            });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            text.Dispose();
            throw new ImportFileException(ImportMessages.UnreadableFileMessage, e);
        }
        Encoding = encoding;
        Delimiter = delimiter;
    }

    public Encoding Encoding { get; }
    public char Delimiter { get; }

    protected override bool Read(out int fieldCount)
    {
        bool read;
        try
        {
            read = _csv.Read();
        }
        catch (CsvRecordTooLargeException e)
        {
            throw new ImportFileException(ImportMessages.RowTooLongMessage, e,
                Number.ToString(CultureInfo.InvariantCulture), MaxRecordChars.ToString(CultureInfo.InvariantCulture));
        }
        fieldCount = read ? _csv.RowFieldCount : 0;
        return read;
    }

    protected override Cell Value(int index)
    {
        // Only the start of a long field becomes a string (CellAt cuts it anyway).
        var span = _csv.GetFieldSpan(index);
        return Cell.FromText(span.Length > Limits.MaxCellChars + 1 ? span[..(Limits.MaxCellChars + 1)].ToString() : span.ToString());
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _csv.Dispose();
            _stream.Dispose();
        }
    }
}

internal sealed class ExcelSheetReader : SheetReader
{
    private readonly IExcelDataReader _excel;

    public ExcelSheetReader(Stream stream)
    {
        try
        {
            _excel = ExcelReaderFactory.CreateReader(stream);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ImportFileException(ImportMessages.UnreadableFileMessage, e);
        }
    }

    protected override bool Read(out int fieldCount)
    {
        var read = _excel.Read();
        fieldCount = read ? _excel.FieldCount : 0;
        return read;
    }

    protected override Cell Value(int index) => Cell.FromValue(_excel.GetValue(index));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _excel.Dispose();
        }
    }
}
