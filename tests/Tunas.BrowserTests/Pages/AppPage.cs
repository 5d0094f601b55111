using Microsoft.Playwright;

namespace Tunas.BrowserTests.Pages;

/// <summary>What every page shares (Features/Shared/_Layout.cshtml): the menu, the message after a save, the footer.</summary>
public class AppPage(IPage page)
{
    public IPage Page { get; } = page;

    private ILocator Menu => Page.Locator("#mainNav");

    /// <summary>A link of the main menu by its exact text, e.g. "Pengguna".</summary>
    public ILocator MenuLink(string text) => Menu.GetByRole(AriaRole.Link, new() { Name = text, Exact = true });

    /// <summary>Follows a menu entry, opening the collapsed menu (phone) or the "Lainnya" drop-down first when needed.</summary>
    public async Task FollowMenuAsync(string text)
    {
        var link = MenuLink(text);
        var toggler = Page.Locator(".navbar-toggler");
        if (!await link.IsVisibleAsync() && await toggler.IsVisibleAsync())
        {
            await toggler.ClickAsync();
        }
        if (!await link.IsVisibleAsync())
        {
            await Page.GetByTestId("more-menu").ClickAsync();
        }
        await link.ClickAsync();
    }

    public ILocator SignedInAs => Page.GetByTestId("signed-in-as");

    /// <summary>The green message a page shows after a redirect (TempData).</summary>
    public ILocator Message => Page.Locator("main > .alert-success");

    /// <summary>Form-level errors (the validation summary).</summary>
    public ILocator Errors => Page.Locator("main .validation-summary-errors li");

    public ILocator Html => Page.Locator("html");

    public async Task SignOutAsync()
    {
        await Menu.GetByRole(AriaRole.Button, new() { Name = "Keluar", Exact = true }).ClickAsync();
        // The page first counts the cashbook entries not yet sent, then posts: the click returns before the
        // sign-out's navigation starts, and a test that went on at once would cut that navigation off.
        await Assertions.Expect(Page.GetByTestId("signed-in-as")).ToHaveCountAsync(0);
    }

    /// <summary>The language buttons of the footer: "Bahasa Indonesia" or "English".</summary>
    public Task ChooseLanguageAsync(string language) =>
        Page.Locator("footer").GetByRole(AriaRole.Button, new() { Name = language, Exact = true }).ClickAsync();

    /// <summary>Width of the whole document; wider than the viewport means the page scrolls sideways.</summary>
    public Task<int> ScrollWidthAsync() => Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
}
