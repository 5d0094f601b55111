using Microsoft.Playwright;
using Tunas.BrowserTests.Infrastructure;
using Tunas.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Tunas.BrowserTests.Features.Home;

/// <summary>
/// Issue 10 in a real browser: pages and the API reference work under the Content-Security-Policy (the fixture fails
/// a journey on any violation), and a page's own API writes go through only with the antiforgery header.
/// </summary>
public sealed class SecurityJourney(ConfiguredApp app, ITestOutputHelper output) : IClassFixture<ConfiguredApp>
{
    private const string Kauman = "35.72.01.1004";

    [BrowserFact]
    public Task TheApiReferenceRendersUnderItsPolicy() => app.RunAsync(output, async page =>
    {
        await page.GotoAsync("/docs");

        // Drawn by Scalar's scripts (the page itself holds only an empty <div id="app">), from 1.4 MB of script and
        // the whole OpenAPI document: slower than a page.
        var drawn = new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 };
        await Expect(page.GetByText("Tunas API", new() { Exact = true }).First).ToBeVisibleAsync(drawn);
        await Expect(page.GetByText("/api/v1/auth/token").First).ToBeVisibleAsync(drawn);
    });

    [BrowserFact]
    public Task APageWritesThroughTheApiWithItsTokenAndItsScriptsRunFromFiles() => app.RunAsync(output, async page =>
    {
        var login = await new LoginPage(page).OpenAsync();
        await login.SignInAsync(ConfiguredAdmin.Email, ConfiguredAdmin.Password);
        await Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync();

        const string program = "{ name: 'Pelatihan Uji Token', year: 2030, budget: 50000000, targetSize: 5, registrationOpens: '2030-10-01', registrationCloses: '2030-10-15' }";
        var withoutToken = await page.EvaluateAsync<int>($"() => fetch('/api/v1/programs', {{ method: 'POST', headers: {{ 'Content-Type': 'application/json' }}, body: JSON.stringify({program}) }}).then(r => r.status)");
        var id = await page.EvaluateAsync<int>($"() => Tunas.fetch('/api/v1/programs', {{ method: 'POST', headers: {{ 'Content-Type': 'application/json' }}, body: JSON.stringify({program}) }}).then(r => r.json()).then(b => b.id)");
        var track = await page.EvaluateAsync<int>($"() => Tunas.fetch('/api/v1/programs/{id}/tracks', {{ method: 'POST', headers: {{ 'Content-Type': 'application/json' }}, body: JSON.stringify({{ name: 'Jajanan' }}) }}).then(r => r.status)");

        Assert.Equal(400, withoutToken);
        Assert.True(id > 0);
        Assert.Equal(201, track);

        // The quota grid's totals come from quota-grid.js, a file the policy allows.
        await page.GotoAsync($"/Programs/{id}/Quotas");
        await page.Locator($"tr[data-row='{Kauman}'] input[data-column]").First.FillAsync("3");
        await Expect(page.Locator("[data-column-total]").First).ToHaveTextAsync("3");
    });
}
