using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Tunas.Web.Features.Registry.Imports;

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
