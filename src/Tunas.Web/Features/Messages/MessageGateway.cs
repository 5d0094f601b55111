using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Tunas.Web.Features.Shared.Messaging;

namespace Tunas.Web.Features.Messages;

/// <summary>
/// An SMS or WhatsApp gateway, used for phone messages when <c>Messages:GatewayEnabled</c> is true. An
/// implementation throws when the gateway did not take the message; the outbox then tries again later.
/// </summary>
public interface IMessageGateway
{
    Task SendAsync(GatewayMessage message, CancellationToken ct);
}

/// <param name="To">The number, normalised to +62...</param>
/// <param name="Reference">The outbox key of the message: the same message always has the same reference, so the gateway can drop a repeat.</param>
public sealed record GatewayMessage(string To, string Body, string Reference);

/// <summary>The gateway did not take the message; <see cref="StatusCode"/> says how it answered, if it did.</summary>
public sealed class GatewayException(string message, HttpStatusCode? statusCode = null) : Exception(message)
{
    public HttpStatusCode? StatusCode { get; } = statusCode;
}

/// <summary>
/// A generic HTTP JSON webhook gateway: <c>POST Messages:GatewayUrl</c> with <c>{"to","body","reference"}</c>, an
/// <c>Idempotency-Key</c> header with the reference, and <c>Authorization: Bearer Messages:GatewayToken</c> when set.
/// Any 2xx answer means taken. Most SMS/WhatsApp providers (or a small adapter in front of one) can take this.
/// </summary>
public sealed class WebhookGateway(HttpClient http, IOptions<MessagingOptions> options) : IMessageGateway
{
    public async Task SendAsync(GatewayMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.GatewayUrl))
        {
            throw new GatewayException("The gateway has no address (Messages:GatewayUrl).");
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, o.GatewayUrl)
        {
            Content = JsonContent.Create(new WebhookBody(message.To, message.Body, message.Reference)),
        };
        request.Headers.Add("Idempotency-Key", message.Reference);
        if (!string.IsNullOrWhiteSpace(o.GatewayToken))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.GatewayToken);
        }
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new GatewayException($"The gateway answered HTTP {(int)response.StatusCode}.", response.StatusCode);
        }
    }

    private sealed record WebhookBody(string To, string Body, string Reference);
}
