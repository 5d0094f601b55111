using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tunas.BrowserTests.Infrastructure;
using Tunas.BrowserTests.Pages;
using Tunas.Web.Data;
using Tunas.Web.Features.Programs;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Tunas.BrowserTests.Features.Applications;

public sealed class ApplyJourney(ConfiguredApp app, ITestOutputHelper output) : IClassFixture<ConfiguredApp>
{
    private const int PhoneWidth = 360;

    [BrowserFact]
    public Task AResidentAppliesOnAPhoneAndChecksTheStatus() => app.RunAsync(output, async page =>
    {
        var programId = await ProgramAsync();
        var shell = new AppPage(page);

        // From the menu of the landing page; the only open program is chosen already.
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await shell.MenuLink("Daftar pelatihan").ClickAsync();
        await Expect(page.Locator("input[name='Input.ProgramId']")).ToHaveValueAsync(programId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#Input_Nik", "3572014107900111");
        await page.FillAsync("#Input_FamilyCardNumber", "3572010101200111");
        await page.FillAsync("#Input_FullName", "Siti Aminah");
        await page.FillAsync("#Input_BirthDate", "1990-07-01");
        await page.SelectOptionAsync("#Input_VillageCode", "35.72.01.1004");
        await page.FillAsync("#Input_Phone", "0812-3456-7890");
        await page.SelectOptionAsync("#Input_FirstTrackId", new SelectOptionValue { Label = "Jajanan" });
        await page.CheckAsync("#Input_Consent");
        Assert.InRange(await shell.ScrollWidthAsync(), 1, PhoneWidth);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim pendaftaran" }).ClickAsync();

        var number = page.GetByTestId("registration-number");
        await Expect(number).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^TNS-[0-9A-Z]{4}-[0-9A-Z]{4}$"));
        await Expect(page.GetByTestId("checks-summary")).ToBeVisibleAsync();
        Assert.DoesNotContain("3572014107900111", page.Url, StringComparison.Ordinal);
        Assert.InRange(await shell.ScrollWidthAsync(), 1, PhoneWidth);
        var registration = await number.InnerTextAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Cek status" }).Last.ClickAsync();
        await page.FillAsync("#RegistrationNumber", registration.ToLowerInvariant());
        await page.FillAsync("#BirthDate", "1990-07-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Periksa", Exact = true }).ClickAsync();

        await Expect(page.GetByTestId("application-status")).ToHaveTextAsync("Terkirim");
        await Expect(page.GetByTestId("no-result")).ToBeVisibleAsync();
        Assert.DoesNotContain(registration, page.Url, StringComparison.Ordinal);
    }, new()
    {
        ViewportSize = new() { Width = PhoneWidth, Height = 740 },
        DeviceScaleFactor = 2,
        IsMobile = true,
        HasTouch = true,
    });

    private async Task<int> ProgramAsync()
    {
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var program = new TrainingProgram
        {
            AgencyId = await db.Agencies.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(),
            Name = "Pelatihan Keterampilan Wirausaha " + today.Year,
            Year = today.Year,
            Status = ProgramStatus.Active,
            RegistrationOpens = today.AddDays(-1),
            RegistrationCloses = today.AddDays(30),
            DomicileRegencyCode = "35.72",
            Seed = "uji",
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
            Tracks = [new Track { Name = "Jajanan", SortOrder = 1 }, new Track { Name = "Menjahit Kaos Konveksi", SortOrder = 2 }],
        };
        db.Programs.Add(program);
        await db.SaveChangesAsync();
        return program.Id;
    }
}
