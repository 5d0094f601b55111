using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tunas.BrowserTests.Infrastructure;
using Tunas.BrowserTests.Pages;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Demo;
using Tunas.Web.Features.Selection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Tunas.BrowserTests.Features.Home;

/// <summary>The demo as the public meets it on a 360-px phone: from the landing page to an appeal, and what each page weighs.</summary>
public sealed class PublicEntryJourney(DemoApp app, ITestOutputHelper output) : IClassFixture<DemoApp>
{
    private const int PhoneWidth = 360;
    private const long FirstVisitLimit = 100 * 1024;
    private const long SecondVisitLimit = 10 * 1024;

    private static BrowserNewContextOptions Phone(bool javaScript = true) => new()
    {
        ViewportSize = new() { Width = PhoneWidth, Height = 740 },
        DeviceScaleFactor = 2,
        IsMobile = true,
        HasTouch = true,
        JavaScriptEnabled = javaScript,
    };

    [BrowserFact]
    public Task AResidentGoesFromTheLandingPageToAnAppealOnAPhone() => app.RunAsync(output, async page =>
    {
        var shell = new AppPage(page);
        await page.GotoAsync("/");
        await NarrowAsync(shell);
        var open = page.GetByTestId("open-program").Filter(new() { HasText = DemoRoundsSeeder.OpenRoundName });
        await Expect(open).ToContainTextAsync("Daftar paling lambat");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Dibuka bersama program berikutnya");

        await open.GetByRole(AriaRole.Link, new() { Name = "Daftar sekarang" }).ClickAsync();
        await Expect(page.Locator("main .lead")).ToHaveTextAsync(DemoRoundsSeeder.OpenRoundName);
        await page.FillAsync("#Input_Nik", "3572014107900999");
        await page.FillAsync("#Input_FamilyCardNumber", "3572010101200999");
        await page.FillAsync("#Input_FullName", "Siti Rahayu");
        await page.FillAsync("#Input_BirthDate", "1990-07-01");
        await page.SelectOptionAsync("#Input_VillageCode", DemoSeeder.DemoVillage);
        await page.FillAsync("#Input_Phone", "0812-3456-7999");
        await page.SelectOptionAsync("#Input_FirstTrackId", new SelectOptionValue { Index = 1 });
        await page.CheckAsync("#Input_Consent");
        await NarrowAsync(shell);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim pendaftaran" }).ClickAsync();
        var number = page.GetByTestId("registration-number");
        await Expect(number).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^TNS-[0-9A-Z]{4}-[0-9A-Z]{4}$"));
        await NarrowAsync(shell);
        var registration = await number.InnerTextAsync();

        // The status check, from the landing page's own button.
        await page.GotoAsync("/");
        await page.GetByTestId("check-status").ClickAsync();
        await page.FillAsync("#RegistrationNumber", registration);
        await page.FillAsync("#BirthDate", "1990-07-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Periksa", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("application-status")).ToBeVisibleAsync();
        await NarrowAsync(shell);

        // The published result of the round in its appeal window: one kelurahan's list, as on its notice board.
        await page.GotoAsync("/");
        await page.GetByTestId("see-results").ClickAsync();
        await NarrowAsync(shell);
        await page.GetByRole(AriaRole.Link, new() { Name = DemoRoundsSeeder.AppealRoundName }).ClickAsync();
        await Expect(page.GetByTestId("results")).ToContainTextAsync("3572");
        await NarrowAsync(shell);
        await page.GetByTestId("villages").GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.GetByTestId("print-header")).ToBeHiddenAsync();
        await Expect(page.Locator("[data-print]")).ToBeVisibleAsync();
        await NarrowAsync(shell);
        // Printed for the notice board: the agency, program and kelurahan on top, no menu.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.GetByTestId("print-header")).ToContainTextAsync("Dinas");
        await Expect(page.GetByTestId("print-header")).ToContainTextAsync(DemoRoundsSeeder.AppealRoundName);
        await Expect(page.Locator("nav.navbar")).ToBeHiddenAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // Someone not selected in that round appeals.
        var (appellant, birth) = await AppellantAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ajukan sanggahan" }).First.ClickAsync();
        await page.GetByLabel("Nomor pendaftaran").FillAsync(appellant);
        await page.GetByLabel("Tanggal lahir").FillAsync(birth.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await page.GetByLabel("Alasan sanggahan").FillAsync("Suami saya tidak bekerja sejak bulan lalu.");
        await NarrowAsync(shell);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim sanggahan" }).ClickAsync();
        await Expect(page.GetByTestId("appeal-lodged")).ToBeVisibleAsync();
        await NarrowAsync(shell);
    }, Phone());

