using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Programs.Tracks;

namespace Tunas.UnitTests.Features.Programs;

/// <summary>
/// The API's typed bodies and the text the program pages post and the rules read: one mapping each, every field
/// carried over as typed.
/// </summary>
public class ProgramBodiesTests
{
    [Fact]
    public void ANewProgramReachesTheRulesAsTypedWithoutStatusOrSeed()
    {
        var input = new ProgramBody
        {
            Name = "Pelatihan Wirausaha 2026",
            Year = 2026,
            Budget = 150_000_000,
            Description = "Tiga jurusan",
            TargetSize = 80,
            RegistrationOpens = "2026-01-05",
            RegistrationCloses = "2026-01-31",
            SelectionOn = "2026-02-02",
            PublicationOn = "2026-02-05",
            AppealOpens = "2026-02-06",
            AppealCloses = "2026-02-10",
            TrainingStarts = "2026-02-16",
            TrainingEnds = "2026-02-27",
        }.ToInput();

        Assert.Equal(new ProgramInput
        {
            Name = "Pelatihan Wirausaha 2026",
            Year = "2026",
            Budget = "150000000",
            Description = "Tiga jurusan",
            TargetSize = "80",
            RegistrationOpens = "2026-01-05",
            RegistrationCloses = "2026-01-31",
            SelectionOn = "2026-02-02",
            PublicationOn = "2026-02-05",
            AppealOpens = "2026-02-06",
            AppealCloses = "2026-02-10",
            TrainingStarts = "2026-02-16",
            TrainingEnds = "2026-02-27",
        }, input);
    }

    [Fact]
    public void AChangedProgramCarriesItsStatusAndSeed()
    {
        var input = new ProgramUpdateBody { Name = "Program", Year = 2026, Status = "active", Seed = "abc123" }.ToInput();

        Assert.Equal(new ProgramInput { Name = "Program", Year = "2026", Status = "active", Seed = "abc123" }, input);
    }

    [Fact]
    public void EmptyBodiesAreEmptyInputs()
    {
        Assert.Equal(new ProgramInput(), new ProgramBody().ToInput());
        Assert.Equal(new ProgramInput(), new ProgramUpdateBody().ToInput());
        Assert.Equal(new RulesInput(), new RulesBody().ToInput());
        Assert.Equal(new ProviderInput(), new ProviderBody().ToInput());
    }

    [Fact]
    public void RulesReachTheChecksAsTyped()
    {
        var input = new RulesBody
        {
            MinAge = 18,
            MaxAge = 45,
            AgeReferenceDate = "2026-01-31",
            MaxDesil = 4,
            DomicileRegencyCode = "35.72",
            MaxPerHousehold = 1,
            ExcludeTrainedWithinYears = 2,
            YouthWeight = 3,
            WomenWeight = 2,
            SpillOver = "AnyVillage",
            WaitlistLength = 20,
            NameDisplay = "Initials",
        }.ToInput();

        Assert.Equal(new RulesInput
        {
            MinAge = "18",
            MaxAge = "45",
            AgeReferenceDate = "2026-01-31",
            MaxDesil = "4",
            DomicileRegencyCode = "35.72",
            MaxPerHousehold = "1",
            ExcludeTrainedWithinYears = "2",
            YouthWeight = "3",
            WomenWeight = "2",
            SpillOver = "AnyVillage",
            WaitlistLength = "20",
            NameDisplay = "Initials",
        }, input);
    }

    [Fact]
    public void AProviderReachesTheChecksAsTyped()
    {
        var input = new ProviderBody
        {
            Name = "LPK Modes Al Amin",
            Type = "lpk",
            Address = "Jl. Kalimantan 5",
            VillageCode = "35.72.02.1001",
            Capacity = 40,
            ContactName = "Bu Rini",
            ContactPhone = "0812-3456-7890",
            ContactEmail = "lpk@example.org",
        }.ToInput();

        Assert.Equal(new ProviderInput
        {
            Name = "LPK Modes Al Amin",
            Type = "lpk",
            Address = "Jl. Kalimantan 5",
            VillageCode = "35.72.02.1001",
            Capacity = "40",
            ContactName = "Bu Rini",
            ContactPhone = "0812-3456-7890",
            ContactEmail = "lpk@example.org",
        }, input);
    }

