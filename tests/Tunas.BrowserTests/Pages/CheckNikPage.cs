using Microsoft.Playwright;

namespace Tunas.BrowserTests.Pages;

/// <summary>/Registry/CheckNik (Features/Registry/CheckNik.cshtml): what a NIK says, posted, never in the address.</summary>
public sealed class CheckNikPage(IPage page) : AppPage(page)
{
    public ILocator Result => Page.GetByTestId("nik-result");

    public async Task CheckAsync(string nik)
    {
        await Page.GetByLabel("NIK", new() { Exact = true }).FillAsync(nik);
        await Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Periksa", Exact = true }).ClickAsync();
    }
}
