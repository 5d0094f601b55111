using System.IO.Compression;
using System.Text;

namespace Tunas.IntegrationTests.Features.Registry.Imports;

/// <summary>
/// Hand-built .xlsx files (System.IO.Compression, streamed): the smallest workbook ExcelDataReader opens, with a
/// worksheet and shared strings written by the test, so that a file can be small and unpack into something huge.
/// </summary>
internal static class XlsxFiles
{
    public const string Header = """<row r="1"><c r="A1" t="inlineStr"><is><t>NIK</t></is></c><c r="B1" t="inlineStr"><is><t>NAMA</t></is></c><c r="C1" t="inlineStr"><is><t>KELURAHAN</t></is></c></row>""";

    /// <summary>A workbook whose sheet is the header, then what <paramref name="rows"/> writes; <paramref name="sharedStrings"/>, if given, writes the <c>si</c> items.</summary>
    public static byte[] Build(Action<TextWriter> rows, Action<TextWriter>? sharedStrings = null, string? dimension = null)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", w => w.Write("""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"""));
            Part(zip, "_rels/.rels", w => w.Write("""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""));
            Part(zip, "xl/workbook.xml", w => w.Write("""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>"""));
            Part(zip, "xl/_rels/workbook.xml.rels", w => w.Write("""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"""));
            Part(zip, "xl/worksheets/sheet1.xml", w =>
            {
                w.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""");
                if (dimension is not null)
                {
                    w.Write($"""<dimension ref="{dimension}"/>""");
                }
                w.Write("<sheetData>" + Header);
                rows(w);
                w.Write("</sheetData></worksheet>");
            });
            Part(zip, "xl/sharedStrings.xml", w =>
            {
                w.Write("""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""");
                sharedStrings?.Invoke(w);
                w.Write("</sst>");
            });
        }
        return output.ToArray();
    }

    /// <summary><paramref name="count"/> times <paramref name="c"/>, written in pieces: the test never holds the whole text either.</summary>
    public static void Repeat(TextWriter w, char c, long count)
    {
        var piece = new string(c, 64 * 1024);
        for (long left = count; left > 0; left -= piece.Length)
        {
            w.Write(left >= piece.Length ? piece : piece[..(int)left]);
        }
    }

    /// <summary>Letters that do not compress much (a seeded generator: the same file every run).</summary>
    public static void Letters(TextWriter w, int count)
    {
        var random = new Random(7);
        var text = new char[count];
        for (var i = 0; i < count; i++)
        {
            text[i] = (char)('a' + random.Next(26));
        }
        w.Write(text);
    }

    /// <summary>A data row: a NIK, a name and a kelurahan, each as an inline string.</summary>
    public static string Row(int number, string nik, string name, string village = "Kauman") =>
        $"""<row r="{number}"><c r="A{number}" t="inlineStr"><is><t>{nik}</t></is></c><c r="B{number}" t="inlineStr"><is><t>{name}</t></is></c><c r="C{number}" t="inlineStr"><is><t>{village}</t></is></c></row>""";

    private static void Part(ZipArchive zip, string name, Action<TextWriter> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        write(writer);
    }
}
