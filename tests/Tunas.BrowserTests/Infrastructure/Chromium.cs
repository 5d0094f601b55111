namespace Tunas.BrowserTests.Infrastructure;

/// <summary>The machine's Chromium (Debian package <c>chromium</c>); Playwright never downloads a browser here.</summary>
public static class Chromium
{
    public static string ExecutablePath { get; } =
        Environment.GetEnvironmentVariable("TUNAS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static string SkipReason =>
        $"No Chromium at {ExecutablePath} (set TUNAS_CHROMIUM or apt-get install chromium)";

    /// <summary>No sandbox (containers, CI) and none of the browser's own traffic to the internet.</summary>
    public static IReadOnlyList<string> Args { get; } =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
    ];
}

/// <summary>A test that needs a real browser: skipped, with the reason, where no Chromium is installed.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Chromium.IsInstalled)
        {
            Skip = Chromium.SkipReason;
        }
    }
}
