using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tunas.BrowserTests.Infrastructure;
using Tunas.BrowserTests.Pages;
using Tunas.IntegrationTests.Features.Selection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Features.Businesses;
using Tunas.Web.Features.Businesses.FollowUps;
using Tunas.Web.Features.Users;
using Tunas.Web.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Tunas.BrowserTests.Features.Businesses;

/// <summary>
/// A facilitator's round of follow-up visits on a 360-px phone (issue 14): her list holds only the graduate assigned to
/// her, the overdue first; a slip in the form comes back with what she typed and stores nothing; the saved visit, with
/// its photo, leaves the list and shows as done; another facilitator's graduate is not found by its address.
/// </summary>
public sealed class FollowUpJourney(FollowUpRound app, ITestOutputHelper output) : IClassFixture<FollowUpRound>
{
    [BrowserFact]
    public async Task AFacilitatorDoesHerRoundOfVisits()
    {
        await app.RunAsync(output, RoundAsync, new BrowserNewContextOptions { ViewportSize = new() { Width = 360, Height = 740 } });

        // The row holds what she typed, read as a phone types it ("1.500.000").
        var row = await app.RowAsync(app.Mine[0]);
        Assert.Equal(FollowUpStatus.Done, row.Status);
        Assert.Equal(FollowUpChannel.Visit, row.Channel);
        Assert.Equal(ProgramScenario.Today, row.VisitedOn);
        Assert.Equal(await app.FacilitatorIdAsync(), row.VisitedById);
        Assert.True(row.BusinessActive);
        Assert.Equal(1_500_000, row.MonthlyRevenue);
        Assert.Equal(450_000, row.MonthlyProfit);
        Assert.Equal(2, row.Workers);
        Assert.Equal(3_200_000, row.HouseholdMonthlyIncome);
        Assert.Equal(FollowUpNeeds.Capital | FollowUpNeeds.Marketing, row.Needs);
        Assert.Equal(Problems, row.Problems);
        Assert.NotNull(row.PhotoFile);
    }

    private const string Problems = "Harga tepung naik; butuh kemasan untuk dijual di toko.";

    private async Task RoundAsync(IPage page)
    {
        var login = await new LoginPage(page).OpenAsync();
        await login.SignInAsync(TunasFactory.EmailOf(Roles.Facilitator), TunasFactory.Password);
        await Expect(page).ToHaveURLAsync(new Regex("/Beranda$"));

        // Her list: the four rounds of her graduate, the two overdue first; nothing of the other facilitator's.
        await page.GotoAsync("/Kunjungan");
        var rows = page.Locator("li[data-followup]");
        await Expect(rows).ToHaveCountAsync(4);
        var shown = await rows.EvaluateAllAsync<long[]>("rows => rows.map(r => Number(r.dataset.followup))");
        Assert.Equal(app.Mine, shown);
        await Expect(rows.Nth(0)).ToHaveAttributeAsync("data-overdue", "true");
        await Expect(rows.Nth(1)).ToHaveAttributeAsync("data-overdue", "true");
        await Expect(rows.Nth(2)).ToHaveAttributeAsync("data-overdue", "false");
        await Expect(page.Locator("main")).ToContainTextAsync(FollowUpRound.HerGraduate);
        await Expect(page.Locator("main")).Not.ToContainTextAsync(FollowUpRound.OtherGraduate);
        Assert.True(await new AppPage(page).ScrollWidthAsync() <= 360, "the list scrolls sideways on a 360-px phone");
        await page.Locator("a[href='/Kunjungan?status=overdue']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("status=overdue$"));
        await Expect(rows).ToHaveCountAsync(2);
        Assert.Equal(app.Mine.Take(2), await rows.EvaluateAllAsync<long[]>("rows => rows.map(r => Number(r.dataset.followup))"));

        var visit = app.Mine[0];
        await rows.Nth(0).Locator("a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/Kunjungan/{visit}$"));
        Assert.True(await new AppPage(page).ScrollWidthAsync() <= 360, "the form scrolls sideways on a 360-px phone");
        var photo = Path.Combine(Path.GetTempPath(), $"kunjungan-{Guid.NewGuid():N}.jpg");
        await File.WriteAllBytesAsync(photo, TestPhoto.Jpeg());
        try
        {
            // A slip: the profit typed above the revenue. The form comes back with her answers in it; nothing is stored.
            await page.Locator("input[name='Input.BusinessActive'][value='true']").CheckAsync();
            await page.Locator("#Input_MonthlyRevenue").FillAsync("1.500.000");
            await page.Locator("#Input_MonthlyProfit").FillAsync("4.500.000");
            await page.Locator("#Input_Workers").FillAsync("2");
            await page.Locator("#Input_HouseholdMonthlyIncome").FillAsync("3.200.000");
            await page.Locator("input[name='Input.Needs'][value='capital']").CheckAsync();
            await page.Locator("input[name='Input.Needs'][value='marketing']").CheckAsync();
            await page.Locator("#Input_Problems").FillAsync(Problems);
            await page.Locator("#photo").SetInputFilesAsync(photo);
            await page.Locator("main form button[type='submit']").ClickAsync();
            await Expect(page.GetByTestId("form-errors")).ToBeVisibleAsync();
            await Expect(page.Locator("#Input_MonthlyProfit")).ToHaveClassAsync(new Regex("is-invalid"));
            await Expect(page.Locator("#Input_MonthlyRevenue")).ToHaveValueAsync("1.500.000");
            await Expect(page.Locator("#Input_Problems")).ToHaveValueAsync(Problems);
            await Expect(page.Locator("input[name='Input.Needs'][value='marketing']")).ToBeCheckedAsync();
            Assert.Equal(FollowUpStatus.Due, (await app.RowAsync(visit)).Status);

            // Corrected and saved, with the photo again (a browser never keeps a chosen file across a post).
            await page.Locator("#Input_MonthlyProfit").FillAsync("450.000");
            await page.Locator("#photo").SetInputFilesAsync(photo);
            await page.Locator("main form button[type='submit']").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/Kunjungan$"));
        }
        finally
        {
            File.Delete(photo);
        }
        await Expect(page.GetByTestId("message")).ToBeVisibleAsync();
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(page.Locator($"li[data-followup='{visit}']")).ToHaveCountAsync(0);
        await page.Locator("a[href='/Kunjungan?status=done']").ClickAsync();
        await Expect(page.Locator($"li[data-followup='{visit}']")).ToContainTextAsync(FollowUpRound.HerGraduate);
        await Expect(rows).ToHaveCountAsync(1);

        // The other facilitator's graduate, by address: not found, on the page and in the API alike.
        var notMine = await page.GotoAsync($"/Kunjungan/{app.NotMine}");
        Assert.Equal(404, notMine!.Status);
        await Expect(page.Locator("body")).Not.ToContainTextAsync(FollowUpRound.OtherGraduate);
        var api = await page.APIRequest.GetAsync($"/api/v1/followups/{app.NotMine}");
        Assert.Equal(404, api.Status);
        Assert.Equal(FollowUpStatus.Due, (await app.RowAsync(app.NotMine)).Status);
    }
}