    [Fact]
    public void ATrackReachesTheChecksAsTypedAndANullModuleIsAModuleWithoutAName()
    {
        var input = new TrackBody
        {
            Name = "Jajanan",
            Description = "Kue basah",
            WomenOnly = true,
            SortOrder = 2,
            Modules = [new ModuleBody("Praktik", "craft", 24), null!],
        }.ToInput(womenOnly: false);

        Assert.Equal("Jajanan", input.Name);
        Assert.Equal("Kue basah", input.Description);
        Assert.True(input.WomenOnly);
        Assert.Equal("2", input.SortOrder);
        Assert.Equal([new ModuleInput("Praktik", "craft", "24"), new ModuleInput("", null, null)], input.Modules);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ATrackWithoutWomenOnlyKeepsTheStoredFlagAndWithoutModulesKeepsThem(bool stored)
    {
        var input = new TrackBody { Name = "Jajanan" }.ToInput(womenOnly: stored);

        Assert.Equal(stored, input.WomenOnly);
        Assert.Null(input.Modules);
    }

    [Fact]
    public void AQuotaReachesTheChecksAsTyped()
    {
        Assert.Equal(new QuotaInput("35.72.01.1004", 3, "12"), new QuotaBody("35.72.01.1004", 3, 12).ToInput());
        Assert.Equal(new QuotaInput(null, null, null), new QuotaBody(null, null, null).ToInput());
    }

    [Fact]
    public void TheBodiesHaveEveryFieldTheChecksRead()
    {
        MappingAssert.SameFieldNames(typeof(ProgramInput), typeof(ProgramUpdateBody));
        MappingAssert.SameFieldNames(typeof(ProgramInput), typeof(ProgramBody), nameof(ProgramInput.Seed), nameof(ProgramInput.Status));
        MappingAssert.SameFieldNames(typeof(RulesInput), typeof(RulesBody));
        MappingAssert.SameFieldNames(typeof(TrackInput), typeof(TrackBody));
        MappingAssert.SameFieldNames(typeof(ModuleInput), typeof(ModuleBody));
        MappingAssert.SameFieldNames(typeof(ProviderInput), typeof(ProviderBody));
        MappingAssert.SameFieldNames(typeof(QuotaInput), typeof(QuotaBody));
    }

    [Fact]
    public void ASwitchedOffRuleSendsNoValueWhateverItsFieldHolds()
    {
        var form = new RulesForm { AgeOn = false, MinAge = "18", MaxAge = "45", DesilOn = true, MaxDesil = "4", YouthWeight = "3" };

        var input = form.ToInput();

        Assert.Null(input.MinAge);
        Assert.Null(input.MaxAge);
        Assert.Equal("4", input.MaxDesil);
        Assert.Equal("3", input.YouthWeight);
    }

    [Fact]
    public void TheTrackFormAddsAndRemovesRowsAndAFormWithoutRowsHasNoModules()
    {
        var track = new TrackInput { Name = "Jajanan", Modules = [new ModuleInput("Praktik", "Craft", "24")] };

        var added = TrackForm.Edit(track, "add");
        var removed = TrackForm.Edit(track, "remove:0");

        Assert.Equal([new ModuleInput("Praktik", "Craft", "24"), new ModuleInput(null, "Other", null)], added!.Modules);
        Assert.Empty(removed!.Modules!);
        Assert.Null(TrackForm.Edit(track, null));
        Assert.Empty(TrackForm.Posted(new TrackInput { Name = "Jajanan" }).Modules!);
    }
}
