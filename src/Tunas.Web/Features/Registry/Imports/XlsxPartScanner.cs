using System.Buffers;
using System.Globalization;

namespace Tunas.Web.Features.Registry.Imports;

/// <summary>
/// Reads one worksheet or the shared strings of an .xlsx as bytes, keeping only the current tag (at most
/// <see cref="XlsxInspector.MaxTagBytes"/>) and a few counters: the characters of the current cell (or shared
/// string), the row and column numbers. Comments and CDATA count as tags, so they are bounded too.
/// </summary>
internal sealed class XlsxPartScanner(SheetLimits limits, XlsxPartScanner.Kind kind)
{
    public enum Kind
    {
        Sheet,
        SharedStrings,
    }

    private readonly byte[] _tag = new byte[XlsxInspector.MaxTagBytes];
    private int _tagLength = -1;
    private byte _quote;
    private bool _inEntity;
    private long _cellChars;
    private long _row;
    private long _column;

    public void Scan(Stream stream, long declaredLength)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            long total = 0;
            int read;
            while ((read = Read(stream, buffer)) > 0)
            {
                total += read;
                if (total > declaredLength)
                {
                    // The zip said less than it holds: whatever reads it next must not trust the size either.
                    throw new ImportFileException(ImportMessages.UnpacksTooLargeMessage);
                }
                Feed(buffer.AsSpan(0, read));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int Read(Stream stream, byte[] buffer)
    {
        try
        {
            return stream.Read(buffer, 0, buffer.Length);
        }
        catch (InvalidDataException e)
        {
            throw new ImportFileException(ImportMessages.UnreadableFileMessage, e);
        }
    }

    private void Feed(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (_tagLength >= 0)
            {
                InTag(b);
            }
            else if (b == (byte)'<')
            {
                _tagLength = 0;
                _inEntity = false;
            }
            else if (_inEntity)
            {
                _inEntity = b != (byte)';';
            }
            else if ((b & 0xC0) != 0x80)
            {
                // One character per UTF-8 lead byte, one per entity (&amp; is one '&').
                _inEntity = b == (byte)'&';
                if (++_cellChars > XlsxInspector.ExcelCellChars)
                {
                    throw new ImportFileException(ImportMessages.CellTooLongMessage, XlsxInspector.ExcelCellChars.ToString(CultureInfo.InvariantCulture));
                }
            }
        }
    }

    private void InTag(byte b)
    {
        if (_quote != 0)
        {
            _quote = b == _quote ? (byte)0 : _quote;
        }
        else if (b is (byte)'"' or (byte)'\'')
        {
            _quote = b;
        }
        else if (b == (byte)'>')
        {
            Tag(_tag.AsSpan(0, _tagLength));
            _tagLength = -1;
            return;
        }
        if (_tagLength == _tag.Length)
        {
            throw new ImportFileException(ImportMessages.UnpacksTooLargeMessage);
        }
        _tag[_tagLength++] = b;
    }

    private void Tag(ReadOnlySpan<byte> tag)
    {
        if (tag.IsEmpty || tag[0] is (byte)'/' or (byte)'?' or (byte)'!')
        {
            return;
        }
        var end = tag.IndexOfAny((byte)' ', (byte)'/', (byte)'\t');
        var name = end < 0 ? tag : tag[..end];
        name = name[(name.IndexOf((byte)':') + 1)..];
        if (kind == Kind.SharedStrings)
        {
            if (name.SequenceEqual("si"u8))
            {
                _cellChars = 0;
            }
        }
        else if (name.SequenceEqual("row"u8))
        {
            var number = Number(Attribute(tag, "r"u8));
            _row = number > 0 ? number : _row + 1;
            _column = 0;
            _cellChars = 0;
            CheckRows(_row);
        }
        else if (name.SequenceEqual("c"u8))
        {
            var column = Column(Attribute(tag, "r"u8));
            _column = column > 0 ? column : _column + 1;
            _cellChars = 0;
            CheckColumns(_column);
        }
        else if (name.SequenceEqual("dimension"u8))
        {
            var range = Attribute(tag, "ref"u8);
            var last = range[(range.IndexOf((byte)':') + 1)..];
            CheckColumns(Column(last));
            CheckRows(Number(last));
        }
    }

    private void CheckRows(long rows)
    {
        if (rows > limits.MaxRows)
        {
            throw new ImportFileException(ImportMessages.TooManyRowsMessage, limits.MaxRows.ToString(CultureInfo.InvariantCulture));
        }
    }

    private void CheckColumns(long columns)
    {
        if (columns > limits.MaxColumns)
        {
            throw new ImportFileException(ImportMessages.TooManyColumnsMessage, limits.MaxColumns.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The value of <c>name="..."</c> in a start tag, or null.</summary>
    private static ReadOnlySpan<byte> Attribute(ReadOnlySpan<byte> tag, ReadOnlySpan<byte> name)
    {
        // The tag's own name comes first; an attribute follows a space.
        for (var i = tag.IndexOf(name); i >= 0;)
        {
            var rest = tag[(i + name.Length)..].TrimStart(" \t\r\n"u8);
            if (i > 0 && tag[i - 1] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' && rest.Length > 1 && rest[0] == (byte)'=')
            {
                rest = rest[1..].TrimStart(" \t\r\n"u8);
                if (rest.Length > 0 && rest[0] is (byte)'"' or (byte)'\'' && rest[1..].IndexOf(rest[0]) is var close and >= 0)
                {
                    return rest.Slice(1, close);
                }
            }
            var next = tag[(i + 1)..].IndexOf(name);
            i = next < 0 ? -1 : i + 1 + next;
        }
        return default;
    }

    /// <summary>The digits of a cell reference ("AB12" → 12, "12" → 12); 0 when there are none.</summary>
    private static long Number(ReadOnlySpan<byte> text)
    {
        long n = 0;
        foreach (var b in text)
        {
            if (b is >= (byte)'0' and <= (byte)'9')
            {
                n = Math.Min((n * 10) + (b - '0'), long.MaxValue / 20);
            }
        }
        return n;
    }

    /// <summary>The column of a cell reference ("A1" → 1, "XFD7" → 16,384); 0 when it has no letters.</summary>
    private static long Column(ReadOnlySpan<byte> text)
    {
        long n = 0;
        foreach (var b in text)
        {
            var upper = b is >= (byte)'a' and <= (byte)'z' ? b - 32 : b;
            if (upper is >= 'A' and <= 'Z')
            {
                n = Math.Min((n * 26) + (upper - 'A' + 1), long.MaxValue / 30);
            }
        }
        return n;
    }
}
