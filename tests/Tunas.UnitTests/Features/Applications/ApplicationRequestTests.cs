using Tunas.Web.Features.Applications;

namespace Tunas.UnitTests.Features.Applications;

/// <summary>The one mapping from the API's body to the input the pages bind and the rules read.</summary>
public class ApplicationRequestTests
{
    [Fact]
    public void EveryFieldOfTheBodyReachesTheRulesAsTyped()
    {
        var input = new ApplicationRequest(7, "3572014107900101", "3572010101200001", "Siti Aminah", "1990-07-01", "35.72.01.1004",
            "0812-3456-7890", 11, 12, "Ingin membuka usaha kue", true).ToInput();

        Assert.Equal(new ApplicationInput
        {
            ProgramId = 7,
            Nik = "3572014107900101",
            FamilyCardNumber = "3572010101200001",
            FullName = "Siti Aminah",
            BirthDate = "1990-07-01",
            VillageCode = "35.72.01.1004",
            Phone = "0812-3456-7890",
            FirstTrackId = 11,
            SecondTrackId = 12,
            Motivation = "Ingin membuka usaha kue",
            Consent = true,
        }, input);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(null, false)]
    public void OnlyTrueIsConsent(bool? sent, bool expected)
    {
        var body = new ApplicationRequest(null, null, null, null, null, null, null, null, null, null, sent);

        Assert.Equal(expected, body.ToInput().Consent);
    }

    [Fact]
    public void TheBodyHasEveryFieldTheRulesRead()
    {
        MappingAssert.SameFieldNames(typeof(ApplicationInput), typeof(ApplicationRequest));
    }
}
