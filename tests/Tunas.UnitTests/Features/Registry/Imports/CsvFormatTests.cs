using System.Text;
using Tunas.Web.Features.Registry.Imports;

namespace Tunas.UnitTests.Features.Registry.Imports;

public sealed class CsvFormatTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tunas-csv-").FullName;

    static CsvFormatTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("NIK,NAMA,KELURAHAN\r\n1,2,3", ',')]
    [InlineData("NIK;NAMA;KELURAHAN\r\n1;2;3", ';')]
    [InlineData("NIK\tNAMA\tKELURAHAN", '\t')]
    [InlineData("\"NIK;1\",NAMA,KELURAHAN", ',')]
    [InlineData("NIK;\"NAMA, LENGKAP\";KELURAHAN", ';')]
    [InlineData("NIK", ',')]
    public void TheDelimiterIsTheOneTheHeaderLineUsesMostOutsideQuotes(string text, char delimiter) =>
        Assert.Equal(delimiter, CsvFormat.SniffDelimiter(text));

    [Fact]
    public void AWindows1252FileIsReadAsWindows1252()
    {
        var path = Write("w1252.csv", "NIK;NAMA\r\n3572014107900011;Sumarni Ñ\r\n", Encoding.GetEncoding(1252));

        var rows = Read(path);

        Assert.Equal("Sumarni Ñ", rows[1].Cells[1].Text);
        Assert.Equal(2, rows[1].Cells.Length);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AUtf8FileIsReadAsUtf8WithOrWithoutItsByteOrderMark(bool bom)
    {
        var path = Write("utf8.csv", "NIK,NAMA\r\n3572014107900011,Sumarni Ñ\r\n", new UTF8Encoding(bom));

        var rows = Read(path);

        Assert.Equal("NIK", rows[0].Cells[0].Text);
        Assert.Equal("Sumarni Ñ", rows[1].Cells[1].Text);
    }

    [Fact]
    public void AUtf8CharacterAcrossTheReadBufferIsStillUtf8()
    {
        // 65,535 ASCII bytes put the two bytes of "Ñ" on both sides of the 64 KB read buffer.
        var text = new string('a', (1 << 16) - 1) + "Ñ";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        Assert.True(CsvFormat.IsUtf8(stream));
    }

    [Fact]
    public void OneInvalidUtf8ByteFarDownTheFileMakesItWindows1252()
    {
        var bytes = Encoding.UTF8.GetBytes(new string('a', 200_000)).Concat(new byte[] { 0xD1 }).ToArray();
        using var stream = new MemoryStream(bytes);

        Assert.False(CsvFormat.IsUtf8(stream));
    }

    [Fact]
    public void AQuotedCellKeepsItsDelimitersAndLineBreaks()
    {
        var path = Write("quoted.csv", "NIK;ALAMAT;NAMA\r\n1;\"Jl. Mawar; Gg. 2\r\nBlok C\";Siti\r\n2;x;Budi\r\n", new UTF8Encoding(false));

        var rows = Read(path);

        Assert.Equal("Jl. Mawar; Gg. 2\r\nBlok C", rows[1].Cells[1].Text);
        Assert.Equal(3, rows[2].Number);
        Assert.Equal("Budi", rows[2].Cells[2].Text);
    }

    [Fact]
    public void AnEmptyFileIsRefusedAsEmpty()
    {
        var path = Write("empty.csv", "", new UTF8Encoding(false));

        var e = Assert.Throws<ImportFileException>(() => SheetReader.Open(path, "empty.csv"));

        Assert.Equal(ImportMessages.EmptyFileMessage, e.Message);
    }

    [Fact]
    public void AnotherExtensionIsRefused()
    {
        var path = Write("list.txt", "NIK\r\n", new UTF8Encoding(false));

        var e = Assert.Throws<ImportFileException>(() => SheetReader.Open(path, "list.txt"));

        Assert.Equal(ImportMessages.WrongExtensionMessage, e.Message);
    }

    private string Write(string name, string text, Encoding encoding)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, [.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);
        return path;
    }

    private static List<SheetRow> Read(string path)
    {
        using var reader = SheetReader.Open(path, Path.GetFileName(path));
        return reader.ReadFirst(100);
    }
}
