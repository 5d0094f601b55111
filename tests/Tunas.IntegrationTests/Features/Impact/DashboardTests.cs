using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Tunas.Web.Data;
using Tunas.Web.Features.Impact;
using Tunas.Web.Features.Training.Kits;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Impact;

/// <summary>
/// Every figure of the dashboard against the hand-worked fixture of <see cref="ImpactApp"/>. Who is who:
/// Ani (F, 2000, desil 1, V1, disabled), Budi (M, 1990, d2, V1), Citra (F, 1985, d3, V2), Dewi (F, 2003, d4, V3) were
/// selected and placed (Dewi dropped out); Hadi (M, d2, V2) not selected and Indah (F, d3, V1) waitlisted: the comparison
/// group; Joko (d4, V3) and Fajar (d6, V2) ineligible; Eko (too old) only a held claim; Gita (no desil) never applied.
/// </summary>
public sealed partial class DashboardTests(ImpactApp app) : IClassFixture<ImpactApp>
{
    private async Task<Dashboard> ReadAsync(DashboardFilter filter)
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var response = await client.GetAsync("/api/v1/dashboard" + Query(filter));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Dashboard>(JsonSerializerOptions.Web))!;
    }

    private static string Query(DashboardFilter f)
    {
        var parts = new List<string>();
        void Add(string name, object? value)
        {
            if (value is not null)
            {
                parts.Add(name + "=" + Uri.EscapeDataString(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!));
            }
        }
        Add("programId", f.ProgramId);
        Add("year", f.Year);
        Add("districtCode", f.DistrictCode);
        Add("villageCode", f.VillageCode);
        Add("trackId", f.TrackId);
        Add("providerId", f.ProviderId);
        Add("cohortId", f.CohortId);
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    [Fact]
    public async Task TheFunnelOfTheProgramIsCountedFromTheRows()
    {
        var f = (await ReadAsync(new(ProgramId: app.ProgramId))).Funnel;

        // 18-45 on 1 Oct 2025, desil 1-4, living in 35.72: Ani, Budi, Citra, Dewi, Hadi, Indah, Joko.
        Assert.Equal(7, f.Registry);
        Assert.Equal("programRules", f.RegistryBasis);
        Assert.Equal(8, f.Applied);              // Eko's held claim is not his application
        Assert.Equal(6, f.Eligible);             // the published run; Joko and Fajar ineligible; the draft run ignored
        Assert.Equal(4, f.Selected);
        Assert.Equal(4, f.Started);              // Dewi dropped out, but started
        Assert.Equal(2, f.Completed);            // Budi's certificate was revoked
        Assert.Equal(2, f.BusinessStarted);      // Ani (active), Citra (closed); Dewi's is only planned
        Assert.Equal((2, 3), (f.Active3m, f.Answered3m));   // Ani, Citra active; Budi not; Dewi not reached
        Assert.Equal((1, 2), (f.Active6m, f.Answered6m));   // Ani; Citra closed; Budi's 6th month still due
        Assert.Equal((0, 0), (f.Active12m, f.Answered12m));
        Assert.Equal(4, f.Workers);              // Ani's three, Citra's one; Indah's is not a participant's business
    }

    [Fact]
    public async Task AKelurahanATrackAndAProviderNarrowTheFunnel()
    {
        var village = (await ReadAsync(new(ProgramId: app.ProgramId, VillageCode: ImpactApp.V1))).Funnel;
        Assert.Equal(((int?)3, (int?)3, (int?)3, (int?)2, 2, 1), (village.Registry, village.Applied, village.Eligible, village.Selected, village.Started, village.Completed));

        var district = (await ReadAsync(new(ProgramId: app.ProgramId, DistrictCode: "35.72.02"))).Funnel;
        Assert.Equal(((int?)2, (int?)2, (int?)1, (int?)1, 1, 0), (district.Registry, district.Applied, district.Eligible, district.Selected, district.Started, district.Completed));

        var track = await ReadAsync(new(ProgramId: app.ProgramId, TrackId: app.T2));
        Assert.Equal(((int?)3, (int?)2, (int?)2, 2, 1), (track.Funnel.Applied, track.Funnel.Eligible, track.Funnel.Selected, track.Funnel.Started, track.Funnel.Completed));
        Assert.Equal((300_000L, 1_500_000L, (long?)1_800_000), (track.Money.Transport, track.Money.Kits, track.Money.PerGraduate));

        var provider = (await ReadAsync(new(ProviderId: app.ProviderA))).Funnel;
        Assert.Null(provider.Applied);           // nobody applies to a provider
        Assert.Null(provider.Selected);
        Assert.Equal((2, 1, 1, 3), (provider.Started, provider.Completed, provider.BusinessStarted, provider.Workers));
    }

    [Fact]
    public async Task ReachCountsWomenYouthDisabilityAndDesilAgainstTheEligible()
    {
        var r = (await ReadAsync(new(ProgramId: app.ProgramId))).Reach;

        Assert.Equal((3, 4), (r.Women.Count, r.Women.Of));          // Ani, Citra, Dewi
        Assert.Equal((2, 4), (r.Youth.Count, r.Youth.Of));          // Ani 25 and Dewi 22 on 24 Oct 2025
        Assert.Equal((1, 4), (r.Disability.Count, r.Disability.Of));
        Assert.Equal(new[] { (1, 1), (1, 2), (1, 2), (1, 2) }, r.Desil.Where(d => d.Desil is >= 1 and <= 4).Select(d => (d.Participants, d.Eligible)));
        Assert.All(r.Desil.Where(d => d.Desil is null or > 4), d => Assert.Equal((0, 0), (d.Participants, d.Eligible)));
        Assert.DoesNotContain(r.VillagesWithoutApplicant, v => v.Code is ImpactApp.V1 or ImpactApp.V2 or ImpactApp.V3);
        Assert.Equal(r.Villages.Count - 3, r.VillagesWithoutApplicant.Count);
        Assert.Equal((3, 2), r.Villages.Where(v => v.Code == ImpactApp.V1).Select(v => (v.Applied, v.Started)).Single());
    }

    [Fact]
    public async Task OutcomesRestOnConsentedCashbooksFollowUpsAndWorkers()
    {
        var o = (await ReadAsync(new(ProgramId: app.ProgramId))).Outcomes;

        Assert.Equal(1, o.ActiveBusinesses);
        Assert.Equal(ImpactApp.LastMonth.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), o.CashbookMonth);
        // Ani sold 1,000,000 (an owed sale counts; the debt payment, the deleted line and this month's do not), spent 300,000;
        // Citra sold 200,000 and spent 250,000; Budi does not share.
        Assert.Equal(new Median(600_000, 2), o.CashbookRevenue);
        Assert.Equal(new Median(325_000, 2), o.CashbookProfit);
        // Latest answers: Ani's 6th month 2,000,000 / 700,000; Citra's 0 / 0; Budi gave none.
        Assert.Equal(new Median(1_000_000, 2), o.FollowUpRevenue);
        Assert.Equal(new Median(350_000, 2), o.FollowUpProfit);
        Assert.Equal((2, 1), (o.Jobs, o.JobsDesil1To4));   // Joko (desil 4) and Kiki work now; Lina and Mira left
        // Ani 3,000,000 − 2,000,000; Citra 1,700,000 − 1,800,000; Budi answered once.
        Assert.Equal(new Median(450_000, 2), o.HouseholdIncomeChange);
    }

    [Fact]
    public async Task MoneyIsTheCohortsSpendingDividedByTheOutcomes()
    {
        var m = (await ReadAsync(new(ProgramId: app.ProgramId))).Money;

        Assert.Equal((100_000_000L, 800_000L, 3_500_000L, 2), (m.Budget, m.Transport, m.Kits, m.KitsHandedOver));
        Assert.Equal(((long?)2_150_000, (long?)4_300_000, (long?)2_150_000), (m.PerGraduate, m.PerActiveBusiness, m.PerJob));
        using var scope = app.Services.CreateScope();
        var spending = await scope.ServiceProvider.GetRequiredService<ProgramSpendingReader>().ReadAsync(app.AgencyId, app.ProgramId);
        Assert.Equal(spending!.Spent, m.Spent);
    }

    [Fact]
    public async Task TheComparisonSetsEachOutcomeBesideTheComparisonGroupWithItsWarnings()
    {
        var c = (await ReadAsync(new(ProgramId: app.ProgramId))).Comparison;

        Assert.Equal((3, 2), (c.Participants.N, c.ComparisonGroup.N));
        Assert.Equal(((double?)2.0, (double?)2.5), (c.Participants.MeanDesil, c.ComparisonGroup.MeanDesil));
        var active = c.Rows.Single(r => r.Outcome == "businessActive");
        Assert.Equal((3, 2), (active.ParticipantsN, active.ComparisonN));
        Assert.Equal(1.0 / 3, active.Participants!.Value, 9);
        Assert.Equal(0.5, active.ComparisonValue!.Value, 9);
        var se = Math.Sqrt((1.0 / 3 * 2 / 3 / 3) + (0.25 / 2));
        Assert.Equal(-1.0 / 6, active.Difference!.Value, 9);
        Assert.Equal(-1.0 / 6 - (1.96 * se), active.Low!.Value, 9);
        Assert.Equal(-1.0 / 6 + (1.96 * se), active.High!.Value, 9);
        var revenue = c.Rows.Single(r => r.Outcome == "monthlyRevenue");
        Assert.Equal((2, (double?)1_000_000, 1, (double?)500_000, (double?)500_000), (revenue.ParticipantsN, revenue.Participants, revenue.ComparisonN, revenue.ComparisonValue, revenue.Difference));
        var income = c.Rows.Single(r => r.Outcome == "householdIncome");
        Assert.Equal((3, (double?)1_700_000, 2, (double?)1_150_000, (double?)550_000), (income.ParticipantsN, income.Participants, income.ComparisonN, income.ComparisonValue, income.Difference));
        Assert.True(income.Low <= income.Difference && income.Difference <= income.High);
        // 2 women of 3 against 1 of 2; both groups far under 30; desil and age close enough.
        Assert.Equal(["small-participants", "small-comparison", "women-differ"], c.Warnings.Select(w => w.Code));
        Assert.Contains("terlalu sedikit", c.Warnings[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherRolesAreRefusedAndBadInputIsExplained()
    {
        foreach (var role in new[] { Roles.VillageOperator, Roles.ProviderStaff, Roles.Facilitator, Roles.Participant })
        {
            var refused = await (await app.ApiClientAsync(role)).GetAsync("/api/v1/dashboard");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/dashboard")).StatusCode);

        var leader = await app.ApiClientAsync(Roles.Leadership);
        var bad = await leader.GetAsync("/api/v1/dashboard?villageCode=3572011001&year=abc");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("35.72.01.1001", body, StringComparison.Ordinal);
        Assert.Contains("bilangan bulat", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeadershipSeesTheSameFiguresAndNoPerson()
    {
        var leader = await app.ApiClientAsync(Roles.Leadership);
        var json = await leader.GetStringAsync("/api/v1/dashboard?programId=" + app.ProgramId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var officer = await ReadAsync(new(ProgramId: app.ProgramId));
        Assert.Equal(officer.Funnel, JsonSerializer.Deserialize<Dashboard>(json, JsonSerializerOptions.Web)!.Funnel);
        Assert.DoesNotMatch(SixteenDigits(), json);
        Assert.All(app.Names, name => Assert.DoesNotContain(name, json, StringComparison.OrdinalIgnoreCase));
    }

    // 16 digits standing alone: a NIK or No. KK, not the decimals of a share (0.1666666666666667).
    [GeneratedRegex(@"(?<![\d.])\d{16}(?!\d)")]
    internal static partial Regex SixteenDigits();
}
