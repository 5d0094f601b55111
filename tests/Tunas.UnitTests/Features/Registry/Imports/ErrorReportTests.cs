using System.Text;
using Tunas.Web.Features.Registry.Imports;

namespace Tunas.UnitTests.Features.Registry.Imports;

public class ErrorReportTests
{
    private static readonly string[] Headers = ["Baris", "Kolom", "Isi", "Masalah", "Yang harus dilakukan"];

    private static async IAsyncEnumerable<string?[]> Rows()
    {
        await Task.Yield();
        yield return ["2", "NIK", "3572••••••••0011", "NIK ini muncul lebih dari sekali; \"baris 1\"", null];
        yield return ["10", "ALAMAT", "Jl. Mawar;\nGg. 2", "Terlalu panjang", "Perbaiki"];
    }

    [Fact]
    public async Task TheCsvReportIsUtf8WithSemicolonsAndQuotesWhatNeedsQuoting()
    {
        using var output = new MemoryStream();

        await ErrorReport.WriteCsvAsync(output, Headers, Rows(), CancellationToken.None);

        var bytes = output.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var lines = text.Split('\n');
        Assert.Equal("Baris;Kolom;Isi;Masalah;Yang harus dilakukan", lines[0].TrimEnd('\r'));
        Assert.StartsWith("2;NIK;3572••••••••0011;\"NIK ini muncul lebih dari sekali; \"\"baris 1\"\"\";", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"Jl. Mawar;\nGg. 2\"", text, StringComparison.Ordinal);
    }

    private static async IAsyncEnumerable<string?[]> HostileRows()
    {
        await Task.Yield();
        yield return ["3", "=HYPERLINK(\"http://evil.test\")", "=cmd|' /C calc'!A0", "@SUM(1)", "+6281234567890"];
    }

    [Fact]
    public async Task TheCsvReportPutsAQuoteBeforeEveryCellASpreadsheetWouldTakeForAFormula()
    {
        using var output = new MemoryStream();

        await ErrorReport.WriteCsvAsync(output, Headers, HostileRows(), CancellationToken.None);

        var line = Encoding.UTF8.GetString(output.ToArray()[3..]).Split('\n')[1].TrimEnd('\r');
        Assert.Equal("3;\"'=HYPERLINK(\"\"http://evil.test\"\")\";'=cmd|' /C calc'!A0;'@SUM(1);'+6281234567890", line);
    }

    [Fact]
    public async Task TheXlsxReportPutsTheSameQuoteBeforeFormulaLikeText()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".xlsx");
        try
        {
            await using (var file = File.Create(path))
            {
                await ErrorReport.WriteXlsxAsync(file, "Baris yang ditolak", Headers, HostileRows(), CancellationToken.None);
            }

            using var reader = SheetReader.Open(path, "report.xlsx");
            var row = reader.ReadFirst(2)[1];

            Assert.Equal(new Cell(CellKind.Number, "3"), row[0]);
            Assert.Equal(["'=HYPERLINK(\"http://evil.test\")", "'=cmd|' /C calc'!A0", "'@SUM(1)", "'+6281234567890"], row.Cells[1..].Select(c => c.Text));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task TheXlsxReportReadsBackAsTheSameRows()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".xlsx");
        try
        {
            await using (var file = File.Create(path))
            {
                await ErrorReport.WriteXlsxAsync(file, "Baris yang ditolak", Headers, Rows(), CancellationToken.None);
            }

            using var reader = SheetReader.Open(path, "report.xlsx");
            var rows = reader.ReadFirst(10);

            Assert.Equal(Headers, rows[0].Cells.Select(c => c.Text));
            Assert.Equal(new Cell(CellKind.Number, "10"), rows[2][0]);
            Assert.Equal("Jl. Mawar;\nGg. 2", rows[2][2].Text);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
