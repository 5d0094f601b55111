using Tunas.Web.Features.Registry;

namespace Tunas.UnitTests.Features.Registry;

/// <summary>The one mapping from the body of the API and the pages to the text the rules share with the importer.</summary>
public class PersonDtoTests
{
    [Fact]
    public void EveryFieldOfTheBodyReachesTheRulesAsTyped()
    {
        var input = new PersonDto
        {
            Nik = "3572014107900101",
            FamilyCardNumber = "3572010101200001",
            FullName = "Siti Aminah",
            Sex = "P",
            BirthPlace = "Blitar",
            BirthDate = "1990-07-01",
            Address = "Jl. Merdeka 1",
            Rt = "004",
            Rw = "002",
            VillageCode = "35.72.01.1004",
            Phone = "0812-3456-7890",
            Education = "Slta",
            Occupation = "Penjahit",
            EmploymentStatus = "Unemployed",
            MaritalStatus = "Married",
            HouseholdRelation = "Spouse",
            Disability = true,
            WelfareDecile = 3,
            WelfareSource = "DTKS",
            WelfareAsOf = "2025-01-31",
        }.ToInput();

        Assert.Equal(new PersonInput
        {
            Nik = "3572014107900101",
            FamilyCardNumber = "3572010101200001",
            FullName = "Siti Aminah",
            Sex = "P",
            BirthPlace = "Blitar",
            BirthDate = "1990-07-01",
            Address = "Jl. Merdeka 1",
            Rt = "004",
            Rw = "002",
            VillageCode = "35.72.01.1004",
            Phone = "0812-3456-7890",
            Education = "Slta",
            Occupation = "Penjahit",
            EmploymentStatus = "Unemployed",
            MaritalStatus = "Married",
            HouseholdRelation = "Spouse",
            Disability = "ya",
            WelfareDecile = "3",
            WelfareSource = "DTKS",
            WelfareAsOf = "2025-01-31",
        }, input);
    }

    [Theory]
    [InlineData(true, "ya")]
    [InlineData(false, "tidak")]
    [InlineData(null, null)]
    public void DisabilityIsSaidAsTheImporterSaysIt(bool? sent, string? expected)
    {
        Assert.Equal(expected, new PersonDto { Disability = sent }.ToInput().Disability);
    }

    [Fact]
    public void AnEmptyBodyIsAnEmptyInput()
    {
        Assert.Equal(new PersonInput(), new PersonDto().ToInput());
    }

    [Fact]
    public void TheBodyHasEveryFieldTheRulesRead()
    {
        MappingAssert.SameFieldNames(typeof(PersonInput), typeof(PersonDto));
    }
}
