using Microsoft.Playwright;

namespace Tunas.BrowserTests.Pages;

/// <summary>/Users (Features/Users/Index.cshtml): the agency's users.</summary>
public sealed class UsersPage(IPage page) : AppPage(page)
{
    /// <summary>The row of one user, found by e-mail.</summary>
    public ILocator Row(string email) => Page.Locator("main tbody tr").Filter(new() { HasText = email });

    /// <summary>The "Bound to" cell of a user: the kelurahan of an operator.</summary>
    public ILocator BoundTo(string email) => Row(email).Locator("td").Nth(3);

    public ILocator RoleOf(string email) => Row(email).Locator("td").Nth(2);

    public async Task<NewUserPage> NewUserAsync()
    {
        await Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Pengguna baru", Exact = true }).ClickAsync();
        return new NewUserPage(Page);
    }
}

/// <summary>/Users/Create (Features/Users/Create.cshtml and _UserFields.cshtml).</summary>
public sealed class NewUserPage(IPage page) : AppPage(page)
{
    /// <summary>The kelurahan of a kelurahan operator: shown only for that role, rooted at the agency's regency.</summary>
    public RegionPicker Village => new(Page.Locator("[data-show-when='Input_Role=VillageOperator'] [data-region-picker]"));

    public async Task FillAsync(string email, string password)
    {
        await Page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        await Page.GetByLabel("Kata sandi", new() { Exact = true }).FillAsync(password);
    }

    /// <summary>Chooses a role by the label the user reads, e.g. "Operator Kelurahan".</summary>
    public Task ChooseRoleAsync(string label) =>
        Page.GetByLabel("Peran", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = label });

    public Task SaveAsync() => Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();
}
