using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Tunas.IntegrationTests.Features.Messages;

internal static class FreePort
{
    public static int Take()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// A real SMTP server on 127.0.0.1 (the SmtpServer package) that keeps what it receives. Recipients whose name
/// starts with <c>tolak</c> are refused; <see cref="FailNext"/> answers the next messages with a temporary error.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _running;
    private int _failNext;

    public int Port { get; } = FreePort.Take();

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    /// <summary>How many of the next messages get "451 try again later" instead of being taken.</summary>
    public int FailNext
    {
        get => Volatile.Read(ref _failNext);
        set => Volatile.Write(ref _failNext, value);
    }

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Filter());
        var server = new SmtpServer.SmtpServer(options, services);
        _running = server.StartAsync(_stop.Token);
        // Wait until it listens.
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new InvalidOperationException("The test SMTP server did not start.");
    }

    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. Received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            try
            {
                await _running;
            }
            catch (OperationCanceledException)
            {
            }
        }
        _stop.Dispose();
    }

    private sealed class Store(TestSmtpServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref owner._failNext) >= 0)
            {
                return new SmtpResponse(SmtpReplyCode.ServiceUnavailable, "Try again later");
            }
            Interlocked.Exchange(ref owner._failNext, 0);
            using var stream = new MemoryStream(buffer.ToArray());
            owner.Received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Filter : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!to.User.StartsWith("tolak", StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>One request the test gateway received.</summary>
public sealed record GatewayCall(string? Authorization, string? IdempotencyKey, string? ContentType, string To, string Body, string Reference, IReadOnlyList<string> Fields)
{
    public long? ContentLength { get; init; }

    public string? TransferEncoding { get; init; }
}

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, minimal API) in the role of an SMS/WhatsApp gateway: it keeps each
/// request, answers 500 as often as <see cref="FailFirst"/> says for a reference, and takes <see cref="Delay"/> per request.
/// It holds the answer for a reference in <see cref="Hold"/> until released, drops the connection without an answer
/// for one in <see cref="Drop"/>, and answers <c>GET /kirim/status/{key}</c> (501 for a key in <see cref="NoLookup"/>).
/// </summary>
public sealed class TestGateway : IAsyncDisposable
{
    private WebApplication? _app;

    public int Port { get; } = FreePort.Take();

    public string Url => $"http://127.0.0.1:{Port}/kirim";

    public ConcurrentQueue<GatewayCall> Calls { get; } = new();

    /// <summary>reference → how many more requests to answer with 500.</summary>
    public ConcurrentDictionary<string, int> FailFirst { get; } = new();

    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public string StatusUrl => $"http://127.0.0.1:{Port}/kirim/status";

    /// <summary>reference → released when the test lets the gateway answer (the request is kept at once).</summary>
    public ConcurrentDictionary<string, TaskCompletionSource> Hold { get; } = new();

    /// <summary>References whose request is kept and then answered by closing the connection.</summary>
    public ConcurrentDictionary<string, bool> Drop { get; } = new();

    /// <summary>Idempotency keys the status lookup will not answer for (501, as a gateway without lookups).</summary>
    public ConcurrentDictionary<string, bool> NoLookup { get; } = new();

    /// <summary>Idempotency key → the id the gateway gave the message.</summary>
    public ConcurrentDictionary<string, string> Ids { get; } = new();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        _app = builder.Build();
        _app.MapPost("/kirim", async (HttpRequest request) =>
        {
            using var json = await JsonDocument.ParseAsync(request.Body);
            var root = json.RootElement;
            var call = new GatewayCall(
                request.Headers.Authorization.ToString(),
                request.Headers["Idempotency-Key"].ToString(),
                request.ContentType,
                root.GetProperty("to").GetString()!,
                root.GetProperty("body").GetString()!,
                root.GetProperty("reference").GetString()!,
                [.. root.EnumerateObject().Select(p => p.Name)])
            {
                ContentLength = request.ContentLength,
                TransferEncoding = request.Headers.TransferEncoding.ToString(),
            };
            var id = "gw-" + Guid.NewGuid().ToString("N")[..12];
            Ids.TryAdd(call.IdempotencyKey ?? call.Reference, id);
            Calls.Enqueue(call);
            if (Hold.TryGetValue(call.Reference, out var hold))
            {
                await hold.Task;
            }
            if (Drop.ContainsKey(call.Reference))
            {
                request.HttpContext.Abort();
                return Results.Empty;
            }
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay);
            }
            if (FailFirst.TryGetValue(call.Reference, out var left) && left > 0)
            {
                FailFirst[call.Reference] = left - 1;
                return Results.StatusCode(StatusCodes.Status500InternalServerError);
            }
            return Results.Ok(new { id });
        });
        _app.MapGet("/kirim/status/{key}", (string key) =>
            NoLookup.ContainsKey(key) ? Results.StatusCode(StatusCodes.Status501NotImplemented)
            : Ids.TryGetValue(key, out var id) ? Results.Ok(new { id })
            : Results.NotFound());
        await _app.StartAsync();
    }

    public IReadOnlyList<GatewayCall> For(string reference) => [.. Calls.Where(c => c.Reference == reference)];

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
