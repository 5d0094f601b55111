using System.Globalization;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Selection;

namespace Tunas.UnitTests.Features.Programs;

public class RupiahTests
{
    [Theory]
    [InlineData("150000000", 150_000_000)]
    [InlineData("150.000.000", 150_000_000)]
    [InlineData("Rp 150.000.000", 150_000_000)]
    [InlineData("Rp150.000.000,-", 150_000_000)]
    [InlineData("rp. 150.000.000,00", 150_000_000)]
    [InlineData("150,000,000", 150_000_000)]
    [InlineData("150 000 000", 150_000_000)]
    [InlineData(" 0 ", 0)]
    [InlineData("1.000", 1_000)]
    public void TypedAmountsAreRead(string text, long expected)
    {
        Assert.True(Rupiah.TryParse(text, out var amount));
        Assert.Equal(expected, amount);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Rp")]
    [InlineData("-5000")]
    [InlineData("1,5 juta")]
    [InlineData("150.00.000")]
    [InlineData("1.500,50")]
    [InlineData("150.000,000")]
    [InlineData("1000000000000000001")]
    [InlineData("\u0661\u0662")]
    public void AnythingElseIsRefused(string? text)
    {
        Assert.False(Rupiah.TryParse(text, out _));
    }

    [Fact]
    public void AmountsAreShownWithTheCulturesGrouping()
    {
        Assert.Equal("Rp 150.000.000", Rupiah.Format(150_000_000, CultureInfo.GetCultureInfo("id-ID")));
        Assert.Equal("Rp 150,000,000", Rupiah.Format(150_000_000, CultureInfo.GetCultureInfo("en-US")));
    }
}

public class ProgramFieldsTests
{
    private static readonly DateOnly Today = new(2030, 6, 1);

    private static ProgramInput Valid() => new()
    {
        Name = "  Pelatihan   Wirausaha ",
        Year = "2030",
        Budget = "150.000.000",
        TargetSize = "80",
        RegistrationOpens = "2030-10-01",
        RegistrationCloses = "15/10/2030",
    };

    [Fact]
    public void AValidProgramIsRead()
    {
        var check = ProgramFields.Check(Valid(), Today);

        var values = Assert.IsType<ProgramValues>(check.Values);
        Assert.Equal("Pelatihan Wirausaha", values.Name);
        Assert.Equal(150_000_000, values.Budget);
        Assert.Equal(new DateOnly(2030, 10, 15), values.RegistrationCloses);
        Assert.Null(values.Status);
        Assert.Null(values.Seed);
    }

    [Fact]
    public void TheWholeCalendarInOrderIsFineAndEqualDatesToo()
    {
        var check = ProgramFields.Check(Valid() with
        {
            SelectionOn = "2030-10-15",
            PublicationOn = "2030-10-16",
            AppealOpens = "2030-10-16",
            AppealCloses = "2030-10-20",
            TrainingStarts = "2030-10-15",
            TrainingEnds = "2030-10-15",
        }, Today);

        Assert.Empty(check.Errors);
    }

    [Fact]
    public void TheTrainingMayOverlapTheAppealWindowButNotRegistration()
    {
        Assert.Empty(ProgramFields.Check(Valid() with { AppealCloses = "2030-12-01", TrainingStarts = "2030-10-20" }, Today).Errors);
        var late = ProgramFields.Check(Valid() with { TrainingEnds = "2030-10-14" }, Today);
        Assert.Equal("trainingEnds", Assert.Single(late.Errors).Field);
    }

    [Theory]
    [InlineData("1999")]
    [InlineData("2101")]
    [InlineData("dua ribu")]
    [InlineData("2030.5")]
    public void AYearOutsideTheRangeIsRefused(string year)
    {
        var issue = Assert.Single(ProgramFields.Check(Valid() with { Year = year }, Today).Errors);
        Assert.Equal(("year", ProgramMessages.YearInvalidMessage), (issue.Field, issue.Message));
    }

    [Fact]
    public void ANameLongerThan200CharactersIsRefused()
    {
        var issue = Assert.Single(ProgramFields.Check(Valid() with { Name = new string('a', 201) }, Today).Errors);
        Assert.Equal(("name", "too-long"), (issue.Field, issue.Code));
    }

