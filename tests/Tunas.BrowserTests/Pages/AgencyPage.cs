using Microsoft.Playwright;

namespace Tunas.BrowserTests.Pages;

/// <summary>/Agency (Features/Agencies/Edit.cshtml): the agency's settings, with its home regency/city.</summary>
public sealed class AgencyPage(IPage page) : AppPage(page)
{
    public RegionPicker HomeRegency => new(Page.Locator("[data-region-picker]"));

    public Task SaveAsync() => Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();
}
