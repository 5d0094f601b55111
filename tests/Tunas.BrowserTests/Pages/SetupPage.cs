using Microsoft.Playwright;

namespace Tunas.BrowserTests.Pages;

/// <summary>/Setup (Features/Account/Setup.cshtml): the one-time page that creates the first administrator.</summary>
public sealed class SetupPage(IPage page) : AppPage(page)
{
    public async Task CreateAdministratorAsync(string agencyName, string email, string password)
    {
        await Page.GetByLabel("Nama instansi", new() { Exact = true }).FillAsync(agencyName);
        await Page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        await Page.GetByLabel("Kata sandi", new() { Exact = true }).FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Buat administrator", Exact = true }).ClickAsync();
    }
}
