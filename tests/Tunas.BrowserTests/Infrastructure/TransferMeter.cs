using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Playwright;

namespace Tunas.BrowserTests.Infrastructure;

/// <summary>
/// Counts the bytes a page really costs over the wire (compressed bodies and headers, as Chromium's network
/// panel shows them) through the DevTools protocol; what comes from the browser's cache costs nothing.
/// </summary>
public sealed class TransferMeter
{
    private readonly ICDPSession _session;
    private readonly ConcurrentDictionary<string, string> _urls = new();
    private readonly ConcurrentQueue<(string Url, long Bytes)> _loaded = new();

    private TransferMeter(ICDPSession session) => _session = session;

    public static async Task<TransferMeter> StartAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var session = await page.Context.NewCDPSessionAsync(page);
        var meter = new TransferMeter(session);
        session.Event("Network.requestWillBeSent").OnEvent += (_, e) =>
        {
            if (e is { } json)
            {
                meter._urls[json.GetProperty("requestId").GetString()!] = json.GetProperty("request").GetProperty("url").GetString()!;
            }
        };
        session.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            if (e is { } json)
            {
                var id = json.GetProperty("requestId").GetString()!;
                meter._loaded.Enqueue((meter._urls.GetValueOrDefault(id, id), (long)json.GetProperty("encodedDataLength").GetDouble()));
            }
        };
        await session.SendAsync("Network.enable");
        return meter;
    }

    /// <summary>Empties the browser's cache: the next page is a first visit.</summary>
    public Task ClearCacheAsync() => _session.SendAsync("Network.clearBrowserCache");

    /// <summary>Opens <paramref name="url"/> and waits until the network is quiet; returns the bytes and what they were.</summary>
    public async Task<Transfer> VisitAsync(IPage page, string url)
    {
        ArgumentNullException.ThrowIfNull(page);
        _loaded.Clear();
        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.NetworkIdle });
        var loaded = _loaded.ToList();
        return new Transfer(url, loaded.Sum(l => l.Bytes), [.. loaded.Select(l => $"{l.Bytes.ToString(CultureInfo.InvariantCulture),8} {l.Url}")]);
    }
}

public sealed record Transfer(string Url, long Bytes, IReadOnlyList<string> Details)
{
    public override string ToString() => $"{Url}: {Bytes} bytes{Environment.NewLine}{string.Join(Environment.NewLine, Details)}";
}
