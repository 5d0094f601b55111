using Microsoft.Playwright;

namespace Tunas.BrowserTests.Pages;

/// <summary>/Registry (Features/Registry/Index.cshtml): find residents by name, kelurahan, desil, or by NIK (a POST form).</summary>
public sealed class ResidentsPage(IPage page) : AppPage(page)
{
    public ILocator Residents => Page.GetByTestId("residents");

    public async Task SearchByNameAsync(string name)
    {
        var form = Page.GetByTestId("filter-form");
        await form.Locator("[name=q]").FillAsync(name);
        await form.GetByRole(AriaRole.Button, new() { Name = "Cari", Exact = true }).ClickAsync();
    }

    public async Task FindByNikAsync(string nik)
    {
        var form = Page.GetByTestId("nik-form");
        await form.Locator("[name=Nik]").FillAsync(nik);
        await form.GetByRole(AriaRole.Button, new() { Name = "Cari dengan NIK", Exact = true }).ClickAsync();
    }
}

/// <summary>/Registry/Create (Features/Registry/Create.cshtml with _PersonFields.cshtml).</summary>
public sealed class NewResidentPage(IPage page) : AppPage(page)
{
    public RegionPicker Village => new(Page.Locator("[data-region-picker]"));

    public Task FillAsync(string label, string value) => Page.GetByLabel(label, new() { Exact = true }).FillAsync(value);

    public Task SaveAsync() => Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();
}

/// <summary>/Registry/Details/{id}: the NIK stays masked until "Tampilkan NIK" is pressed.</summary>
public sealed class ResidentPage(IPage page) : AppPage(page)
{
    public ILocator MaskedNik => Page.GetByTestId("masked-nik");

    public ILocator FullNik => Page.GetByTestId("full-nik");

    public Task ShowNikAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Tampilkan NIK", Exact = true }).First.ClickAsync();
}