    [Fact]
    public void TheSeedIsFixedOnceRegistrationHasOpened()
    {
        var program = new TrainingProgram { Name = "P", Seed = "0123456789abcdef", RegistrationOpens = new DateOnly(2030, 10, 1) };

        var before = ProgramFields.Check(Valid() with { Seed = "undian-1" }, new DateOnly(2030, 9, 30), program);
        var onTheDay = ProgramFields.Check(Valid() with { Seed = "undian-1" }, new DateOnly(2030, 10, 1), program);
        var same = ProgramFields.Check(Valid() with { Seed = "0123456789abcdef" }, new DateOnly(2030, 10, 2), program);

        Assert.Equal("undian-1", before.Values!.Seed);
        Assert.Equal("locked", Assert.Single(onTheDay.Errors).Code);
        Assert.Empty(same.Errors);
    }

    [Fact]
    public void ANewSeedIs16RandomHexCharacters()
    {
        var seeds = Enumerable.Range(0, 50).Select(_ => ProgramFields.NewSeed()).ToList();

        Assert.All(seeds, s => Assert.Matches("^[0-9a-f]{16}$", s));
        Assert.Equal(50, seeds.Distinct().Count());
    }

    [Theory]
    [InlineData("draft", ProgramStatus.Draft)]
    [InlineData("Active", ProgramStatus.Active)]
    [InlineData("ARCHIVED", ProgramStatus.Archived)]
    public void StatusesAreReadByName(string text, ProgramStatus expected)
    {
        Assert.Equal(expected, ProgramFields.Check(Valid() with { Status = text }, Today).Values!.Status);
    }

    [Fact]
    public void AStatusNumberIsNotAName()
    {
        Assert.Equal("status", Assert.Single(ProgramFields.Check(Valid() with { Status = "1" }, Today).Errors).Field);
    }
}

public class ProgramRulesTests
{
    private static readonly Func<string, bool> Regions = code => code is "35" or "35.72" or "35.05";

    [Fact]
    public void EmptyRulesAreOffAndEmptySettingsUnchanged()
    {
        var values = ProgramRules.Check(new RulesInput(), Regions).Values!;
        var program = new TrainingProgram { Name = "P", Seed = "s", MinAge = 18, MaxDesil = 4, YouthWeight = 9, WaitlistLength = 4, SpillOver = SpillOverRule.None };

        ProgramRules.Apply(program, values);

        Assert.Null(program.MinAge);
        Assert.Null(program.MaxDesil);
        Assert.Null(program.WaitlistLength);
        Assert.Equal(9, program.YouthWeight);
        Assert.Equal(SpillOverRule.None, program.SpillOver);
    }

    [Theory]
    [InlineData("0", "120")]
    [InlineData("18", "18")]
    [InlineData("", "45")]
    [InlineData("18", "")]
    public void AgeEdgesAreAllowed(string min, string max)
    {
        Assert.Empty(ProgramRules.Check(new RulesInput { MinAge = min, MaxAge = max }, Regions).Errors);
    }

    [Fact]
    public void ADistrictOrAnUnknownCodeIsNoDomicile()
    {
        Assert.Equal("domicileRegencyCode", Assert.Single(ProgramRules.Check(new RulesInput { DomicileRegencyCode = "35.72.01" }, Regions).Errors).Field);
        Assert.Empty(ProgramRules.Check(new RulesInput { DomicileRegencyCode = " 35 " }, Regions).Errors);
    }

    [Fact]
    public void TheRulesBecomeTheSelectionsSettings()
    {
        var program = new TrainingProgram
        {
            Id = 7,
            Name = "P",
            Seed = "s",
            MinAge = 18,
            MaxAge = 45,
            AgeReferenceDate = new DateOnly(2025, 10, 23),
            MaxDesil = 4,
            DomicileRegencyCode = "35.72",
            MaxPerHousehold = 1,
            ExcludeTrainedWithinYears = 2,
            YouthWeight = 8,
            WomenWeight = 3,
        };
        Track[] tracks = [new() { Id = 1, ProgramId = 7, Name = "Jajanan", WomenOnly = true }, new() { Id = 2, ProgramId = 7, Name = "Sablon" }, new() { Id = 3, ProgramId = 8, Name = "Lain", WomenOnly = true }];

        var settings = ProgramSettings.ToSettings(program, tracks);
        var weights = ProgramSettings.ToWeights(program);

        Assert.Equal(18, settings.MinAge);
        Assert.Equal(45, settings.MaxAge);
        Assert.Equal(new DateOnly(2025, 10, 23), settings.AgeReferenceDate);
        Assert.Equal(4, settings.MaxDesil);
        Assert.Equal("35.72", settings.DomicileRegencyCode);
        Assert.Equal(1, settings.MaxPerHousehold);
        Assert.Equal(2, settings.ExcludeTrainedWithinYears);
        Assert.Equal([1L], settings.WomenOnlyTrackIds);
        Assert.Equal(new ScoreWeights(8, 3), weights);
        // The engine accepts what the checks let through.
        _ = new Eligibility(settings, new DateOnly(2025, 10, 23));
    }

