using Microsoft.Playwright;

namespace Tunas.BrowserTests.Pages;

/// <summary>/Account/Login (Features/Account/Login.cshtml).</summary>
public sealed class LoginPage(IPage page) : AppPage(page)
{
    public async Task<LoginPage> OpenAsync()
    {
        await Page.GotoAsync("/Account/Login");
        return this;
    }

    public async Task SignInAsync(string email, string password)
    {
        await Page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        await Page.GetByLabel("Kata sandi", new() { Exact = true }).FillAsync(password);
        await Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
    }
}
