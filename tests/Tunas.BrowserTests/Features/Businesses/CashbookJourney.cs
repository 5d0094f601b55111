using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tunas.BrowserTests.Infrastructure;
using Tunas.IntegrationTests.Features.Selection;
using Tunas.Web.Data;
using Tunas.Web.Features.Businesses.Cashbook;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Training;
using Tunas.Web.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Tunas.BrowserTests.Features.Businesses;

/// <summary>
/// A graduate keeps her cashbook on a 360-px phone, online and offline: she signs in on the participant page with the
/// one-time code the trainer gave her and a new PIN, then records with the network cut and restored.
/// </summary>
public sealed class CashbookJourney(ConfiguredApp app, ITestOutputHelper output) : IClassFixture<ConfiguredApp>
{
    [BrowserFact]
    public async Task SheRecordsOnlineAndOfflineAndEachEntryIsStoredOnce()
    {
        var (participant, login, code) = await PlacedParticipantAsync();
        var options = new BrowserNewContextOptions { ViewportSize = new() { Width = 360, Height = 780 } };
        await app.RunAsync(output, async page =>
        {
            page.Dialog += (_, dialog) => dialog.AcceptAsync();
            await SignInAsync(page, login, code);
            var meter = await TransferMeter.StartAsync(page);
            var first = await meter.VisitAsync(page, "/me/kas");
            Assert.True(first.Bytes < 150 * 1024, first.ToString());
            var pending = page.GetByTestId("pending");

            // Online: a paid sale and an expense go to the server at once.
            await SaleAsync(page, "Kue lapis", "50000");
            await page.Locator("[data-kind=expense]").ClickAsync();
            await page.Locator("#k-item").FillAsync("Tepung");
            await page.Locator("#k-amount").FillAsync("20000");
            await page.Locator("[data-testid=entry-form] button[type=submit]").ClickAsync();
            await Expect(page.GetByTestId("entries").Locator("li", new() { HasText = "Tepung" })).ToHaveCountAsync(1);
            await Expect(pending).ToHaveTextAsync("0 belum terkirim");
            Assert.Equal(2, await CountAsync(participant));

            // Offline: a new sale, an edit of the expense, the first sale deleted; shown at once, counted as not yet sent.
            await page.Context.SetOfflineAsync(true);
            await page.Locator("[data-kind=sale]").ClickAsync();
            await SaleAsync(page, "Es teh", "15000");
            var expense = page.GetByTestId("entries").Locator("li", new() { HasText = "Tepung" });
            await expense.Locator("[data-action=edit]").ClickAsync();
            await page.Locator("#k-amount").FillAsync("25000");
            await page.Locator("[data-testid=entry-form] button[type=submit]").ClickAsync();
            await page.GetByTestId("entries").Locator("li", new() { HasText = "Kue lapis" }).Locator("[data-action=delete]").ClickAsync();
            await Expect(pending).ToHaveTextAsync("3 belum terkirim");
            await Expect(page.Locator("[data-field=profit]")).ToHaveTextAsync("Rp-10.000");
            Assert.Equal(2, await CountAsync(participant));

            // Back online: each change is sent once, by the page itself (no reload), and the server's view agrees after one.
            await page.Context.SetOfflineAsync(false);
            await Expect(pending).ToHaveTextAsync("0 belum terkirim", new() { Timeout = 30_000 });
            Assert.Equal(3, await CountAsync(participant));
            await page.ReloadAsync();
            await Expect(page.GetByTestId("entries").Locator("li")).ToHaveCountAsync(2);
        }, options);

        var rows = await RowsAsync(participant);
        Assert.Equal(3, rows.Count);
        Assert.Single(rows, r => r.Item == "Es teh" && !r.Deleted && r.Amount == 15_000);
        Assert.Single(rows, r => r.Item == "Tepung" && !r.Deleted && r.Amount == 25_000);
        Assert.Single(rows, r => r.Item == "Kue lapis" && r.Deleted);
    }

