using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tunas.BrowserTests.Infrastructure;
using Tunas.BrowserTests.Pages;
using Tunas.IntegrationTests.Features.Shared.Exports;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Demo;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Shared.Messaging;
using Tunas.Web.Features.Users;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Tunas.BrowserTests.Features.Home;

/// <summary>
/// The demo as a program officer works it on an office laptop: from sign-in through the desk's to-dos to the Excel
/// export, the printed berita acara and a receipt; and a kelurahan operator, who is not offered the officer's exports.
/// </summary>
public sealed partial class OfficerJourney(DemoApp app, ITestOutputHelper output) : IClassFixture<DemoApp>
{
    private const string Password = "jalan-petugas-2026";
    private const string SignatoryName = "Dra. Endang Purwaningsih, M.M.";
    private const string SignatoryTitle = "Kepala Dinas Sosial Kota Blitar";
    private const string SignatoryNip = "197004141995032002";
    private static readonly string[] OfficersFiles = ["results.xlsx", "report.pdf"];
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    private static BrowserNewContextOptions Laptop() => new() { ViewportSize = new() { Width = 1366, Height = 768 }, AcceptDownloads = true };

    [BrowserFact]
    public Task AnOfficerGoesFromTheDeskToAnExportAndAPrintedReport() => app.RunAsync(output, async page =>
    {
        var demo = await DemoAsync();
        await SignInAsync(page, "petugas");

        // The desk, with what the demo leaves waiting: the two appeals of Gelombang II and its result messages.
        await Expect(page).ToHaveURLAsync(new Regex("/Beranda$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Yang menunggu Anda");
        var appeals = page.Locator("[data-todo=appeals]");
        await Expect(appeals).ToHaveAttributeAsync("data-total", "2");
        await Expect(appeals.Locator(".badge")).ToHaveTextAsync("2");
        Assert.True(demo.Messages > 0, "the demo leaves messages to send");
        await Expect(page.Locator("[data-todo=messages]")).ToHaveAttributeAsync("data-total", demo.Messages.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("[data-todo=messages] .badge")).ToHaveTextAsync(demo.Messages.ToString("N0", Indonesian));

        // The appeals to-do opens the one program's appeals, its window written as people write dates.
        await appeals.GetByRole(AriaRole.Link, new() { Name = "Sanggahan terbuka" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/Selection/{demo.ProgramId}/Appeals$"));
        await Expect(page.GetByTestId("appeal")).ToHaveCountAsync(2);
        var window = page.GetByTestId("appeal-window");
        await Expect(window).ToContainTextAsync($"Masa sanggah: {demo.AppealOpens.ToString("d MMMM yyyy", Indonesian)} sampai {demo.AppealCloses.ToString("d MMMM yyyy", Indonesian)}.");
        await Expect(page.Locator("main")).Not.ToContainTextAsync(new Regex("[0-9]{2}/[0-9]{2}/[0-9]{4}"));

        // On to the program's selection, then its applications and their Excel file.
        await page.Locator("main .breadcrumb").GetByRole(AriaRole.Link, new() { Name = DemoRoundsSeeder.AppealRoundName }).ClickAsync();
        await Expect(page.GetByTestId("program-summary")).ToContainTextAsync(demo.RegistrationOpens.ToString("d MMMM yyyy", Indonesian));
        await page.GetByTestId("applications-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/Applications\\?programId={demo.ProgramId}$"));
        var applications = await DownloadAsync(page, page.GetByTestId("export-applications"), ".xlsx");
        var sheet = ExportFiles.Sheets(applications)[0].Rows;
        Assert.Equal(demo.Niks.Order(), NiksOf(sheet).Order());

        // An application's own page, and its receipt as it prints: the receipt alone, no buttons.
        await page.GetByTestId("open-application").First.ClickAsync();
        var registration = await page.GetByTestId("registration-number").InnerTextAsync();
        await page.GetByTestId("print-receipt").ClickAsync();
        await Expect(page.GetByTestId("printable-receipt").GetByTestId("registration-number")).ToHaveTextAsync(registration);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("[data-print]")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Masukkan pendaftaran berikutnya" })).ToBeHiddenAsync();
        await Expect(page.GetByTestId("printable-receipt")).ToContainTextAsync(DemoRoundsSeeder.AppealRoundName);
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // The published run: its selected and waitlist in Excel, and the berita acara the Dinas signs.
        await page.GoBackAsync();
        await page.GetByTestId("back-to-list").ClickAsync();
        await page.GetByTestId("selection-link").ClickAsync();
        await page.Locator("main table").GetByRole(AriaRole.Link, new() { Name = "1", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/Selection/{demo.ProgramId}/Runs/{demo.RunId}$"));
        var results = ExportFiles.Sheets(await DownloadAsync(page, page.GetByTestId("export-results"), ".xlsx"));
        Assert.Equal(["Terpilih", "Daftar tunggu"], results.Select(s => s.Name));
        Assert.Equal(demo.Listed.Order(), results.SelectMany(s => NiksOf(s.Rows)).Order());
        var pdf = await ExportFiles.PdfTextAsync(await DownloadAsync(page, page.GetByTestId("selection-report"), ".pdf"));
        if (pdf is not null)
        {
            var words = string.Join(' ', pdf.Split((char[])[' ', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("BERITA ACARA HASIL SELEKSI", words, StringComparison.Ordinal);
            Assert.Contains(DemoRoundsSeeder.AppealRoundName, words, StringComparison.Ordinal);
            Assert.Contains(SignatoryName, words, StringComparison.Ordinal);
            Assert.Contains(SignatoryTitle, words, StringComparison.Ordinal);
            Assert.Contains("NIP " + SignatoryNip, words, StringComparison.Ordinal);
            Assert.DoesNotContain(demo.Listed[0], words, StringComparison.Ordinal);
        }
        else
        {
            output.WriteLine("pdftotext is not installed: the report's words were not read.");
        }

        // The run's page printed: the result without the menu or the footer.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("nav.navbar")).ToBeHiddenAsync();
        await Expect(page.Locator("footer")).ToBeHiddenAsync();
        await Expect(page.Locator("main h1")).ToBeVisibleAsync();
    }, Laptop());

    [BrowserFact]
    public Task AKelurahanOperatorIsNotOfferedTheOfficersExports() => app.RunAsync(output, async page =>
    {
        var demo = await DemoAsync();
        await SignInAsync(page, "operator.kauman");
        await Expect(page).ToHaveURLAsync(new Regex("/Beranda$"));
        // The appeals of the operator's kelurahan are counted, but answering them is the officer's work.
        await Expect(page.Locator("[data-todo=appeals]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-todo=appeals] a")).ToHaveCountAsync(0);
        await Expect(page.Locator("main a[href^='/Selection'], main a[href*='.pdf'], main a[href*='results.xlsx']")).ToHaveCountAsync(0);

        // Their own kelurahan's applicants only, in their Excel file.
        await page.GotoAsync($"/Applications?programId={demo.ProgramId}");
        var own = NiksOf(ExportFiles.Sheets(await DownloadAsync(page, page.GetByTestId("export-applications"), ".xlsx"))[0].Rows);
        Assert.Equal(demo.KaumanNiks.Order(), own.Order());
        Assert.NotEmpty(own);

        // The run's page and its files are refused, as the access table says: the page by redirect, the files with 403.
        await page.GotoAsync($"/Selection/{demo.ProgramId}/Runs/{demo.RunId}");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/AccessDenied"));
        foreach (var file in OfficersFiles)
        {
            var response = await page.APIRequest.GetAsync($"/api/v1/programs/{demo.ProgramId}/selection-runs/{demo.RunId}/{file}");
            Assert.Equal(403, response.Status);
        }
    }, Laptop());

    /// <summary>Signs in as a demo user, whose password is set here as <c>reset-demo-passwords</c> would.</summary>
    private async Task SignInAsync(IPage page, string local)
    {
        using (var scope = app.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync($"{local}@{DemoSeeder.Domain}") ?? throw new InvalidOperationException(local);
            var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), Password);
            Assert.True(reset.Succeeded, string.Join(" ", reset.Errors.Select(e => e.Description)));
        }
        await (await new LoginPage(page).OpenAsync()).SignInAsync($"{local}@{DemoSeeder.Domain}", Password);
    }

    private static async Task<byte[]> DownloadAsync(IPage page, ILocator link, string extension)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.EndsWith(extension, download.SuggestedFilename, StringComparison.Ordinal);
        return await File.ReadAllBytesAsync(await download.PathAsync());
    }

    /// <summary>The NIK column of a sheet: each one a 16-digit text cell, never a number such as 3.57E+15.</summary>
    private static List<string> NiksOf(List<object?[]> rows)
    {
        var column = ExportFiles.Column(rows, "NIK");
        Assert.True(column >= 0, "no NIK column");
        var niks = rows.Skip(1).Select(r => Assert.IsType<string>(r[column])).ToList();
        Assert.All(niks, nik => Assert.Matches(SixteenDigits(), nik));
        return niks;
    }

    [GeneratedRegex("^[0-9]{16}$")]
    private static partial Regex SixteenDigits();

    private sealed record Demo(int ProgramId, long RunId, DateOnly RegistrationOpens, DateOnly AppealOpens, DateOnly AppealCloses,
        int Messages, List<string> Niks, List<string> KaumanNiks, List<string> Listed);

    /// <summary>The demo's round in its appeal window, read from the database the app uses.</summary>
    private async Task<Demo> DemoAsync()
    {
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var program = await db.Programs.AsNoTracking().SingleAsync(p => p.Name == DemoRoundsSeeder.AppealRoundName);
        // The signatory, as an administrator enters it on the agency's settings (the test app's agency has none).
        await db.Agencies.Where(a => a.Id == program.AgencyId).ExecuteUpdateAsync(u => u
            .SetProperty(a => a.SignatoryName, SignatoryName).SetProperty(a => a.SignatoryTitle, SignatoryTitle)
            .SetProperty(a => a.SignatoryEmployeeNumber, SignatoryNip));
        var run = await db.SelectionRuns.AsNoTracking().SingleAsync(r => r.ProgramId == program.Id && r.Status == SelectionRunStatus.Published);
        var applicants = await (from a in db.Applications
                                where a.ProgramId == program.Id
                                join p in db.Persons on a.PersonId equals p.Id
                                select new { p.Nik, a.VillageCode }).ToListAsync();
        var listed = await (from d in db.SelectionDecisions
                            where d.RunId == run.Id && (d.Status == DecisionStatus.Selected || d.Status == DecisionStatus.Promoted || d.Status == DecisionStatus.Waitlisted)
                            join a in db.Applications on d.ApplicationId equals a.Id
                            join p in db.Persons on a.PersonId equals p.Id
                            select p.Nik).ToListAsync();
        var messages = await db.OutboxMessages.CountAsync(m => (m.Status == MessageStatus.Pending || m.Status == MessageStatus.Failed)
            && m.AgencyId == program.AgencyId && db.Applications.Any(a => a.Id == m.ApplicationId));
        return new Demo(program.Id, run.Id, program.RegistrationOpens, program.AppealOpens!.Value, program.AppealCloses!.Value, messages,
            [.. applicants.Select(a => a.Nik)], [.. applicants.Where(a => a.VillageCode == DemoSeeder.DemoVillage).Select(a => a.Nik)], listed);
    }
}
