using Microsoft.Playwright;

namespace Tunas.BrowserTests.Pages;

/// <summary>The landing page (Features/Home/Index.cshtml).</summary>
public sealed class HomePage(IPage page) : AppPage(page)
{
    public ILocator Lead => Page.Locator("main .lead");

    public async Task<HomePage> OpenAsync()
    {
        await Page.GotoAsync("/");
        return this;
    }
}
