using Tunas.Web.Features.Businesses.FollowUps;

namespace Tunas.UnitTests.Features.Businesses.FollowUps;

public sealed class VisitRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 10);
    private static readonly DateOnly Ended = new(2026, 1, 31);
    private static readonly string[] RunningFigures = ["monthlyRevenue", "workers"];

    private static VisitInput Answered() => new()
    {
        VisitedOn = "2026-06-01",
        BusinessActive = true,
        MonthlyRevenue = "1.500.000",
        MonthlyProfit = "Rp 450.000",
        Workers = "1",
        HouseholdMonthlyIncome = "2500000",
        Needs = ["capital", "Marketing"],
        Problems = "  Harga bahan naik.  ",
    };

    private static VisitCheck Check(VisitInput input, FollowUpGroup group = FollowUpGroup.Participant) => VisitRules.Check(input, group, Ended, Today);

    [Fact]
    public void AnAnsweredVisitReadsRupiahAsTypedOnAPhone()
    {
        var values = Check(Answered()).Values!;
        Assert.Equal((1_500_000L, 450_000L, 1, 2_500_000L), (values.MonthlyRevenue, values.MonthlyProfit, values.Workers, values.HouseholdMonthlyIncome));
        Assert.Equal(FollowUpNeeds.Capital | FollowUpNeeds.Marketing, values.Needs);
        Assert.Equal(FollowUpChannel.Visit, values.Channel);
        Assert.Equal("Harga bahan naik.", values.Problems);
        Assert.Equal(FollowUpChannel.Phone, Check(Answered(), FollowUpGroup.Comparison).Values!.Channel);
    }

    [Theory]
    [InlineData("monthlyRevenue", "-1")]
    [InlineData("householdMonthlyIncome", "-200.000")]
    [InlineData("monthlyRevenue", "1,5")]
    [InlineData("monthlyRevenue", "satu juta")]
    [InlineData("monthlyRevenue", "5000000000")]
    [InlineData("workers", "-1")]
    [InlineData("workers", "2,5")]
    [InlineData("visitedOn", "2026-06-11")]
    [InlineData("visitedOn", "2026-01-30")]
    [InlineData("visitedOn", "")]
    [InlineData("channel", "surat")]
    [InlineData("needs", "uang")]
    public void BadInputIsRefusedOnItsField(string field, string value)
    {
        var input = Answered();
        switch (field)
        {
            case "monthlyRevenue": input.MonthlyRevenue = value; break;
            case "householdMonthlyIncome": input.HouseholdMonthlyIncome = value; break;
            case "workers": input.Workers = value; break;
            case "visitedOn": input.VisitedOn = value; break;
            case "channel": input.Channel = value; break;
            default: input.Needs = [value]; break;
        }
        var check = Check(input);
        Assert.Null(check.Values);
        Assert.Contains(check.Errors, e => e.Field == field);
    }

    [Fact]
    public void ALossIsAllowedButNoProfitAboveTheRevenue()
    {
        var loss = Answered();
        loss.MonthlyProfit = "-100.000";
        Assert.Equal(-100_000L, Check(loss).Values!.MonthlyProfit);

        var above = Answered();
        above.MonthlyProfit = "2.000.000";
        Assert.Contains(Check(above).Errors, e => e.Field == "monthlyProfit" && e.Code == "above-revenue");
    }

    [Fact]
    public void ARunningBusinessNeedsItsFiguresAndAStoppedOneStoresNone()
    {
        var running = Answered();
        (running.MonthlyRevenue, running.Workers) = (null, "");
        Assert.Equal(RunningFigures, Check(running).Errors.Select(e => e.Field).Order());
        Assert.Contains(Check(new VisitInput { VisitedOn = "2026-06-01" }).Errors, e => e.Field == "businessActive");

        var stopped = Answered();
        stopped.BusinessActive = false;
        var values = Check(stopped).Values!;
        Assert.Equal((false, (long?)null, (long?)null, (int?)null, 2_500_000L), (values.BusinessActive!.Value, values.MonthlyRevenue, values.MonthlyProfit, values.Workers, values.HouseholdMonthlyIncome));
    }

    [Fact]
    public void NotReachedKeepsOnlyWhoTriedWhenAndHow()
    {
        var input = Answered();
        input.NotReached = true;
        input.MonthlyRevenue = "-5";
        var values = Check(input).Values!;
        Assert.True(values.NotReached);
        Assert.Null(values.BusinessActive);
        Assert.Null(values.MonthlyRevenue);
        Assert.Null(values.HouseholdMonthlyIncome);
        Assert.Equal(new DateOnly(2026, 6, 1), values.VisitedOn);
    }
}
