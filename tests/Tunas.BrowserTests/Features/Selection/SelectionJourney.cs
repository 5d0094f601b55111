using System.Globalization;
using Microsoft.Playwright;
using Tunas.BrowserTests.Infrastructure;
using Tunas.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Tunas.BrowserTests.Features.Selection;

/// <summary>
/// The whole path of issue 4 in the browser: an officer defines a program, two residents apply, the officer
/// closes registration, runs and publishes the selection, answers an appeal and, when the selected resident
/// withdraws, the one on the waitlist is promoted and sees it on the status page.
/// </summary>
public sealed class SelectionJourney(ConfiguredApp app, ITestOutputHelper output) : IClassFixture<ConfiguredApp>
{
    private const string Kauman = "35.72.01.1004";

    private static string Day(int offset) =>
        DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [BrowserFact]
    public Task AnOfficerTakesAProgramFromDefinitionToAPromotionFromTheWaitlist() => app.RunAsync(output, async page =>
    {
        var shell = new AppPage(page);
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        var login = await new LoginPage(page).OpenAsync();
        await login.SignInAsync(ConfiguredAdmin.Email, ConfiguredAdmin.Password);

        // Define: program, one track, one seat in Kauman, open to the public.
        await shell.FollowMenuAsync("Program");
        await page.GetByRole(AriaRole.Link, new() { Name = "Program baru", Exact = true }).ClickAsync();
        await page.GetByLabel("Nama program").FillAsync("Pelatihan Jalur Lengkap");
        await page.GetByLabel("Anggaran (rupiah)").FillAsync("50.000.000");
        await page.GetByLabel("Target (peserta)").FillAsync("1");
        await page.GetByLabel("Pendaftaran dibuka").FillAsync(Day(-1));
        await page.GetByLabel("Pendaftaran ditutup").FillAsync(Day(10));
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();
        var programUrl = page.Url;
        await page.GetByRole(AriaRole.Link, new() { Name = "Tambah kejuruan", Exact = true }).ClickAsync();
        await page.GetByLabel("Nama kejuruan").FillAsync("Jajanan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();
        await page.GotoAsync(programUrl + "/Quotas");
        await page.Locator($"tr[data-row='{Kauman}'] input[data-column]").First.FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();
        await Expect(shell.Message).ToContainTextAsync("1 kursi");
        await page.GotoAsync(programUrl);
        await page.GetByTestId("activate").ClickAsync();
        await shell.SignOutAsync();

        // Take applications: two residents of Kauman apply on the public form.
        var first = await ApplyAsync(page, "3572014107900301", "3572010101200301", "Sulastri Pertama", "1990-07-01");
        var second = await ApplyAsync(page, "3572014207900302", "3572010101200302", "Sumini Kedua", "1990-07-02");

        // Registration closes (moved to yesterday), the appeal window opens today; run and publish.
        await login.OpenAsync();
        await login.SignInAsync(ConfiguredAdmin.Email, ConfiguredAdmin.Password);
        await page.GotoAsync(programUrl + "/Edit");
        await page.GetByLabel("Pendaftaran dibuka").FillAsync(Day(-3));
        await page.GetByLabel("Pendaftaran ditutup").FillAsync(Day(-1));
        await page.GetByLabel("Sanggahan dibuka").FillAsync(Day(0));
        await page.GetByLabel("Sanggahan ditutup").FillAsync(Day(3));
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("calendar")).ToBeVisibleAsync();

        await shell.FollowMenuAsync("Seleksi");
        await page.GetByRole(AriaRole.Link, new() { Name = "Pelatihan Jalur Lengkap" }).ClickAsync();
        await page.GetByTestId("run-selection").ClickAsync();
        var outcomes = page.GetByTestId("outcomes");
        await Expect(outcomes).ToContainTextAsync("Sulastri Pertama");
        await Expect(page.Locator("main")).ToContainTextAsync("2 pendaftar: 1 terpilih, 1 di daftar tunggu");
        await page.GetByTestId("publish").ClickAsync();
        await Expect(page.Locator("main .alert-success")).ToContainTextAsync("Hasil sudah diumumkan");
        await shell.SignOutAsync();

        // The public list shows initials and masked NIKs; the one waiting lodges an appeal.
        await shell.FollowMenuAsync("Hasil seleksi");
        await page.GetByRole(AriaRole.Link, new() { Name = "Pelatihan Jalur Lengkap" }).ClickAsync();
        var results = page.GetByTestId("results");
        await Expect(results).ToContainTextAsync("S. K.");
        await Expect(results).ToContainTextAsync("3572••••••••0302");
        await Expect(results).Not.ToContainTextAsync("Sumini");
        await page.GotoAsync("/Appeal");
        await page.GetByLabel("Nomor pendaftaran").FillAsync(second);
        await page.GetByLabel("Tanggal lahir").FillAsync("02/07/1990");
        await page.GetByLabel("Alasan sanggahan").FillAsync("Suami saya tidak bekerja sejak bulan lalu.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim sanggahan" }).ClickAsync();
        await Expect(page.GetByTestId("appeal-lodged")).ToBeVisibleAsync();

        // The officer answers the appeal, then records that the selected resident withdraws.
        await login.OpenAsync();
        await login.SignInAsync(ConfiguredAdmin.Email, ConfiguredAdmin.Password);
        await shell.FollowMenuAsync("Seleksi");
        await page.GetByRole(AriaRole.Link, new() { Name = "Pelatihan Jalur Lengkap" }).ClickAsync();
        var selectionUrl = page.Url;
        await page.GetByRole(AriaRole.Link, new() { Name = "Sanggahan" }).ClickAsync();
        var appeal = page.GetByTestId("appeal");
        await Expect(appeal).ToContainTextAsync("Suami saya tidak bekerja");
        await appeal.GetByLabel("Ditolak").CheckAsync();
        await appeal.GetByLabel("Jawaban untuk pendaftar").FillAsync("Data keluarga Anda akan diperbarui; urutan tetap menurut desil.");
        await appeal.GetByRole(AriaRole.Button, new() { Name = "Simpan jawaban" }).ClickAsync();
        await Expect(page.Locator("main .alert-success")).ToContainTextAsync("Jawaban tersimpan");

        await page.GotoAsync(selectionUrl);
        await page.Locator("table a").First.ClickAsync();
        var row = page.GetByTestId("outcomes").Locator("tr", new() { HasText = "Sulastri Pertama" });
        await row.Locator("summary").ClickAsync();
        await row.GetByPlaceholder("Alasan mundur").FillAsync("Bekerja di pabrik");
        await row.GetByRole(AriaRole.Button, new() { Name = "Mundurkan" }).ClickAsync();
        await Expect(page.Locator("main .alert-success")).ToContainTextAsync($"{second} naik dari daftar tunggu");
        await shell.SignOutAsync();

        // The promoted resident sees it on the status page, with her score.
        await page.GotoAsync("/Status");
        await page.FillAsync("#RegistrationNumber", second);
        await page.FillAsync("#BirthDate", "1990-07-02");
        await page.GetByRole(AriaRole.Button, new() { Name = "Periksa", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("decision")).ToContainTextAsync("Terpilih dari daftar tunggu");
        await Expect(page.GetByTestId("score-breakdown")).ToBeVisibleAsync();
        Assert.NotEqual(first, second);
    });

    private static async Task<string> ApplyAsync(IPage page, string nik, string card, string name, string birthDate)
    {
        await page.GotoAsync("/Apply");
        await page.FillAsync("#Input_Nik", nik);
        await page.FillAsync("#Input_FamilyCardNumber", card);
        await page.FillAsync("#Input_FullName", name);
        await page.FillAsync("#Input_BirthDate", birthDate);
        await page.SelectOptionAsync("#Input_VillageCode", Kauman);
        await page.FillAsync("#Input_Phone", "0812-3456-7890");
        await page.SelectOptionAsync("#Input_FirstTrackId", new SelectOptionValue { Label = "Jajanan" });
        await page.CheckAsync("#Input_Consent");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim pendaftaran" }).ClickAsync();
        var number = page.GetByTestId("registration-number");
        await Expect(number).ToBeVisibleAsync();
        return (await number.InnerTextAsync()).Trim();
    }
}
