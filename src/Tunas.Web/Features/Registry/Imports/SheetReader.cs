using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
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
public sealed class ImportFileException(string message, Exception? inner = null) : Exception(message, inner);

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
    public static SheetReader Open(string path, string fileName)
    {
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
            return extension == ".csv" ? new CsvSheetReader(stream) : new ExcelSheetReader(stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The next row, or null at the end of the file.</summary>
    public SheetRow? Read()
    {
        try
        {
            return ReadRow();
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

    protected abstract SheetRow? ReadRow();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}

internal sealed class CsvSheetReader : SheetReader
{
    private readonly Stream _stream;
    private readonly CsvDataReader _csv;
    private int _number;

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
                // A long address or a pasted paragraph in one cell must not stop the import.
                MaxBufferSize = 1 << 22,
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

    protected override SheetRow? ReadRow()
    {
        if (!_csv.Read())
        {
            return null;
        }
        var cells = new Cell[_csv.RowFieldCount];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = Cell.FromText(_csv.GetString(i));
        }
        return new SheetRow(++_number, cells);
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
    private int _number;

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

    protected override SheetRow? ReadRow()
    {
        if (!_excel.Read())
        {
            return null;
        }
        var cells = new Cell[_excel.FieldCount];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = Cell.FromValue(_excel.GetValue(i));
        }
        return new SheetRow(++_number, cells);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _excel.Dispose();
        }
    }
}

/// <summary>How a CSV file was written: its encoding and its delimiter.</summary>
public static class CsvFormat
{
    private static readonly char[] Delimiters = [',', ';', '\t', '|'];

    /// <summary>
    /// UTF-8 when the file has a UTF-8 BOM or is valid UTF-8 throughout (checked in one streaming pass);
    /// otherwise Windows-1252, what Excel on Windows writes for "CSV". The delimiter is the one the header line
    /// uses most outside quotes: a comma, or a semicolon as Excel writes in an Indonesian locale.
    /// </summary>
    public static (Encoding Encoding, char Delimiter) Detect(Stream stream)
    {
        var encoding = IsUtf8(stream) ? (Encoding)new UTF8Encoding(false) : Encoding.GetEncoding(1252);
        stream.Position = 0;
        var head = new byte[64 * 1024];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var text = encoding.GetString(head, 0, read).TrimStart('\uFEFF');
        return (encoding, SniffDelimiter(text));
    }

    public static char SniffDelimiter(string text)
    {
        var counts = new int[Delimiters.Length];
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                break;
            }
            else if (!quoted && Array.IndexOf(Delimiters, c) is var i and >= 0)
            {
                counts[i]++;
            }
        }
        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }
        return Delimiters[best];
    }

    /// <summary>True when the whole stream is valid UTF-8 (a BOM counts as UTF-8).</summary>
    public static bool IsUtf8(Stream stream)
    {
        stream.Position = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        var chars = ArrayPool<char>.Shared.Rent(1 << 16);
        try
        {
            var carried = 0;
            while (true)
            {
                var read = stream.Read(buffer, carried, (1 << 16) - carried);
                var length = carried + read;
                var final = read == 0;
                var span = buffer.AsSpan(0, length);
                while (true)
                {
                    var status = Utf8.ToUtf16(span, chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: final);
                    span = span[consumed..];
                    if (status == OperationStatus.InvalidData)
                    {
                        return false;
                    }
                    if (status != OperationStatus.DestinationTooSmall)
                    {
                        break;
                    }
                }
                if (final)
                {
                    return true;
                }
                // An incomplete sequence at the end of the buffer waits for the next read.
                span.CopyTo(buffer);
                carried = span.Length;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
