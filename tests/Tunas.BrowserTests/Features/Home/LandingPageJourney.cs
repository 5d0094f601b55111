using Tunas.BrowserTests.Infrastructure;
using Tunas.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Tunas.BrowserTests.Features.Home;

public sealed class LandingPageJourney(ConfiguredApp app, ITestOutputHelper output) : IClassFixture<ConfiguredApp>
{
    private const int PhoneWidth = 360;

    [BrowserFact]
    public Task PhoneUserReadsTheLandingPageInBothLanguages() => app.RunAsync(output, async page =>
    {
        var home = await new HomePage(page).OpenAsync();

        // Bahasa Indonesia first, whatever the browser prefers, and nothing wider than the phone.
        await Expect(home.Html).ToHaveAttributeAsync("lang", "id");
        await Expect(home.Lead).ToContainTextAsync("Pelatihan keterampilan wirausaha");
        Assert.InRange(await home.ScrollWidthAsync(), 1, PhoneWidth);

        await home.ChooseLanguageAsync("English");
        await Expect(home.Html).ToHaveAttributeAsync("lang", "en");
        await Expect(home.Lead).ToContainTextAsync("Entrepreneurship skills training");
        Assert.InRange(await home.ScrollWidthAsync(), 1, PhoneWidth);

        // The choice is remembered from page to page.
        await page.GotoAsync("/Account/Login");
        await Expect(home.Html).ToHaveAttributeAsync("lang", "en");
        await page.GotoAsync("/");

        await home.ChooseLanguageAsync("Bahasa Indonesia");
        await Expect(home.Html).ToHaveAttributeAsync("lang", "id");
        await Expect(home.Lead).ToContainTextAsync("Pelatihan keterampilan wirausaha");
    }, new()
    {
        ViewportSize = new() { Width = PhoneWidth, Height = 740 },
        DeviceScaleFactor = 2,
        IsMobile = true,
        HasTouch = true,
        Locale = "en-US",
    });
}
