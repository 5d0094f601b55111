using Tunas.Web.Features.Audit;

namespace Tunas.UnitTests.Features.Audit;

public class AuditDetailsTests
{
    [Fact]
    public void AChangeIsReadAsOldAndNew()
    {
        var line = Assert.Single(AuditDetails.Parse("""{"welfareDecile":["3","1"]}"""));

        Assert.Equal(new AuditLine(null, "welfareDecile", "3", "1", true), line);
    }

    [Fact]
    public void ANikIsMaskedInAChangeAndInASnapshot()
    {
        var lines = AuditDetails.Parse("""{"nik":["3572014107900101","3572014107900102"],"note":"NIK 3572014107900101 dibetulkan","phone":"+6281234567890"}""");

        Assert.Equal("3572••••••••0101", lines[0].Old);
        Assert.Equal("3572••••••••0102", lines[0].New);
        Assert.Equal("NIK 3572••••••••0101 dibetulkan", lines[1].New);
        Assert.Equal("+6281234567890", lines[2].New); // 13 digits: a phone number, not a NIK
    }

    [Fact]
    public void NestedObjectsBecomeGroups()
    {
        var lines = AuditDetails.Parse("""{"keptPersonId":"7","removed":{"fullName":"Siti","nik":"3572014107900101"}}""");

        Assert.Equal(
            [new AuditLine(null, "keptPersonId", null, "7", false), new AuditLine("removed", "fullName", null, "Siti", false), new AuditLine("removed", "nik", null, "3572••••••••0101", false)],
            lines);
    }

    [Fact]
    public void BeforeAndAfterBecomeTheChangedFieldsOnly()
    {
        var lines = AuditDetails.Parse("""{"Before":{"Role":"Facilitator","Locked":false},"After":{"Role":"ProgramOfficer","Locked":false}}""");

        Assert.Equal([new AuditLine(null, "Role", "Facilitator", "ProgramOfficer", true)], lines);
    }

    [Fact]
    public void ListsOfNumbersAreValuesNotChanges()
    {
        var line = Assert.Single(AuditDetails.Parse("""{"ids":[5,7]}"""));

        Assert.False(line.IsChange);
        Assert.Equal("5, 7", line.New);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void NoDetailsAreNoLines(string? details)
    {
        Assert.Empty(AuditDetails.Parse(details));
    }

    [Fact]
    public void DetailsThatAreNotJsonAreShownMasked()
    {
        var line = Assert.Single(AuditDetails.Parse("nik 3572014107900101 {"));

        Assert.Equal("nik 3572••••••••0101 {", line.New);
    }
}