    [BrowserFact]
    public async Task SigningOutWithUnsentEntriesAsksFirstAndThenLeavesNothingOnThePhone()
    {
        var (_, login, code) = await PlacedParticipantAsync();
        var options = new BrowserNewContextOptions { ViewportSize = new() { Width = 360, Height = 780 } };
        await app.RunAsync(output, async page =>
        {
            var answer = false;
            var asked = new List<string>();
            var firstQuestion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            page.Dialog += (_, dialog) =>
            {
                asked.Add(dialog.Message);
                firstQuestion.TrySetResult();
                _ = answer ? dialog.AcceptAsync() : dialog.DismissAsync();
            };
            await SignInAsync(page, login, code);

            // The cashbook's server cannot be reached (the rest of the site can): the sale waits on the phone.
            await page.RouteAsync("**/api/v1/me/cashbook/**", route => route.AbortAsync());
            await page.GotoAsync("/me/kas");
            await SaleAsync(page, "Keripik", "12000");
            await Expect(page.GetByTestId("pending")).ToHaveTextAsync("1 belum terkirim");

            // Signing out asks first; "no" keeps her signed in with the entry.
            await page.GotoAsync("/me");
            await page.Locator("label[for=nav-toggle]").ClickAsync(); // the phone's ☰ menu
            var signOut = page.GetByRole(AriaRole.Button, new() { Name = "Keluar" });
            await signOut.ClickAsync();
            // The page counts the unsent entries before it asks: the click returns before the question comes.
            await firstQuestion.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync();
            Assert.Single(asked);
            Assert.Contains("1 catatan buku kas belum terkirim", asked[0], StringComparison.Ordinal);
            Assert.Equal(1, await page.EvaluateAsync<int>("() => indexedDB.databases().then(l => l.filter(d => d.name.startsWith('tunas-kas-')).length)"));

            // "Yes" signs her out, and the phone keeps nothing of hers: no database, no cached page.
            answer = true;
            await signOut.ClickAsync();
            await Expect(page.GetByTestId("signed-in-as")).ToHaveCountAsync(0);
            Assert.Equal(2, asked.Count);
            Assert.Equal(0, await page.EvaluateAsync<int>("() => indexedDB.databases().then(l => l.length)"));
            Assert.Equal(0, await page.EvaluateAsync<int>("() => caches.keys().then(k => k.length)"));
        }, options);
    }

    /// <summary>The participant page, with the trainer's one-time code and a new PIN.</summary>
    private static async Task SignInAsync(IPage page, string login, string code)
    {
        await page.GotoAsync("/Account/Participant");
        await page.Locator("#login").FillAsync(login);
        await page.Locator("#code").FillAsync(code);
        await page.Locator("#pin").FillAsync("135790");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        // The address only: WaitForURL waits for the load event as well when the address already matches, and
        // that event once never came under CI load (the page itself was drawn).
        await Expect(page).ToHaveURLAsync(new Regex("/me$"));
    }

    private static async Task SaleAsync(IPage page, string item, string amount)
    {
        await page.Locator("#k-item").FillAsync(item);
        await page.Locator("#k-amount").FillAsync(amount);
        await page.Locator("[data-testid=entry-form] button[type=submit]").ClickAsync();
        await Expect(page.GetByTestId("entries").Locator("li", new() { HasText = item })).ToHaveCountAsync(1);
    }

    private async Task<int> CountAsync(long participant) => (await RowsAsync(participant)).Count;

    private async Task<List<CashbookEntry>> RowsAsync(long participant)
    {
        using var scope = app.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TunasDb>().Set<CashbookEntry>().AsNoTracking().Where(e => e.ParticipantId == participant).ToListAsync();
    }

    /// <summary>A published selection of one, placed in a cohort; the participant's id, her login and a one-time sign-in code.</summary>
    private async Task<(long Participant, string Login, string Code)> PlacedParticipantAsync()
    {
        var factory = app.App;
        var scenario = await ProgramScenario.CreateAsync(factory, p => p.TargetSize = 1);
        await scenario.QuotasAsync(factory, (ProgramScenario.Village1, null, 1));
        await scenario.ApplyAsync(factory, "kas", ProgramScenario.Village1, 2, scenario.TrackA);
        var officer = await factory.ApiClientAsync(Roles.Administrator); // the browser app seeds only its administrator
        var run = await officer.PostAsync($"/api/v1/programs/{scenario.ProgramId}/selection-runs", null);
        var runId = (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        (await officer.PostAsync($"/api/v1/programs/{scenario.ProgramId}/selection-runs/{runId}/publish", null)).EnsureSuccessStatusCode();
        int provider;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
            var row = new Provider { AgencyId = (await db.Agencies.FirstAsync()).Id, Name = "LPK Kas " + Guid.NewGuid().ToString("N")[..6], Capacity = 40, CreatedAt = DateTime.UtcNow };
            db.Add(row);
            await db.SaveChangesAsync();
            provider = row.Id;
        }
        var starts = ProgramScenario.Today.AddDays(-3);
        var cohort = await officer.PostAsJsonAsync($"/api/v1/programs/{scenario.ProgramId}/cohorts", new
        {
            trackId = scenario.TrackA,
            providerId = provider,
            name = "Kas",
            place = "Aula",
            startsOn = starts.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            endsOn = starts.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            capacity = 5,
        });
        var cohortId = (await cohort.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        (await officer.PostAsync($"/api/v1/programs/{scenario.ProgramId}/cohorts/placements", null)).EnsureSuccessStatusCode();
        long participantId;
        using (var scope = factory.Services.CreateScope())
        {
            participantId = await scope.ServiceProvider.GetRequiredService<TunasDb>().Set<CohortParticipant>()
                .Where(p => p.CohortId == cohortId).Select(p => p.Id).SingleAsync();
        }
        var issued = await officer.PostAsync($"/api/v1/cohorts/{cohortId}/participants/{participantId}/sign-in-code", null);
        var body = await issued.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        return (participantId, body.GetProperty("login").GetString()!, body.GetProperty("code").GetString()!);
    }
}