    [BrowserFact]
    public Task TheMenuOpensWithoutJavaScript() => app.RunAsync(output, async page =>
    {
        var shell = new AppPage(page);
        await page.GotoAsync("/");
        await Expect(shell.MenuLink("Hasil seleksi")).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await shell.MenuLink("Hasil seleksi").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Hasil seleksi");
        await NarrowAsync(shell);
    }, Phone(javaScript: false));

    [BrowserFact]
    public Task EveryPublicPageIsLightOnTheFirstVisitAndLighterOnTheSecond() => app.RunAsync(output, async page =>
    {
        var (openProgram, published) = await ProgramsAsync();
        var meter = await TransferMeter.StartAsync(page);
        var shell = new AppPage(page);
        string[] pages =
        [
            "/", "/Apply", $"/Apply?program={openProgram}", "/Status", "/Results",
            .. published.SelectMany(id => new[] { $"/Results/{id}", $"/Results/{id}?halaman=2" }),
            "/Appeal", "/Account/Login", "/About",
        ];
        foreach (var url in pages)
        {
            await meter.ClearCacheAsync();
            var first = await meter.VisitAsync(page, url);
            await NarrowAsync(shell);
            var second = await meter.VisitAsync(page, url);
            output.WriteLine($"{url}: first visit {first.Bytes} bytes, second {second.Bytes} bytes");
            Assert.True(first.Bytes is > 0 and < FirstVisitLimit, "First visit, " + first);
            Assert.True(second.Bytes < SecondVisitLimit, "Second visit, " + second);
        }
    }, Phone());

    private static async Task NarrowAsync(AppPage shell) =>
        Assert.True(await shell.ScrollWidthAsync() <= PhoneWidth, $"{shell.Page.Url} scrolls sideways at {PhoneWidth} px");

    /// <summary>The demo's round open for registration, and every program with a published result.</summary>
    private async Task<(int Open, List<int> Published)> ProgramsAsync()
    {
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var open = await db.Programs.Where(p => p.Name == DemoRoundsSeeder.OpenRoundName).Select(p => p.Id).SingleAsync();
        var published = await db.SelectionRuns.Where(r => r.Status == SelectionRunStatus.Published).Select(r => r.ProgramId).Distinct().ToListAsync();
        Assert.NotEmpty(published);
        return (open, published);
    }

    /// <summary>An applicant of the appeal round who was not selected and has not appealed yet.</summary>
    private async Task<(string RegistrationNumber, DateOnly BirthDate)> AppellantAsync()
    {
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var found = await (from d in db.SelectionDecisions
                           join r in db.SelectionRuns on d.RunId equals r.Id
                           join a in db.Applications on d.ApplicationId equals a.Id
                           join p in db.Persons on a.PersonId equals p.Id
                           join g in db.Programs on a.ProgramId equals g.Id
                           where g.Name == DemoRoundsSeeder.AppealRoundName && r.Status == SelectionRunStatus.Published
                               && (d.Status == DecisionStatus.NotSelected || d.Status == DecisionStatus.Waitlisted)
                               && !db.Appeals.Any(x => x.ApplicationId == a.Id)
                           orderby d.RegistrationNumber
                           select new { d.RegistrationNumber, p.BirthDate }).FirstAsync();
        return (found.RegistrationNumber, found.BirthDate);
    }
}
