using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Training;
using Tunas.Web.Features.Training.Allowances;
using Tunas.Web.Features.Training.Kits;

namespace Tunas.UnitTests.Features.Training;

public sealed class AllowanceAndKitRulesTests
{
    private static readonly DateOnly Day1 = new(2025, 10, 24);

    private static ProgramInput Program(string? transport) => new()
    {
        Name = "Pelatihan Wirausaha",
        Year = "2030",
        Budget = "150.000.000",
        TransportPerDay = transport,
        TargetSize = "80",
        RegistrationOpens = "2030-10-01",
        RegistrationCloses = "15/10/2030",
    };

    [Fact]
    public void TheTransportAmountIsReadAsRupiahAndLeftUnchangedWhenEmpty()
    {
        var program = new TrainingProgram { Name = "x", Seed = "seed-123", TransportPerDay = 40_000 };

        ProgramFields.Apply(program, ProgramFields.Check(Program(null), new DateOnly(2030, 6, 1)).Values!);
        Assert.Equal(40_000, program.TransportPerDay);
        ProgramFields.Apply(program, ProgramFields.Check(Program("Rp 50.000"), new DateOnly(2030, 6, 1)).Values!);
        Assert.Equal(50_000, program.TransportPerDay);

        var bad = ProgramFields.Check(Program("-5"), new DateOnly(2030, 6, 1));
        Assert.Null(bad.Values);
        Assert.Contains(bad.Errors, e => e.Field == "transportPerDay");
    }

    [Fact]
    public void TheLatestMarkCountsAndTwoSessionsOnOneDayMakeOneDay()
    {
        var sessions = new Dictionary<long, DateOnly> { [1] = Day1, [2] = Day1, [3] = Day1.AddDays(1), [4] = Day1.AddDays(2) };
        (long, long, AttendanceStatus)[] marks =
        [
            (1, 10, AttendanceStatus.Present), (2, 10, AttendanceStatus.Late),
            (3, 10, AttendanceStatus.Present), (3, 10, AttendanceStatus.Absent),
            (4, 10, AttendanceStatus.Absent), (4, 10, AttendanceStatus.Late),
            (1, 11, AttendanceStatus.Excused), (3, 11, AttendanceStatus.Absent),
        ];

        var days = AllowanceBook.AttendedDays(sessions, marks);

        Assert.Equal(2, days[10]);
        Assert.False(days.ContainsKey(11));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, ".jpg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, ".png")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50 }, ".webp")]
    [InlineData(new byte[] { 0x3C, 0x73, 0x76, 0x67 }, null)] // <svg: scripts can hide in it
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46 }, null)] // %PDF
    [InlineData(new byte[0], null)]
    public void OnlyJpegPngAndWebpAreTakenByTheirFirstBytes(byte[] content, string? extension) =>
        Assert.Equal(extension, KitProofs.Extension(content));

    [Fact]
    public void ASignatureMustBeAPngDataUrl()
    {
        Assert.NotNull(KitProofs.FromDataUrl("data:image/png;base64,iVBORw0KGgo="));
        Assert.Null(KitProofs.FromDataUrl("data:image/svg+xml;base64,PHN2Zz4="));
        Assert.Null(KitProofs.FromDataUrl("data:image/png;base64,@@@"));
        Assert.Null(KitProofs.FromDataUrl(null));
    }

    [Fact]
    public void KitItemsNeedANameAQuantityAndAValueAndANameOnce()
    {
        var (items, errors) = KitRules.Check([new KitItemBody("Oven", 1, 2_500_000), new KitItemBody(" oven ", 1, 1), new KitItemBody("", 0, -1)]);

        Assert.Empty(items);
        Assert.Contains(errors, e => e.Field == "items[1].name" && e.Code == "duplicate");
        Assert.Contains(errors, e => e.Field == "items[2].name");
        Assert.Contains(errors, e => e.Field == "items[2].quantity");
        Assert.Contains(errors, e => e.Field == "items[2].unitValue");
        Assert.Equal(
            new[] { new KitItemValues("Mesin jahit", 1, 2_000_000), new KitItemValues("Kain", 10, 40_000) },
            KitRules.Check(KitRules.FromLines("Mesin jahit; 1; 2.000.000\n Kain ; 10 ; Rp 40.000 \n")).Items);
    }
}
