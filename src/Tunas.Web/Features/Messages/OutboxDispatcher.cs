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
}

/// <summary>
/// One pass of the sender: finds due messages of the automatic channels (e-mail, gateway), claims each, sends it
/// and records the outcome. Several app instances may share one database: a claim is a single conditional
/// UPDATE that moves <see cref="OutboxMessage.NextAttemptAt"/> forward by a lease, so only the instance whose
/// UPDATE changed the row sends it. An instance that dies while sending leaves the lease to run out, and another
/// instance then sends the message again (a gateway can drop that repeat by its reference).
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

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var now = Now();
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == MessageStatus.Pending && m.NextAttemptAt <= now
                && ((email && m.Channel == MessageChannel.Email) || (gateway && m.Channel == MessageChannel.Gateway)))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.NextAttemptAt })
            .Take(o.BatchSize)
            .ToListAsync(ct);

        int claimed = 0, sent = 0, failed = 0, gaveUp = 0;
        foreach (var candidate in due)
        {
            if (ct.IsCancellationRequested)
            {
                break;
            }
            var leaseUntil = Now().AddSeconds(o.LeaseSeconds);
            var won = await db.OutboxMessages
                .Where(m => m.Id == candidate.Id && m.Status == MessageStatus.Pending && m.NextAttemptAt == candidate.NextAttemptAt)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.NextAttemptAt, leaseUntil)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1), CancellationToken.None);
            if (won == 0)
            {
                continue; // another instance claimed it first
            }
            claimed++;
            var message = await db.OutboxMessages.AsNoTracking().FirstAsync(m => m.Id == candidate.Id, CancellationToken.None);
            var error = await SendAsync(scope.ServiceProvider, message, o);
            var outcome = await RecordAsync(db, message, leaseUntil, error, o);
            switch (outcome)
            {
                case Outcome.Sent:
                    sent++;
                    break;
                case Outcome.Retry:
                    failed++;
                    break;
                case Outcome.GaveUp:
                    failed++;
                    gaveUp++;
                    break;
            }
        }
        return new DispatchResult(due.Count, claimed, sent, failed, gaveUp);
    }

    /// <summary>The wait before attempt <paramref name="attempts"/> + 1: the first retry wait, doubled per failure, capped.</summary>
    public static TimeSpan Backoff(int attempts, MessagingOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var seconds = (double)o.FirstRetrySeconds * Math.Pow(2, Math.Max(0, attempts - 1));
        return TimeSpan.FromSeconds(Math.Min(seconds, o.MaxRetrySeconds));
    }

    /// <summary>Sends one message; null when it went, else what went wrong in words without personal data.</summary>
    private static async Task<string?> SendAsync(IServiceProvider services, OutboxMessage message, MessagingOptions o)
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
                    break;
                case MessageChannel.Gateway:
                    var gateway = services.GetService<IMessageGateway>()
                        ?? throw new GatewayException("No SMS/WhatsApp gateway is registered.");
                    await gateway.SendAsync(new GatewayMessage(message.Recipient, message.Body, message.DedupeKey), timeout.Token);
                    break;
                default:
                    return $"Channel {message.Channel} is not sent automatically.";
            }
            return null;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return $"No answer within {o.SendTimeoutSeconds} s.";
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Describe(ex, message.Recipient);
        }
    }

    private enum Outcome
    {
        Sent,
        Retry,
        GaveUp,
        LeaseLost,
    }

    private async Task<Outcome> RecordAsync(TunasDb db, OutboxMessage message, DateTime leaseUntil, string? error, MessagingOptions o)
    {
        var now = Now();
        var mine = db.OutboxMessages.Where(m => m.Id == message.Id && m.Status == MessageStatus.Pending && m.NextAttemptAt == leaseUntil);
        var to = RecipientMask.Of(message.Channel, message.Recipient);
        Outcome outcome;
        int changed;
        if (error is null)
        {
            outcome = Outcome.Sent;
            changed = await mine.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, MessageStatus.Sent)
                .SetProperty(m => m.SentAt, now)
                .SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
            logger.LogInformation("Message {MessageId} sent by {Channel} to {Recipient} (attempt {Attempt}).", message.Id, message.Channel, to, message.Attempts);
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
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LastError, error), CancellationToken.None);
            logger.LogWarning("Message {MessageId} by {Channel} to {Recipient}: attempt {Attempt} failed ({Error}); next try at {NextAttemptAt:o}.", message.Id, message.Channel, to, message.Attempts, error, next);
        }
        if (changed == 0)
        {
            // The lease ran out during the send and another instance has taken the message over; its outcome counts.
            logger.LogWarning("Message {MessageId}: the claim ran out before the outcome was stored.", message.Id);
            return Outcome.LeaseLost;
        }
        return outcome;
    }

    /// <summary>An error in words for LastError and the log: no body, and the recipient masked wherever the server repeats it.</summary>
    private static string Describe(Exception ex, string recipient)
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
    private DateTime Now()
    {
        var t = clock.GetUtcNow().UtcDateTime;
        return new DateTime(t.Ticks - (t.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }
}
