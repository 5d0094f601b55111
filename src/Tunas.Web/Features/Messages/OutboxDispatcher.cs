using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tunas.Web.Data;
using Tunas.Web.Features.Shared.Messaging;

namespace Tunas.Web.Features.Messages;

/// <summary>What one pass did: messages found due, claimed by this instance, sent, failed this time, and given up.</summary>
public sealed record DispatchResult(int Due, int Claimed, int Sent, int Failed, int GaveUp)
{
    public static readonly DispatchResult None = new(0, 0, 0, 0, 0);

    /// <summary>Sends whose outcome could not be known (no answer, a crash found afterwards), left for reconciling, never repeated blindly.</summary>
    public int Uncertain { get; init; }

    /// <summary>Interrupted sends of earlier passes (or of a dead instance) settled in this pass.</summary>
    public int Reconciled { get; init; }
}

/// <summary>
/// One pass of the sender: settles interrupted sends (<see cref="InFlightSends"/>), then finds due messages of the
/// automatic channels (e-mail, gateway), claims each, sends it and records the outcome. Several app instances may
/// share one database: a claim is a single conditional UPDATE that marks the row <see cref="MessageStatus.Sending"/>
/// with a lease in <see cref="OutboxMessage.NextAttemptAt"/>, committed before the send, so only the instance
/// whose UPDATE changed the row sends it. At most once on our side: a send whose answer never came (a timeout, a
/// dropped connection, a crash) is not sent again by itself; it is reconciled with the gateway (a status lookup
/// by the idempotency key), or marked <see cref="MessageStatus.Unknown"/> for an officer to resend on purpose.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<MessagingOptions> options, ILogger<OutboxDispatcher> logger)
{
    /// <summary>
    /// Sends what is due now. Cancelling <paramref name="ct"/> stops claiming further messages; a send already
    /// under way is finished (within its own timeout) and its outcome stored, so shutting down loses nothing.
    /// </summary>
    public async Task<DispatchResult> DispatchDueAsync(CancellationToken ct)
    {
        var o = options.Value;
        var email = o.EmailConfigured;
        var gateway = o.GatewayEnabled;
        if (!email && !gateway)
        {
            return DispatchResult.None;
        }

        var reconciled = await new InFlightSends(scopes, clock, o, logger).SettleAsync(ct);
        List<(long Id, DateTime NextAttemptAt)> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
            var now = Now();
            due = [.. (await db.OutboxMessages.AsNoTracking()
                .Where(m => m.Status == MessageStatus.Pending && m.NextAttemptAt <= now
                    && ((email && m.Channel == MessageChannel.Email) || (gateway && m.Channel == MessageChannel.Gateway)))
                .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
                .Select(m => new { m.Id, m.NextAttemptAt })
                .Take(o.BatchSize)
                .ToListAsync(ct)).Select(m => (m.Id, m.NextAttemptAt))];
        }

        int claimed = 0, sent = 0, failed = 0, gaveUp = 0, uncertain = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = o.SendConcurrency, CancellationToken = CancellationToken.None };
        await Parallel.ForEachAsync(due, parallel, async (candidate, _) =>
        {
            if (ct.IsCancellationRequested)
            {
                return;
            }
            var outcome = await SendOneAsync(candidate.Id, candidate.NextAttemptAt, o);
            if (outcome is null)
            {
                return; // another instance claimed it first
            }
            Interlocked.Increment(ref claimed);
            switch (outcome)
            {
                case Outcome.Sent:
                    Interlocked.Increment(ref sent);
                    break;
                case Outcome.Retry:
                    Interlocked.Increment(ref failed);
                    break;
                case Outcome.GaveUp:
                    Interlocked.Increment(ref failed);
                    Interlocked.Increment(ref gaveUp);
                    break;
                case Outcome.Uncertain:
                    Interlocked.Increment(ref uncertain);
                    break;
            }
        });
        return new DispatchResult(due.Count, claimed, sent, failed, gaveUp) { Uncertain = uncertain, Reconciled = reconciled };
    }

    /// <summary>The wait before attempt <paramref name="attempts"/> + 1: the first retry wait, doubled per failure, capped.</summary>
    public static TimeSpan Backoff(int attempts, MessagingOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var seconds = (double)o.FirstRetrySeconds * Math.Pow(2, Math.Max(0, attempts - 1));
        return TimeSpan.FromSeconds(Math.Min(seconds, o.MaxRetrySeconds));
    }

    /// <summary>Claims one message (marked in flight and committed before anything leaves), sends it and stores the outcome; null when not won.</summary>
    private async Task<Outcome?> SendOneAsync(long id, DateTime seen, MessagingOptions o)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var leaseUntil = Now().AddSeconds(o.LeaseSeconds);
        var won = await db.OutboxMessages
            .Where(m => m.Id == id && m.Status == MessageStatus.Pending && m.NextAttemptAt == seen)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, MessageStatus.Sending)
                .SetProperty(m => m.NextAttemptAt, leaseUntil)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), CancellationToken.None);
        if (won == 0)
        {
            return null;
        }
        var message = await db.OutboxMessages.AsNoTracking().FirstAsync(m => m.Id == id, CancellationToken.None);
        var result = await SendAsync(scope.ServiceProvider, message, o);
        return await RecordAsync(db, message, leaseUntil, result, o);
    }

    /// <summary>How a send ended: taken (with the gateway's id), refused before anything was delivered, or not known.</summary>
    private sealed record SendResult(SendAnswer Answer, string? Reference = null, string? Error = null);

    private enum SendAnswer
    {
        Taken,
        NotTaken,
        Uncertain,
    }

    /// <summary>Sends one message. Only an answer that says "not taken" (or no connection at all) allows a retry.</summary>
    private static async Task<SendResult> SendAsync(IServiceProvider services, OutboxMessage message, MessagingOptions o)
    {
        // Not the shutdown token: a send under way finishes (or times out, in real time) so that its outcome is known and stored.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(o.SendTimeoutSeconds));
        try
        {
            switch (message.Channel)
            {
                case MessageChannel.Email:
                    await services.GetRequiredService<SmtpMailer>().SendAsync(
                        new EmailMessage(message.Recipient, message.RecipientName, message.Subject ?? "", message.Body, message.DedupeKey), timeout.Token);
                    return new SendResult(SendAnswer.Taken);
                case MessageChannel.Gateway:
                    var gateway = services.GetService<IMessageGateway>()
                        ?? throw new GatewayException("No SMS/WhatsApp gateway is registered.");
                    var reference = await gateway.SendAsync(new GatewayMessage(message.Recipient, message.Body, message.DedupeKey, message.SendKey), timeout.Token);
                    return new SendResult(SendAnswer.Taken, reference);
                default:
                    return new SendResult(SendAnswer.NotTaken, Error: $"Channel {message.Channel} is not sent automatically.");
            }
        }
        catch (OperationCanceledException)
        {
            // The request may have arrived and only the answer is missing (our timeout or the HttpClient's).
            return new SendResult(SendAnswer.Uncertain, Error: $"No answer within {o.SendTimeoutSeconds} s.");
        }
        catch (HttpRequestException http) when (http.StatusCode is null && !NothingLeft(http))
        {
            return new SendResult(SendAnswer.Uncertain, Error: Describe(http, message.Recipient));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new SendResult(SendAnswer.NotTaken, Error: Describe(ex, message.Recipient));
        }
    }

    /// <summary>True when the request cannot have reached the gateway: no connection was made.</summary>
    private static bool NothingLeft(HttpRequestException ex) =>
        ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

    private enum Outcome
    {
        Sent,
        Retry,
        GaveUp,
        Uncertain,
        LeaseLost,
    }

    private async Task<Outcome> RecordAsync(TunasDb db, OutboxMessage message, DateTime leaseUntil, SendResult result, MessagingOptions o)
    {
        var now = Now();
        var mine = db.OutboxMessages.Where(m => m.Id == message.Id && m.Status == MessageStatus.Sending && m.NextAttemptAt == leaseUntil);
        var to = RecipientMask.Of(message.Channel, message.Recipient);
        var error = result.Error;
        Outcome outcome;
        int changed;
        if (result.Answer == SendAnswer.Taken)
        {
            outcome = Outcome.Sent;
            changed = await mine.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, MessageStatus.Sent)
                .SetProperty(m => m.SentAt, now)
                .SetProperty(m => m.GatewayReference, result.Reference)
                .SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
            logger.LogInformation("Message {MessageId} sent by {Channel} to {Recipient} (attempt {Attempt}).", message.Id, message.Channel, to, message.Attempts);
        }
        else if (result.Answer == SendAnswer.Uncertain)
        {
            // Still in flight, its lease over at once: the next pass asks the gateway instead of sending again.
            outcome = Outcome.Uncertain;
            changed = await mine.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.LastError, error), CancellationToken.None);
            logger.LogWarning("Message {MessageId} by {Channel} to {Recipient}: no answer ({Error}); it is reconciled, not sent again.", message.Id, message.Channel, to, error);
        }
        else if (message.Attempts >= o.MaxAttempts)
        {
            outcome = Outcome.GaveUp;
            changed = await mine.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, MessageStatus.Failed)
                .SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.LastError, error), CancellationToken.None);
            logger.LogWarning("Message {MessageId} by {Channel} to {Recipient} failed for good after {Attempt} attempts: {Error}", message.Id, message.Channel, to, message.Attempts, error);
        }
        else
        {
            outcome = Outcome.Retry;
            var next = now + Backoff(message.Attempts, o);
            changed = await mine.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, MessageStatus.Pending)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LastError, error), CancellationToken.None);
            logger.LogWarning("Message {MessageId} by {Channel} to {Recipient}: attempt {Attempt} failed ({Error}); next try at {NextAttemptAt:o}.", message.Id, message.Channel, to, message.Attempts, error, next);
        }
        if (changed == 0)
        {
            // The lease ran out during the send and the message was reconciled meanwhile; that outcome counts.
            logger.LogWarning("Message {MessageId}: the claim ran out before the outcome was stored.", message.Id);
            return Outcome.LeaseLost;
        }
        return outcome;
    }

    /// <summary>An error in words for LastError and the log: no body, and the recipient masked wherever the server repeats it.</summary>
    internal static string Describe(Exception ex, string recipient)
    {
        var text = ex switch
        {
            SmtpCommandException smtp => $"SMTP {(int)smtp.StatusCode} ({smtp.ErrorCode}): {smtp.Message}",
            SmtpProtocolException => "SMTP protocol error: " + ex.Message,
            ServiceNotConnectedException or ServiceNotAuthenticatedException => ex.Message,
            MailKit.Security.AuthenticationException => "SMTP sign-in refused.",
            GatewayException => ex.Message,
            HttpRequestException http => http.StatusCode is { } code ? $"HTTP {(int)code}" : "HTTP: " + ex.Message,
            System.Net.Sockets.SocketException socket => $"Network: {socket.SocketErrorCode}",
            _ => $"{ex.GetType().Name}: {ex.Message}",
        };
        if (recipient.Length > 0)
        {
            text = text.Replace(recipient, RecipientMask.Of(recipient.Contains('@') ? MessageChannel.Email : MessageChannel.Gateway, recipient), StringComparison.OrdinalIgnoreCase);
            var digits = WhatsAppLink.Digits(recipient);
            if (!recipient.Contains('@') && digits.Length > 4)
            {
                text = text.Replace(digits, RecipientMask.Phone(recipient), StringComparison.Ordinal);
            }
        }
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= 500 ? text : text[..499] + "…";
    }

    /// <summary>Now, to the millisecond: PostgreSQL keeps microseconds, so a value with finer ticks would not compare equal.</summary>
    private DateTime Now() => Millis(clock);

    internal static DateTime Millis(TimeProvider clock)
    {
        var t = clock.GetUtcNow().UtcDateTime;
        return new DateTime(t.Ticks - (t.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }
}
