using System.Text;
using Tunas.Web.Features.Registry.Imports;

namespace Tunas.UnitTests.Features.Registry.Imports;

/// <summary>Issue 10, finding 7: the reader stops at the row and column limits and never keeps a long cell whole.</summary>
public class SheetLimitsTests
{
    private static readonly SheetLimits Small = SheetLimits.Default with { MaxRows = 10, MaxColumns = 5, MaxCellChars = 50 };

    private static string Write(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private static void WithFile(string text, Action<string> test)
    {
        var path = Write(text);
        try
        {
            test(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void EmptyRowsCountTowardTheRowLimit() => WithFile("NIK,NAMA\n1,Siti\n" + string.Concat(Enumerable.Repeat(",\n", 20)), path =>
    {
        using var reader = SheetReader.Open(path, "x.csv", Small);

        var e = Assert.Throws<ImportFileException>(reader.SkipToEnd);

        Assert.Equal(ImportMessages.TooManyRowsMessage, e.Message);
        Assert.Equal(["10"], e.Args);
    });

    [Fact]
    public void ARowWiderThanTheColumnLimitStopsTheFile() => WithFile("NIK,NAMA\n1,2,3,4,5,6,7\n", path =>
    {
        using var reader = SheetReader.Open(path, "x.csv", Small);

        Assert.NotNull(reader.Read());
        var e = Assert.Throws<ImportFileException>(() => reader.Read());

        Assert.Equal(ImportMessages.TooManyColumnsMessage, e.Message);
    });

    [Fact]
    public void ALongCellIsCutToOneCharacterOverTheLimitSoItsRowIsRefusedByTheFieldsRules() => WithFile("NIK,NAMA\n1," + new string('x', 5_000) + "\n", path =>
    {
        using var reader = SheetReader.Open(path, "x.csv", Small);

        var rows = reader.ReadFirst(2);

        Assert.Equal(51, rows[1][1].Text.Length);
    });

    [Fact]
    public void AQuoteNeverClosedIsRefusedWithTheRowItFollows() => WithFile("NIK,NAMA\n1,\"Siti\n" + new string('x', (1 << 20) + 10), path =>
    {
        using var reader = SheetReader.Open(path, "x.csv");

        var e = Assert.Throws<ImportFileException>(() => reader.ReadFirst(5));

        Assert.Equal(ImportMessages.RowTooLongMessage, e.Message);
        Assert.Equal("1", e.Args[0]);
    });
}
