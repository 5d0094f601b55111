using System.Collections.Concurrent;
using Tunas.BrowserTests.Infrastructure;
using Tunas.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Tunas.BrowserTests.Features.Registry;

public sealed class RegistryJourney(ConfiguredApp app, ITestOutputHelper output) : IClassFixture<ConfiguredApp>
{
    private const string Nik = "3572014107900201";

    [BrowserFact]
    public Task AnOfficerRegistersAResidentFindsHerAndSeesTheNikOnlyOnPurpose() => app.RunAsync(output, async page =>
    {
        var urls = new ConcurrentQueue<string>();
        page.Request += (_, request) => urls.Enqueue(request.Url);
        var login = await new LoginPage(page).OpenAsync();
        await login.SignInAsync(ConfiguredAdmin.Email, ConfiguredAdmin.Password);

        await login.MenuLink("Penduduk").ClickAsync();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Penduduk baru", Exact = true }).ClickAsync();
        var form = new NewResidentPage(page);
        await form.FillAsync("NIK", Nik);
        await form.FillAsync("Nama lengkap", "Siti Rahayu");
        await form.FillAsync("Tanggal lahir", "1990-07-01");
        await form.Village.ChooseAsync(RegionPicker.District, "Kepanjenkidul");
        await form.Village.ChooseAsync(RegionPicker.Village, "Kauman");
        await Expect(form.Village.Code).ToHaveValueAsync("35.72.01.1004");
        await form.FillAsync("Telepon/WhatsApp", "0812 3456 7890");
        await page.GetByLabel("Desil", new() { Exact = true }).SelectOptionAsync("2");
        await form.SaveAsync();

        var resident = new ResidentPage(page);
        await Expect(resident.MaskedNik).ToContainTextAsync("3572••••••••0201");
        await Expect(resident.FullNik).ToHaveCountAsync(0);
        await resident.ShowNikAsync();
        await Expect(resident.FullNik).ToContainTextAsync(Nik);

        await resident.MenuLink("Penduduk").ClickAsync();
        var residents = new ResidentsPage(page);
        await residents.SearchByNameAsync("rahayu");
        await Expect(residents.Residents).ToContainTextAsync("Siti Rahayu");
        await Expect(residents.Residents).ToContainTextAsync("3572••••••••0201");
        await Expect(residents.Residents).Not.ToContainTextAsync(Nik);

        await residents.FindByNikAsync(Nik);
        await Expect(page.GetByTestId("nik-result")).ToHaveTextAsync("Penduduk dengan NIK ini:");
        await Expect(residents.Residents).ToContainTextAsync("Siti Rahayu");

        Assert.DoesNotContain(urls, url => url.Contains(Nik, StringComparison.Ordinal));
    });
}
