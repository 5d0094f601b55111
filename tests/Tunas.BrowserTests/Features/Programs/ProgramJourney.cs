using Microsoft.Playwright;
using Tunas.BrowserTests.Infrastructure;
using Tunas.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Tunas.BrowserTests.Features.Programs;

public sealed class ProgramJourney(ConfiguredApp app, ITestOutputHelper output) : IClassFixture<ConfiguredApp>
{
    [BrowserFact]
    public Task AnOfficerDefinesAProgramOnAPhone() => app.RunAsync(output, async page =>
    {
        var login = await new LoginPage(page).OpenAsync();
        await login.SignInAsync(ConfiguredAdmin.Email, ConfiguredAdmin.Password);
        await page.GotoAsync("/Programs");
        await page.GetByRole(AriaRole.Link, new() { Name = "Program baru", Exact = true }).ClickAsync();
        await page.GetByLabel("Nama program").FillAsync("Pelatihan Keterampilan Wirausaha 2030");
        await page.GetByLabel("Anggaran (rupiah)").FillAsync("150.000.000");
        await page.GetByLabel("Target (peserta)").FillAsync("80");
        await page.GetByLabel("Pendaftaran dibuka").FillAsync("2030-10-01");
        await page.GetByLabel("Pendaftaran ditutup").FillAsync("2030-10-15");
        await page.GetByLabel("Pelatihan dimulai").FillAsync("2030-10-24");
        await Shot(page, "1-create");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();

        var overview = new AppPage(page);
        await Expect(page.GetByTestId("budget")).ToHaveTextAsync("Rp 150.000.000");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tambah kejuruan", Exact = true }).ClickAsync();
        await page.GetByLabel("Nama kejuruan").FillAsync("Jajanan");
        await page.GetByTestId("add-module").ClickAsync();
        await Expect(page.Locator("[data-module-row]")).ToHaveCountAsync(6);
        await Shot(page, "2-track");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();
        await Expect(overview.Message).ToContainTextAsync("Kejuruan Jajanan sudah disimpan.");
        await Shot(page, "3-overview");

        // A slow phone: the grid's script arrives only after she has typed the first cell, and the totals still add it.
        var typed = new TaskCompletionSource();
        await page.RouteAsync("**/js/quota-grid.js*", async route =>
        {
            await typed.Task;
            await route.ContinueAsync();
        });
        await page.GetByRole(AriaRole.Link, new() { Name = "Ubah kuota", Exact = true }).ClickAsync();
        var grid = page.GetByTestId("quota-grid");
        await grid.Locator("input[data-column]").First.FillAsync("5");
        typed.SetResult();
        await Expect(page.GetByTestId("target-check")).ToContainTextAsync("Jumlah 5 dari target 80.");
        await Shot(page, "4-quotas");
        Assert.True(await overview.ScrollWidthAsync() <= 360 + 1, "The quota page scrolls sideways on a phone.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();
        await Expect(overview.Message).ToContainTextAsync("Kuota sudah disimpan: 5 kursi.");

        await page.GotoAsync(page.Url.Replace("/Quotas", "/Rules", StringComparison.Ordinal).Split('?')[0]);
        await page.GetByRole(AriaRole.Switch, new() { Name = "Desil tertinggi" }).CheckAsync();
        await page.GetByLabel("Desil tertinggi", new() { Exact = true }).Last.SelectOptionAsync("4");
        await Shot(page, "5-rules");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("rules")).ToContainTextAsync("Desil 4 atau lebih rendah");

        await page.GotoAsync("/Programs/Providers/Create");
        await page.GetByLabel("Nama lembaga").FillAsync("LPK Modes Al Amin");
        await page.GetByLabel("Jenis", new() { Exact = true }).SelectOptionAsync("Lpk");
        await page.GetByLabel("Kapasitas (peserta sekaligus)").FillAsync("40");
        var picker = new RegionPicker(page.Locator("[data-region-picker]"));
        await picker.ChooseAsync(RegionPicker.District, "Kepanjenkidul");
        await picker.ChooseAsync(RegionPicker.Village, "Kauman");
        await page.GetByLabel("Telepon/WhatsApp").FillAsync("0812 3456 7890");
        await Shot(page, "6-provider");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("providers")).ToContainTextAsync("Kauman");
        Assert.True(await overview.ScrollWidthAsync() <= 360 + 1, "The provider list scrolls sideways on a phone.");
    }, new BrowserNewContextOptions { ViewportSize = new() { Width = 360, Height = 740 } });

    private static Task Shot(IPage page, string name) =>
        Environment.GetEnvironmentVariable("TUNAS_SHOTS") is { Length: > 0 } folder
            ? page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true })
            : Task.CompletedTask;
}
