using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tunas.BrowserTests.Infrastructure;
using Tunas.BrowserTests.Pages;
using Tunas.Web.Features.Agencies;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Tunas.BrowserTests.Features.Account;

public sealed class FirstStartJourney(NewInstallation app, ITestOutputHelper output) : IClassFixture<NewInstallation>
{
    private const string AdminEmail = "kepala.dinsos@blitar.test";
    private const string AdminPassword = "Blitar-rahasia-2026";
    private const string OperatorEmail = "operator.kauman@blitar.test";
    private const string OperatorPassword = "kauman-rahasia-1";

    // Synthetic: kecamatan 35.72.01 (Kepanjenkidul), a woman (day 01 + 40) born 1 July 1990, number 0001.
    private const string Nik = "3572014107900001";

    [BrowserFact]
    public Task FirstAdministratorSetsUpTheAgencyAndAKelurahanOperator() => app.RunAsync(output, async page =>
    {
        var requested = new ConcurrentQueue<string>();
        page.Request += (_, request) => requested.Enqueue(request.Url);

        // A new installation sends everyone to the one-time setup page.
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(EndsWith("/Setup"));
        await new SetupPage(page).CreateAdministratorAsync("Dinas Sosial Kota Blitar", AdminEmail, AdminPassword);

        // Signed in, on the agency's settings: choose the home regency/city.
        await Expect(page).ToHaveURLAsync(EndsWith("/Agency"));
        var agency = new AgencyPage(page);
        await Expect(agency.Message).ToContainTextAsync("Administrator sudah dibuat.");
        await Expect(agency.SignedInAs).ToHaveTextAsync(AdminEmail);
        await agency.HomeRegency.ChooseAsync(RegionPicker.Province, "Jawa Timur");
        await agency.HomeRegency.ChooseAsync(RegionPicker.Regency, "Kota Blitar");
        await agency.SaveAsync();
        await Expect(agency.Message).ToHaveTextAsync("Pengaturan instansi sudah disimpan.");
        using (var scope = app.App.Services.CreateScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<AgencyService>().CurrentAsync();
            Assert.Equal(("Dinas Sosial Kota Blitar", "35.72"), (stored.Name, stored.RegencyCode));
        }
        await page.ReloadAsync();
        await Expect(agency.HomeRegency.Code).ToHaveValueAsync("35.72");
        await Expect(agency.HomeRegency.Level(RegionPicker.Regency)).ToHaveValueAsync("35.72");
        await Expect(agency.HomeRegency.Chosen(RegionPicker.Province)).ToHaveTextAsync("Jawa Timur");
        await Expect(agency.HomeRegency.Chosen(RegionPicker.Regency)).ToHaveTextAsync("Kota Blitar");

        // A kelurahan operator, bound to a kelurahan of the agency's city.
        await agency.FollowMenuAsync("Pengguna");
        var newUser = await new UsersPage(page).NewUserAsync();
        await Expect(page).ToHaveURLAsync(EndsWith("/Users/Create"));
        await Expect(newUser.Village.Root).ToBeHiddenAsync();
        await newUser.FillAsync(OperatorEmail, OperatorPassword);
        await newUser.ChooseRoleAsync("Operator Kelurahan");
        await Expect(newUser.Village.Root).ToBeVisibleAsync();
        await Expect(newUser.Village.Level(RegionPicker.Province)).ToHaveCountAsync(0);
        await newUser.Village.ChooseAsync(RegionPicker.District, "Kepanjenkidul");
        await newUser.Village.ChooseAsync(RegionPicker.Village, "Kauman");
        await Expect(newUser.Village.Code).ToHaveValueAsync("35.72.01.1004");
        await newUser.SaveAsync();

        await Expect(page).ToHaveURLAsync(EndsWith("/Users"));
        var users = new UsersPage(page);
        await Expect(users.Message).ToHaveTextAsync($"Pengguna {OperatorEmail} sudah dibuat.");
        await Expect(users.RoleOf(OperatorEmail)).ToHaveTextAsync("Operator Kelurahan");
        await Expect(users.BoundTo(OperatorEmail)).ToHaveTextAsync("Kauman");

        // The operator signs in: checking a NIK is theirs, managing users is not.
        await users.SignOutAsync();
        await Expect(users.SignedInAs).ToHaveCountAsync(0);
        var login = await new LoginPage(page).OpenAsync();
        await login.SignInAsync(OperatorEmail, OperatorPassword);
        await Expect(login.SignedInAs).ToHaveTextAsync(OperatorEmail);
        await Expect(login.MenuLink("Periksa NIK")).ToBeVisibleAsync();
        await Expect(login.MenuLink("Pengguna")).ToHaveCountAsync(0);
        await Expect(login.MenuLink("Pengaturan instansi")).ToHaveCountAsync(0);

        await login.MenuLink("Periksa NIK").ClickAsync();
        await Expect(page).ToHaveURLAsync(EndsWith("/Registry/CheckNik"));
        var check = new CheckNikPage(page);
        await check.CheckAsync(Nik);
        await Expect(check.Result).ToContainTextAsync("NIK valid.");
        await Expect(check.Result).ToContainTextAsync("Perempuan");
        await Expect(check.Result).ToContainTextAsync("1 Juli 1990");
        await Expect(check.Result).ToContainTextAsync("Kepanjenkidul");
        await Expect(check.Result).ToContainTextAsync("Kota Blitar");

        // A NIK is personal data: posted, never part of an address the browser keeps or sends.
        Assert.DoesNotContain(Nik, page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(requested, url => url.Contains(Nik, StringComparison.Ordinal));
    });

    private static Regex EndsWith(string path) => new(Regex.Escape(path) + "$");
}
