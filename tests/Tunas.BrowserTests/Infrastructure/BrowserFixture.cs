using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tunas.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Tunas.BrowserTests.Infrastructure;

/// <summary>
/// One app on a free port and one Chromium per test class; every journey gets a fresh browser context
/// (no cookies, no storage). Nothing starts where no Chromium is installed: the tests are skipped then.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public abstract class BrowserFixture : IAsyncLifetime
{
    private BrowserAppFactory? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserAppFactory App => _app ?? throw new InvalidOperationException(Chromium.SkipReason);

    /// <summary>Changes the app's settings before it starts; the default is the integration tests' (one administrator).</summary>
    protected virtual void Configure(BrowserAppFactory app)
    {
    }

    /// <summary>Adds data once the app runs (its database is migrated then); nothing by default.</summary>
    protected virtual Task StartedAsync(BrowserAppFactory app) => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        if (!Chromium.IsInstalled)
        {
            return;
        }
        _app = new BrowserAppFactory();
        Configure(_app);
        await Task.Run(_app.Start);
        await StartedAsync(_app);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = Chromium.Args,
        });
    }

    /// <summary>
    /// Runs <paramref name="journey"/> in a new context. A script error, a CSP violation or a server error (5xx) on the way fails
    /// the journey; on failure a screenshot is saved next to the test assembly, under <c>screenshots/</c>.
    /// </summary>
    public async Task RunAsync(ITestOutputHelper output, Func<IPage, Task> journey, BrowserNewContextOptions? options = null,
        [CallerMemberName] string name = "")
    {
        ArgumentNullException.ThrowIfNull(journey);
        if (_browser is null)
        {
            throw new InvalidOperationException(Chromium.SkipReason);
        }
        options ??= new BrowserNewContextOptions();
        options.BaseURL = App.BaseAddress.ToString();
        options.Locale ??= "id-ID";
        options.TimezoneId ??= "Asia/Jakarta";
        await using var context = await _browser.NewContextAsync(options);
        // The CI runs the three test assemblies side by side on two cores: a page can wait its turn for seconds.
        context.SetDefaultTimeout(30_000);
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(10_000);
        var page = await context.NewPageAsync();
        var problems = new ConcurrentQueue<string>();
        page.PageError += (_, error) => problems.Enqueue("Script error on " + page.Url + ": " + error);
        // Whatever the Content-Security-Policy blocks (an inline script or style, a foreign source) fails the journey.
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                problems.Enqueue("Blocked on " + page.Url + ": " + message.Text);
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 500)
            {
                problems.Enqueue($"{response.Status} from {response.Request.Method} {response.Url}");
            }
        };
        try
        {
            await journey(page);
            Assert.True(problems.IsEmpty, string.Join(Environment.NewLine, problems));
        }
        catch (Exception failure)
        {
            var file = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await page.ScreenshotAsync(new() { Path = file, FullPage = true });
            // The requests the app saw, and what it warned about; then where and why it failed, last, because a CI
            // log is often read from its end.
            foreach (var line in App.LogLines.Where(IsWorthShowing))
            {
                output.WriteLine(line);
            }
            output.WriteLine($"Failed on {page.Url}; screenshot: {file}");
            output.WriteLine($"{failure.GetType().Name}: {failure.Message}");
            throw;
        }
    }

    private static bool IsWorthShowing(string line) =>
        line.StartsWith("Warning", StringComparison.Ordinal) || line.StartsWith("Error", StringComparison.Ordinal)
        || line.StartsWith("Critical", StringComparison.Ordinal)
        || line.StartsWith("Information Microsoft.AspNetCore.Hosting.Diagnostics", StringComparison.Ordinal);

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_app is not null)
        {
            await ((IAsyncLifetime)_app).DisposeAsync();
        }
    }
}

/// <summary>The app as the integration tests configure it: an agency in 35.72 and its administrator.</summary>
public sealed class ConfiguredApp : BrowserFixture;

/// <summary>A brand-new installation: no users, no agency name, no regency; every page leads to /Setup.</summary>
public sealed class NewInstallation : BrowserFixture
{
    protected override void Configure(BrowserAppFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Settings["Admin:Email"] = "";
        app.Settings["Admin:Password"] = "";
        app.Settings["Agency:Name"] = "";
        app.Settings["Agency:RegencyCode"] = "";
    }
}

/// <summary>The configured app with the demo loaded (`--demo`): Kota Blitar's registry, a round open for registration and one in its appeal window.</summary>
public sealed class DemoApp : BrowserFixture
{
    protected override async Task StartedAsync(BrowserAppFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Tunas.Web.Features.Demo.DemoSeeder>().SeedAsync(TextWriter.Null);
    }
}

/// <summary>The configured administrator of <see cref="ConfiguredApp"/>.</summary>
public static class ConfiguredAdmin
{
    public static string Email => TunasFactory.EmailOf(Tunas.Web.Infrastructure.Roles.Administrator);

    public const string Password = TunasFactory.Password;
}
