using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Registry.Imports;
using Tunas.Web.Features.Shared;

namespace Tunas.UnitTests.Features.Registry.Imports;

public class RowCheckerTests
{
    private static readonly string[] Headers = ["NIK", "NO_KK", "NAMA", "JK", "TGL_LAHIR", "KELURAHAN", "DESIL"];
    private static readonly ColumnLayout Layout = ColumnLayout.Find([ImportFieldsTests.Row(1, Headers)], null);

    private static readonly RegistryContext Context = new(new DateOnly(2026, 11, 28),
        code => code.StartsWith("35.72.", StringComparison.Ordinal) ? new NikRegion(code, "Kepanjenkidul", "Kota Blitar", "Jawa Timur") : null,
        code => code is "35.72.01.1004" or "35.72.01.1001", "35.72");

    private static RowCheck Check(Cell[] cells, string? operatorVillage = null) =>
        new RowChecker(Layout, null, Context, operatorVillage).Check(new SheetRow(2, cells));

    private static Cell[] Row(Cell nik, Cell birth, Cell? kk = null, string village = "35.72.01.1004") =>
        [nik, kk ?? Cell.Empty, Cell.FromText("Siti Aminah"), Cell.FromText("P"), birth, Cell.FromText(village), Cell.FromNumber(3)];

    [Fact]
    public void AValidRowBecomesPersonValues()
    {
        var check = Check(Row(Cell.FromText("3572014107900011"), Cell.FromText("01/07/1990")));

        Assert.True(check.Valid, string.Join("; ", check.Issues.Select(i => i.Message)));
        Assert.Equal(new DateOnly(1990, 7, 1), check.Values!.BirthDate);
        Assert.Equal(3, check.Values.WelfareDecile);
        Assert.Equal(Sex.Female, check.Values.Sex);
    }

    [Fact]
    public void ANikInANumberCellIsRefusedAsDamagedByExcelWhateverItLooksLike()
    {
        // 3572014107900011 typed into a number cell: Excel keeps 15 digits, the last one is already gone.
        var check = Check(Row(Cell.FromNumber(3572014107900010), Cell.FromText("01/07/1990")));

        var issue = Assert.Single(check.Issues);
        Assert.Equal(ImportField.Nik, issue.Field);
        Assert.Equal(Nik.ExcelDamagedMessage, issue.Message);
        Assert.Equal(PersonMessages.ExcelDamagedAdvice, issue.Advice);
        Assert.Null(check.Values);
    }

    [Fact]
    public void ANikThatExcelShowedInScientificNotationIsRefusedAsDamaged()
    {
        var check = Check(Row(Cell.FromText("3.57201E+15"), Cell.FromText("01/07/1990")));

        Assert.Equal(Nik.ExcelDamagedMessage, Assert.Single(check.Issues).Message);
    }

    [Fact]
    public void AFamilyCardNumberInANumberCellIsRefusedAsDamaged()
    {
        var check = Check(Row(Cell.FromText("3572014107900011"), Cell.FromText("01/07/1990"), kk: Cell.FromNumber(3572010101200010)));

        var issue = Assert.Single(check.Issues);
        Assert.Equal(ImportField.FamilyCardNumber, issue.Field);
        Assert.Equal(FamilyCardNumber.ExcelDamagedMessage, issue.Message);
    }

    [Theory]
    [InlineData("01/07/1990")]
    [InlineData("01-07-1990")]
    [InlineData("1990-07-01")]
    [InlineData("33055")]
    public void BirthDatesAreReadInTheUsualIndonesianFormatsAndAsExcelSerials(string text) =>
        Assert.True(Check(Row(Cell.FromText("3572014107900011"), Cell.FromText(text))).Valid);

    [Fact]
    public void ADateCellAndASerialInANumberCellAreDates()
    {
        Assert.True(Check(Row(Cell.FromText("3572014107900011"), Cell.FromValue(new DateTime(1990, 7, 1)))).Valid);
        Assert.True(Check(Row(Cell.FromText("3572014107900011"), Cell.FromNumber(33055))).Valid);
    }

    [Fact]
    public void AllProblemsOfARowAreReportedEachWithItsField()
    {
        var check = Check([Cell.FromText("3572014107900011"), Cell.Empty, Cell.Empty, Cell.FromText("X"), Cell.FromText("31/02/1990"), Cell.FromText("35.72.01.1004"), Cell.FromText("11")]);

        Assert.Equal(
            [ImportField.FullName, ImportField.Sex, ImportField.BirthDate, ImportField.WelfareDecile],
            check.Issues.Select(i => i.Field).Order());
    }

    [Fact]
    public void AnOperatorsRowOfAnotherKelurahanIsRefused()
    {
        var check = Check(Row(Cell.FromText("3572014107900011"), Cell.FromText("01/07/1990"), village: "35.72.01.1001"), operatorVillage: "35.72.01.1004");

        var issue = Assert.Single(check.Issues);
        Assert.Equal(ImportMessages.OtherVillageMessage, issue.Message);
        Assert.Equal(["35.72.01.1001"], issue.Args);
    }

    [Fact]
    public void OnlyFilledCellsCountAsPresent()
    {
        var check = Check(Row(Cell.FromText("3572014107900011"), Cell.Empty));

        Assert.NotEqual(0, check.Present & RowChecker.Bit(ImportField.WelfareDecile));
        Assert.Equal(0, check.Present & RowChecker.Bit(ImportField.BirthDate));
        Assert.Equal(0, check.Present & RowChecker.Bit(ImportField.FamilyCardNumber));
    }

    [Theory]
    [InlineData("3572014107900011", 3572014107900011L)]
    [InlineData("357201410790001", null)]
    [InlineData("３５７２０１４１０７９０００１１", null)]
    public void OnlySixteenAsciiDigitsMakeANikKey(string text, long? key) =>
        Assert.Equal(key, RowChecker.NikKey(Cell.FromText(text)));

    [Fact]
    public void ANumberCellNeverMakesANikKey() =>
        Assert.Null(RowChecker.NikKey(Cell.FromNumber(3572014107900011)));
}