    [Fact]
    public void QuotasBecomeTheSelectionsQuotas()
    {
        var quotas = ProgramSettings.ToQuotas([new ProgramQuota { RegionCode = "35.72.01.1001", TrackId = 3, Size = 4 }, new ProgramQuota { RegionCode = "35.72.01.1002", Size = 2 }]);

        Assert.Equal([new Quota("35.72.01.1001", 3, 4), new Quota("35.72.01.1002", null, 2)], quotas);
    }
}

public class TrackAndQuotaFieldsTests
{
    [Fact]
    public void TheFormsEmptyModuleRowsAreLeftOutButNotTheApis()
    {
        var input = new TrackInput { Name = "Jajanan", Modules = [new("Kue basah", "craft", "20"), new("", null, " "), new("Pembukuan", "Bookkeeping", "6")] };

        var form = TrackFields.Check(input, skipEmptyRows: true);
        var api = TrackFields.Check(input);

        Assert.Equal(["Kue basah", "Pembukuan"], form.Values!.Modules!.Select(m => m.Name));
        Assert.Equal(ModuleKind.Bookkeeping, form.Values.Modules![1].Kind);
        Assert.Contains(api.Errors, e => e.Field == "modules[1].name");
    }

    [Fact]
    public void AModuleWithoutKindIsOther()
    {
        var values = TrackFields.Check(new TrackInput { Name = "X", Modules = [new("Praktik", null, "4")] }).Values!;

        Assert.Equal(ModuleKind.Other, values.Modules![0].Kind);
    }

    [Fact]
    public void LongTextsAreRefusedFieldByField()
    {
        var program = ProgramFields.Check(new ProgramInput
        {
            Name = "P",
            Year = "2030",
            Budget = "1",
            TargetSize = "1",
            RegistrationOpens = "2030-01-01",
            RegistrationCloses = "2030-01-02",
            Description = new string('d', 2001),
        }, new DateOnly(2029, 1, 1));
        var track = TrackFields.Check(new TrackInput { Name = new string('n', 121), Description = new string('d', 1001), Modules = [new(new string('m', 201), "craft", "1")] });
        var provider = ProviderFields.Check(new ProviderInput
        {
            Name = "LPK",
            Type = "lpk",
            Capacity = "5",
            Address = new string('a', 301),
            ContactName = new string('c', 201),
            ContactEmail = new string('e', 250) + "@contoh.id",
        }, _ => true);

        Assert.Equal(["description"], program.Errors.Select(e => e.Field));
        Assert.Equal(["name", "description", "modules[0].name"], track.Errors.Select(e => e.Field));
        Assert.Equal(["address", "contactName", "contactEmail"], provider.Errors.Select(e => e.Field));
        Assert.All(program.Errors.Concat(track.Errors).Concat(provider.Errors).Where(e => e.Field != "contactEmail"),
            e => Assert.Equal(ProgramMessages.TooLongMessage, e.Message));
    }

    [Fact]
    public void AQuotaOfZeroIsAllowedAndSizesAreChecked()
    {
        var context = new QuotaContext(code => code.StartsWith("35.72.", StringComparison.Ordinal), "35.72", new HashSet<int> { 5 });

        var check = QuotaFields.Check([new("35.72.01.1001", null, "0"), new("35.72.01.1002", 5, "10000"), new("35.72.01.1003", 5, "1,5")], context);

        Assert.Equal("[2].size", Assert.Single(check.Errors).Field);
        Assert.Empty(QuotaFields.Check([new("35.72.01.1001", null, "0"), new("35.72.01.1002", 5, "10000")], context).Errors);
    }

    [Fact]
    public void WithoutAnAreaAnyCurrentKelurahanIsAllowed()
    {
        var context = new QuotaContext(_ => true, null, new HashSet<int>());

        Assert.Empty(QuotaFields.Check([new("11.01.01.2001", null, "3")], context).Errors);
    }

    [Fact]
    public void AnyTrackAfterPerTrackIsMixedToo()
    {
        var context = new QuotaContext(_ => true, "35.72", new HashSet<int> { 1 });

        var check = QuotaFields.Check([new("35.72.01.1001", 1, "3"), new("35.72.01.1001", null, "3")], context);

        Assert.Equal(("[1].trackId", "mixed"), (Assert.Single(check.Errors).Field, check.Errors[0].Code));
    }
}