/// <summary>
/// The configured app with the role users, a second facilitator, and a program whose cohort of two ended 100 days ago:
/// each graduate has a business followed by one facilitator, and the follow-ups are planned through the API.
/// </summary>
public sealed class FollowUpRound : StaffFixture
{
    public const string HerGraduate = "Warga sri Uji";
    public const string OtherGraduate = "Warga ratna Uji";
    public const string OtherFacilitator = "fasilitator.lain@uji.test";

    /// <summary>Her follow-ups by due date (1, 3, 6 and 12 months).</summary>
    public IReadOnlyList<long> Mine { get; private set; } = [];

    /// <summary>The other facilitator's first follow-up.</summary>
    public long NotMine { get; private set; }

    protected override async Task SeededAsync(BrowserAppFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        using (var scope = app.Services.CreateScope())
        {
            await RoleUsers.CreateAsync(scope.ServiceProvider.GetRequiredService<UserAdmin>(), OtherFacilitator, Roles.Facilitator);
        }
        var scenario = await ProgramScenario.CreateAsync(app);
        await scenario.QuotasAsync(app, (ProgramScenario.Village1, null, 2));
        await scenario.ApplyAsync(app, "sri", ProgramScenario.Village1, 2, scenario.TrackA);
        await scenario.ApplyAsync(app, "ratna", ProgramScenario.Village1, 2, scenario.TrackA);
        var selected = await Graduates.SelectAsync(app, scenario);
        Assert.Equal(2, selected.Count);
        await Graduates.CohortAsync(app, scenario, ProgramScenario.Today.AddDays(-100), selected);
        var her = await Graduates.DbAsync(app, db => db.Users.Where(u => u.Email == TunasFactory.EmailOf(Roles.Facilitator)).Select(u => u.Id).SingleAsync());
        var other = await Graduates.DbAsync(app, db => db.Users.Where(u => u.Email == OtherFacilitator).Select(u => u.Id).SingleAsync());
        var (sri, ratna) = (scenario.Applicants["sri"].PersonId, scenario.Applicants["ratna"].PersonId);
        await BusinessAsync(app, sri, her);
        await BusinessAsync(app, ratna, other);

        // Planned by an officer: each open row takes the facilitator of the graduate's business.
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var plan = await officer.PostAsync($"/api/v1/programs/{scenario.ProgramId}/followups/plan", null);
        var planned = await plan.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<PlanResult>();
        Assert.Equal(8, planned!.Participants);
        Mine = await Graduates.DbAsync(app, db => db.Set<FollowUp>().Where(f => f.PersonId == sri && f.FacilitatorId == her)
            .OrderBy(f => f.DueOn).Select(f => f.Id).ToListAsync());
        Assert.Equal(4, Mine.Count);
        NotMine = await Graduates.DbAsync(app, db => db.Set<FollowUp>().Where(f => f.PersonId == ratna && f.FacilitatorId == other)
            .OrderBy(f => f.DueOn).Select(f => f.Id).FirstAsync());
    }

    private static async Task BusinessAsync(BrowserAppFactory app, long owner, string facilitatorId)
    {
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var response = await officer.PostAsJsonAsync("/api/v1/businesses", new BusinessInput
        {
            OwnerPersonIds = [owner],
            Name = "Kue Basah " + owner,
            Category = "makanan",
            VillageCode = ProgramScenario.Village1,
            Address = "Jl. Melati 3",
            StartedOn = "2026-01-15",
            Status = "active",
            WhatsApp = "0812-3456-7890",
            FacilitatorId = facilitatorId,
        });
        response.EnsureSuccessStatusCode();
    }

    public Task<FollowUp> RowAsync(long id) => Graduates.DbAsync(App, db => db.Set<FollowUp>().AsNoTracking().SingleAsync(f => f.Id == id));

    public Task<string> FacilitatorIdAsync() =>
        Graduates.DbAsync(App, db => db.Users.Where(u => u.Email == TunasFactory.EmailOf(Roles.Facilitator)).Select(u => u.Id).SingleAsync());
}
