using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Tunas.BrowserTests.Infrastructure;
using Tunas.BrowserTests.Pages;
using Tunas.IntegrationTests.Features.Selection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Features.Businesses.FollowUps;
using Tunas.Web.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Tunas.BrowserTests.Features.Impact;

/// <summary>
/// The mayor's office reads the impact dashboard (issue 15): the funnel equals the API's for each filter and follows a
/// change of program and kelurahan; every chart has its table, and the tables stand without JavaScript; the PDF report
/// and the open-data CSV download; and no NIK or name of a resident or worker appears on the way.
/// </summary>
public sealed partial class DashboardJourney(ImpactCity app, ITestOutputHelper output) : IClassFixture<ImpactCity>
{
    private static readonly string[] Stages =
        ["registry", "applied", "eligible", "selected", "started", "completed", "businessStarted", "active3m", "active6m", "active12m", "workers"];

    private static readonly string[] Tables = ["funnel", "reach", "desil", "villages", "outcomes"];

    [BrowserFact]
    public Task LeadershipReadsTheDashboardFiltersItAndDownloadsTheReports() => app.RunAsync(output, async page =>
    {
        var login = await new LoginPage(page).OpenAsync();
        await login.SignInAsync(TunasFactory.EmailOf(Roles.Leadership), TunasFactory.Password);
        await Expect(page).ToHaveURLAsync(new Regex("/Beranda$"));

        // Everything of the agency, then one program, then one kelurahan of it: the page agrees with the API each time.
        await page.GotoAsync("/Dampak");
        var all = await FunnelAsync(page, "");
        Assert.Equal(11, all[1]);
        await NothingPersonalAsync(page);
        var program = app.ProgramId.ToString(CultureInfo.InvariantCulture);
        await page.Locator("#f-programId").SelectOptionAsync(program);
        await page.Locator("[data-testid='dashboard-filter'] button[type='submit']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("programId=" + program));
        var one = await FunnelAsync(page, "?programId=" + program);
        Assert.Equal((8, 2), (one[1], one[4]));
        await NothingPersonalAsync(page);

        // Every chart is drawn from a table beside it.
        var charts = page.Locator("table[data-chart]");
        Assert.True(await charts.CountAsync() >= 2);
        foreach (var chart in await charts.AllAsync())
        {
            var id = await chart.GetAttributeAsync("data-testid");
            await Expect(chart).ToBeVisibleAsync();
            await Expect(page.Locator($"[data-chart-for='{id}'] canvas")).ToHaveCountAsync(1);
        }

        // The open data of the program: a count of 6 stands, the smaller ones read <5, no cell is a bare 1 to 4.
        var csv = Encoding.UTF8.GetString(await DownloadAsync(page, "/api/v1/dashboard/open-data.csv"));
        var cells = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).SelectMany(l => l.Split(',')).ToList();
        Assert.Contains("6", cells);
        Assert.Contains("<5", cells);
        Assert.DoesNotContain(cells, c => Regex.IsMatch(c, "^[1-4]$"));
        AssertNothingPersonal(csv, "the open data");

        await page.Locator("#f-villageCode").SelectOptionAsync(ProgramScenario.Village2);
        await page.Locator("[data-testid='dashboard-filter'] button[type='submit']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("villageCode=" + Regex.Escape(ProgramScenario.Village2)));
        var village = await FunnelAsync(page, $"?programId={program}&villageCode={ProgramScenario.Village2}");
        Assert.Equal((2, 0), (village[1], village[4]));
        await NothingPersonalAsync(page);

        // The mayor's PDF for the same filter: the program's budget is written in it.
        var pdf = await DownloadAsync(page, "/api/v1/dashboard/report.pdf");
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        if (await PdfTextAsync(pdf) is { } text)
        {
            Assert.Contains("150.000.000", text, StringComparison.Ordinal);
            AssertNothingPersonal(text, "the PDF");
        }

        // Without JavaScript (same session): the same figures, as tables, and no chart.
        await using var plain = await page.Context.Browser!.NewContextAsync(new()
        {
            BaseURL = app.App.BaseAddress.ToString(),
            JavaScriptEnabled = false,
            StorageState = await page.Context.StorageStateAsync(),
            Locale = "id-ID",
            TimezoneId = "Asia/Jakarta",
        });
        var noScript = await plain.NewPageAsync();
        await noScript.GotoAsync(page.Url);
        await Expect(noScript.GetByTestId("funnel")).ToBeVisibleAsync();
        await Expect(noScript.Locator("canvas")).ToHaveCountAsync(0);
        Assert.Equal(village, await ValuesAsync(noScript));
        foreach (var table in Tables)
        {
            await Expect(noScript.GetByTestId(table)).ToBeVisibleAsync();
        }
    });

    /// <summary>The funnel's figures on the page, checked against the API's for the same filter.</summary>
    private static async Task<int?[]> FunnelAsync(IPage page, string query)
    {
        var shown = await ValuesAsync(page);
        var api = await page.APIRequest.GetAsync("/api/v1/dashboard" + query);
        Assert.Equal(200, api.Status);
        var funnel = (await api.JsonAsync())!.Value.GetProperty("funnel");
        var expected = Stages.Select(s => funnel.GetProperty(s) is { ValueKind: JsonValueKind.Number } n ? n.GetInt32() : (int?)null).ToArray();
        Assert.Equal(expected, shown);
        return shown;
    }

    private static async Task<int?[]> ValuesAsync(IPage page)
    {
        // The whole table is in: a new page's address shows before its body is read.
        await Expect(page.Locator("table[data-testid='funnel'] td[data-value]")).ToHaveCountAsync(Stages.Length);
        return [.. (await page.Locator("table[data-testid='funnel'] td[data-value]").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.value)"))
            .Select(v => v.Length == 0 ? (int?)null : int.Parse(v, CultureInfo.InvariantCulture))];
    }

    private static async Task<byte[]> DownloadAsync(IPage page, string link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator($"a[href^='{link}']").ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"dampak-{Guid.NewGuid():N}");
        await download.SaveAsAsync(file);
        try
        {
            return await File.ReadAllBytesAsync(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The PDF's text by poppler's pdftotext, or null where it is not installed.</summary>
    private static async Task<string?> PdfTextAsync(byte[] pdf)
    {
        if (!File.Exists("/usr/bin/pdftotext"))
        {
            return null;
        }
        var file = Path.Combine(Path.GetTempPath(), $"dampak-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("/usr/bin/pdftotext", [file, "-"]) { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task NothingPersonalAsync(IPage page) => AssertNothingPersonal(await page.ContentAsync(), page.Url);

    private void AssertNothingPersonal(string text, string where)
    {
        Assert.False(SixteenDigits().IsMatch(text), "A 16-digit number in " + where);
        Assert.All(app.Names, name => Assert.False(text.Contains(name, StringComparison.OrdinalIgnoreCase), name + " in " + where));
    }

    // 16 digits standing alone: a NIK or No. KK, not the decimals of a share.
    [GeneratedRegex(@"(?<![\d.])\d{16}(?!\d)")]
    private static partial Regex SixteenDigits();
}

/// <summary>
/// The configured app with the role users and two programs: the first with six applicants in one kelurahan and two in
/// another, selected and published, its two graduates placed in a cohort that ended 200 days ago, one of them running a
/// business with two workers and answering the 3-month follow-up; the second with three applicants and no selection yet.
/// </summary>
public sealed class ImpactCity : StaffFixture
{
    private static readonly string[] Marketing = ["marketing"];

    public int ProgramId { get; private set; }

    /// <summary>The residents' and workers' names, which Leadership must never see.</summary>
    public IReadOnlyList<string> Names { get; private set; } = [];

    protected override async Task SeededAsync(BrowserAppFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var scenario = await ProgramScenario.CreateAsync(app);
        ProgramId = scenario.ProgramId;
        await scenario.QuotasAsync(app, (ProgramScenario.Village1, null, 2));
        for (var i = 0; i < 6; i++)
        {
            await scenario.ApplyAsync(app, "dampak" + i, ProgramScenario.Village1, 1 + (i % 4), scenario.TrackA, female: i % 2 == 0);
        }
        await scenario.ApplyAsync(app, "jauh0", ProgramScenario.Village2, 2, scenario.TrackB);
        await scenario.ApplyAsync(app, "jauh1", ProgramScenario.Village2, 3, scenario.TrackB, female: false);
        var selected = await Graduates.SelectAsync(app, scenario);
        Assert.Equal(2, selected.Count);
        await Graduates.CohortAsync(app, scenario, ProgramScenario.Today.AddDays(-200), selected);
        var owner = scenario.Applicants.Values.Single(a => a.ApplicationId == selected[0]).PersonId;

        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var business = await officer.PostAsJsonAsync("/api/v1/businesses", new
        {
            ownerPersonIds = new[] { owner },
            name = "Kue Dampak",
            category = "makanan",
            villageCode = ProgramScenario.Village1,
            startedOn = ProgramScenario.Today.AddDays(-150).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            status = "active",
        });
        var businessId = (await business.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        string[] workers = ["Rina Pekerja Uji", "Tono Pekerja Uji"];
        foreach (var worker in workers)
        {
            (await officer.PostAsJsonAsync($"/api/v1/businesses/{businessId}/workers", new
            {
                fullName = worker,
                hoursPerWeek = 30,
                payBand = "oneToTwoMillion",
                startedOn = ProgramScenario.Today.AddDays(-120).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            })).EnsureSuccessStatusCode();
        }
        (await officer.PostAsync($"/api/v1/programs/{ProgramId}/followups/plan", null)).EnsureSuccessStatusCode();
        var threeMonths = await Graduates.DbAsync(app, db => db.Set<FollowUp>().Where(f => f.PersonId == owner && f.MonthsAfter == 3).Select(f => f.Id).SingleAsync());
        (await officer.PostAsJsonAsync($"/api/v1/followups/{threeMonths}/visit", new
        {
            channel = "visit",
            visitedOn = ProgramScenario.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            businessActive = true,
            monthlyRevenue = 2_000_000,
            monthlyProfit = 600_000,
            workers = 2,
            householdMonthlyIncome = 3_000_000,
            needs = Marketing,
        })).EnsureSuccessStatusCode();

        var other = await ProgramScenario.CreateAsync(app);
        for (var i = 0; i < 3; i++)
        {
            await other.ApplyAsync(app, "lain" + i, ProgramScenario.Village2, 2, other.TrackA);
        }
        Names = [.. scenario.Applicants.Keys.Concat(other.Applicants.Keys).Select(k => "Warga " + k + " Uji"), .. workers];
    }
}
