using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Tunas.Web.Features.Shared.Messaging;

namespace Tunas.Web.Features.Messages;

/// <summary>
/// An SMS or WhatsApp gateway, used for phone messages when <c>Messages:GatewayEnabled</c> is true. <see cref="SendAsync"/>
/// throws when the gateway did not take the message (the outbox then tries again later) and returns the gateway's
/// own id when it did. <see cref="LookUpAsync"/> answers, after a crash, whether a key was received.
/// </summary>
public interface IMessageGateway
{
    Task<string?> SendAsync(GatewayMessage message, CancellationToken ct);

    Task<GatewayLookup> LookUpAsync(string idempotencyKey, CancellationToken ct);
}

/// <param name="To">The number, normalised to +62...</param>
/// <param name="Reference">The outbox key of the message: the same message always has the same reference.</param>
/// <param name="IdempotencyKey">Sent as the <c>Idempotency-Key</c> header: the reference, unless an officer resent it on purpose.</param>
public sealed record GatewayMessage(string To, string Body, string Reference, string? IdempotencyKey = null)
{
    public string Key => IdempotencyKey ?? Reference;
}

/// <summary>What a gateway says about a key: taken (with its id), never received, cannot be asked, or no answer now.</summary>
public sealed record GatewayLookup(GatewayLookupAnswer Answer, string? Reference = null)
{
    public static readonly GatewayLookup NotReceived = new(GatewayLookupAnswer.NotReceived);
    public static readonly GatewayLookup Unsupported = new(GatewayLookupAnswer.Unsupported);
    public static readonly GatewayLookup Unavailable = new(GatewayLookupAnswer.Unavailable);
}

public enum GatewayLookupAnswer
{
    Taken,
    NotReceived,
    Unsupported,
    Unavailable,
}

/// <summary>The gateway did not take the message; <see cref="StatusCode"/> says how it answered, if it did.</summary>
public sealed class GatewayException(string message, HttpStatusCode? statusCode = null) : Exception(message)
{
    public HttpStatusCode? StatusCode { get; } = statusCode;
}

/// <summary>
/// A generic HTTP JSON webhook gateway: <c>POST Messages:GatewayUrl</c> with <c>{"to","body","reference"}</c> (a
/// buffered body with its Content-Length, never chunked: some gateways cannot read chunks), an <c>Idempotency-Key</c>
/// header, and <c>Authorization: Bearer Messages:GatewayToken</c> when set. Any 2xx answer means taken; an <c>id</c> (or
/// <c>messageId</c>) in its JSON is kept. With <c>Messages:GatewayStatusUrl</c>, <c>GET {url}/{key}</c> answers 200 (with the
/// id) when the gateway holds the key and 404 when it never got it.
/// </summary>
public sealed class WebhookGateway(HttpClient http, IOptions<MessagingOptions> options) : IMessageGateway
{
    public async Task<string?> SendAsync(GatewayMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.GatewayUrl))
        {
            throw new GatewayException("The gateway has no address (Messages:GatewayUrl).");
        }
        var json = JsonSerializer.SerializeToUtf8Bytes(new WebhookBody(message.To, message.Body, message.Reference), JsonSerializerOptions.Web);
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(HttpMethod.Post, o.GatewayUrl) { Content = content };
        request.Headers.Add("Idempotency-Key", message.Key);
        // A fresh connection per message: on a reused one that the gateway closes without answering, the HTTP client
        // would repeat the POST by itself, a second send that this outbox never decided.
        request.Headers.ConnectionClose = true;
        Authorize(request, o);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new GatewayException($"The gateway answered HTTP {(int)response.StatusCode}.", response.StatusCode);
        }
        return await ReferenceAsync(response, ct);
    }

    public async Task<GatewayLookup> LookUpAsync(string idempotencyKey, CancellationToken ct)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.GatewayStatusUrl))
        {
            return GatewayLookup.Unsupported;
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, o.GatewayStatusUrl.TrimEnd('/') + "/" + Uri.EscapeDataString(idempotencyKey));
        Authorize(request, o);
        using var response = await http.SendAsync(request, ct);
        return response.StatusCode switch
        {
            _ when response.IsSuccessStatusCode => new GatewayLookup(GatewayLookupAnswer.Taken, await ReferenceAsync(response, ct)),
            HttpStatusCode.NotFound => GatewayLookup.NotReceived,
            HttpStatusCode.NotImplemented or HttpStatusCode.MethodNotAllowed => GatewayLookup.Unsupported,
            _ => GatewayLookup.Unavailable,
        };
    }

    private static void Authorize(HttpRequestMessage request, MessagingOptions o)
    {
        if (!string.IsNullOrWhiteSpace(o.GatewayToken))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.GatewayToken);
        }
    }

    /// <summary>The gateway's id of the message from a JSON answer, if it gave one; a body that is not JSON is no error.</summary>
    private static async Task<string?> ReferenceAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        try
        {
            using var json = JsonDocument.Parse(text);
            foreach (var name in (string[])["id", "messageId", "message_id"])
            {
                if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(name, out var value)
                    && value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                {
                    var id = value.ToString();
                    return id.Length <= 200 ? id : id[..200];
                }
            }
        }
        catch (JsonException)
        {
        }
        return null;
    }

    private sealed record WebhookBody(string To, string Body, string Reference);
}
