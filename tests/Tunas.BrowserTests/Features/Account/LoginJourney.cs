using Tunas.BrowserTests.Infrastructure;
using Tunas.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Tunas.BrowserTests.Features.Account;

public sealed class LoginJourney(ConfiguredApp app, ITestOutputHelper output) : IClassFixture<ConfiguredApp>
{
    private const string Wrong = "E-mail atau kata sandi salah.";
    private const string Locked = "Terlalu banyak percobaan gagal. Akun ini dikunci sementara; coba lagi nanti atau hubungi administrator.";

    [BrowserFact]
    public Task WrongPasswordsShowOneMessageAndOnlyTheRightPasswordLearnsOfTheLock() => app.RunAsync(output, async page =>
    {
        var login = await new LoginPage(page).OpenAsync();

        // An unknown e-mail and a wrong password read the same.
        await login.SignInAsync("tidak.ada@uji.test", "salah-sekali-1");
        await Expect(login.Errors).ToHaveTextAsync([Wrong]);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await login.SignInAsync(ConfiguredAdmin.Email, "salah-sekali-" + attempt);
            await Expect(login.Errors).ToHaveTextAsync([Wrong]);
        }

        // The fifth failure locks the account, in the words of any wrong password (a guesser learns nothing);
        // then even the right password is refused, and only the right password learns of the lock.
        await login.SignInAsync(ConfiguredAdmin.Email, "salah-sekali-5");
        await Expect(login.Errors).ToHaveTextAsync([Wrong]);
        await login.SignInAsync(ConfiguredAdmin.Email, "salah-sekali-6");
        await Expect(login.Errors).ToHaveTextAsync([Wrong]);
        await login.SignInAsync(ConfiguredAdmin.Email, ConfiguredAdmin.Password);
        await Expect(login.Errors).ToHaveTextAsync([Locked]);
        await Expect(login.SignedInAs).ToHaveCountAsync(0);
    });
}
