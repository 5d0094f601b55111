using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

namespace Tunas.Web.Features.Registry.Imports;

/// <summary>
/// Checks an .xlsx before ExcelDataReader opens it, in bounded memory: a small file can unpack into a huge one
/// (a 144 KB file held one 150 MB cell), ExcelDataReader keeps the shared strings and every cell's text in memory,
/// and fills a gap in the row numbers with empty rows (one row numbered 5,000,000 is five million rows).
/// Refused with a clear message: more than <see cref="MaxEntries"/> parts; a part whose declared size is too large,
/// or that unpacks to more than <see cref="SheetLimits.MaxCompressionRatio"/> times its packed size; shared strings
/// above <see cref="SheetLimits.MaxSharedStringsBytes"/>; then, reading every worksheet and the shared strings as
/// bytes (no XML parser, which would build the huge string first): a cell holding more than Excel's own
/// <see cref="ExcelCellChars"/> characters, a tag longer than <see cref="MaxTagBytes"/>, a part longer than it
/// declared, more rows or columns than the limits (declared in <c>dimension</c>, numbered in <c>r</c>, or counted).
/// </summary>
public static class XlsxInspector
{
    /// <summary>Excel refuses to hold more characters than this in one cell.</summary>
    public const int ExcelCellChars = 32_767;

    public const int MaxEntries = 10_000;

    /// <summary>A start tag with its attributes; Excel's are a few dozen bytes.</summary>
    public const int MaxTagBytes = 64 * 1024;

    /// <summary>Parts ExcelDataReader reads whole besides the sheets and shared strings (workbook, styles, relations).</summary>
    public const long MaxOtherPartBytes = 16L * 1024 * 1024;

    public static void Check(string path, SheetLimits limits)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        if (DeclaredEntries(file) > MaxEntries)
        {
            throw new ImportFileException(ImportMessages.UnpacksTooLargeMessage);
        }
        file.Position = 0;
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new ImportFileException(ImportMessages.UnreadableFileMessage, e);
        }
        using (zip)
        {
            var parts = new List<(ZipArchiveEntry Entry, bool Sheet)>();
            foreach (var entry in zip.Entries)
            {
                var name = entry.FullName.Replace('\\', '/').TrimStart('/');
                var sheet = name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);
                var strings = name.EndsWith("sharedStrings.xml", StringComparison.OrdinalIgnoreCase);
                if (entry.Length > 1024 * 1024 && entry.Length > limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                {
                    throw new ImportFileException(ImportMessages.UnpacksTooLargeMessage);
                }
                if (strings && entry.Length > limits.MaxSharedStringsBytes)
                {
                    throw new ImportFileException(ImportMessages.TextTooLargeMessage, Megabytes(limits.MaxSharedStringsBytes));
                }
                if (sheet ? entry.Length > limits.MaxSheetBytes
                    : !strings && entry.Length > MaxOtherPartBytes && (name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
                {
                    throw new ImportFileException(ImportMessages.UnpacksTooLargeMessage);
                }
                if (sheet || strings)
                {
                    parts.Add((entry, sheet));
                }
            }
            foreach (var (entry, sheet) in parts)
            {
                using var stream = Open(entry);
                new XlsxPartScanner(limits, sheet ? XlsxPartScanner.Kind.Sheet : XlsxPartScanner.Kind.SharedStrings).Scan(stream, entry.Length);
            }
        }
    }

    /// <summary>Whether the file begins as a zip does (an .xlsx; an old .xls does not).</summary>
    public static bool IsZip(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        return file.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && BinaryPrimitives.ReadUInt32LittleEndian(head) == 0x04034b50;
    }

    /// <summary>The number of parts the end of the zip declares, read before the central directory is (zip64: unlimited).</summary>
    private static long DeclaredEntries(FileStream file)
    {
        var tail = (int)Math.Min(file.Length, 22 + ushort.MaxValue);
        var buffer = new byte[tail];
        file.Position = file.Length - tail;
        file.ReadExactly(buffer);
        for (var i = tail - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(i)) == 0x06054b50)
            {
                var count = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(i + 10));
                return count == ushort.MaxValue ? long.MaxValue : count;
            }
        }
        throw new ImportFileException(ImportMessages.UnreadableFileMessage);
    }

    private static Stream Open(ZipArchiveEntry entry)
    {
        try
        {
            return entry.Open();
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
        {
            throw new ImportFileException(ImportMessages.UnreadableFileMessage, e);
        }
    }

    internal static string Megabytes(long bytes) => ((bytes + (1024 * 1024) - 1) / (1024 * 1024)).ToString(CultureInfo.InvariantCulture);
}
