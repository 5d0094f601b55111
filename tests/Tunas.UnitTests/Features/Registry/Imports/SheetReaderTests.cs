using SpreadCheetah;
using Tunas.Web.Features.Registry.Imports;
using Cell = Tunas.Web.Features.Registry.Imports.Cell;

namespace Tunas.UnitTests.Features.Registry.Imports;

public sealed class SheetReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tunas-xlsx-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AnXlsxTellsTextNumberAndDateCellsApart()
    {
        var path = Path.Combine(_folder, "cells.xlsx");
        await using (var file = File.Create(path))
        await using (var book = await Spreadsheet.CreateNewAsync(file))
        {
            await book.StartWorksheetAsync("Penduduk");
            await book.AddRowAsync([new DataCell("NIK"), new DataCell("TGL_LAHIR"), new DataCell("RT")]);
            await book.AddRowAsync([new DataCell("3572014107900011"), new DataCell(new DateTime(1990, 7, 1)), new DataCell(4)]);
            await book.AddRowAsync([new DataCell(3572014107900011d), new DataCell("01/07/1990"), new DataCell()]);
            await book.FinishAsync();
        }

        using var reader = SheetReader.Open(path, "cells.xlsx");
        var rows = reader.ReadFirst(10);

        Assert.Equal(3, rows.Count);
        Assert.Equal(new Cell(CellKind.Text, "3572014107900011"), rows[1][0]);
        Assert.Equal(new Cell(CellKind.Date, "1990-07-01"), rows[1][1]);
        Assert.Equal(new Cell(CellKind.Number, "4"), rows[1][2]);
        Assert.Equal(CellKind.Number, rows[2][0].Kind);
        Assert.Equal(CellKind.Empty, rows[2][2].Kind);
        Assert.Equal(3, rows[2].Number);
    }

    [Fact]
    public void AnOldXlsFileIsRead()
    {
        var path = Path.Combine(Repo.Root, "tests", "Tunas.IntegrationTests", "Features", "Registry", "Imports", "Fixtures", "residents.xls");

        using var reader = SheetReader.Open(path, "residents.xls");
        var rows = reader.ReadFirst(10);

        Assert.Equal(["NIK", "NAMA_LENGKAP", "JK", "TGL_LAHIR", "KELURAHAN", "DESIL"], rows[0].Cells.Select(c => c.Text));
        Assert.Equal(new Cell(CellKind.Text, "3572014107900911"), rows[1][0]);
        Assert.Equal(new Cell(CellKind.Date, "1990-07-01"), rows[1][3]);
        Assert.Equal(CellKind.Number, rows[2][0].Kind);
        Assert.Equal("3", rows[1][5].Text);
    }

    [Fact]
    public void AFileThatIsNotAWorkbookIsUnreadable()
    {
        var path = Path.Combine(_folder, "fake.xlsx");
        File.WriteAllText(path, "<html><table><tr><td>NIK</td></tr></table></html>");

        var e = Assert.Throws<ImportFileException>(() =>
        {
            using var reader = SheetReader.Open(path, "fake.xlsx");
            reader.ReadFirst(1);
        });

        Assert.Equal(ImportMessages.UnreadableFileMessage, e.Message);
    }

    [Theory]
    [InlineData(4d, "4")]
    [InlineData(3572014107900011d, "3572014107900011")]
    [InlineData(1e20, "1E+20")]
    [InlineData(2.5d, "2.5")]
    public void NumbersBecomeInvariantText(double value, string text) =>
        Assert.Equal(text, Cell.FromNumber(value).Text);
}
