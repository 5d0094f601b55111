using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Shared.Messaging;

namespace Tunas.Web.Features.Messages;

/// <summary>
/// Settles sends found still in flight after their lease: the instance that sent them died, or the answer never
/// came. Such a message is never sent again blindly. With the gateway's id already stored it is sent; else the
/// gateway is asked by the idempotency key: "taken" makes it sent (its id kept), "never received" puts it back in
/// the queue, "cannot be asked" (or e-mail, which has no lookup) marks it <see cref="MessageStatus.Unknown"/> for an
/// officer to check and resend on purpose, and no answer leaves it in flight to be asked again later.
/// </summary>
internal sealed class InFlightSends(IServiceScopeFactory scopes, TimeProvider clock, MessagingOptions o, ILogger logger)
{
    public const string UnknownError = "The send was interrupted and the gateway cannot say whether it arrived.";

    public async Task<int> SettleAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var now = OutboxDispatcher.Millis(clock);
        var stale = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == MessageStatus.Sending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Take(o.BatchSize)
            .ToListAsync(ct);
        var settled = 0;
        foreach (var message in stale)
        {
            if (ct.IsCancellationRequested)
            {
                break;
            }
            // Claimed like a send (a new lease) so that two instances never ask, and decide, about the same message.
            var lease = OutboxDispatcher.Millis(clock).AddSeconds(o.LeaseSeconds);
            var won = await db.OutboxMessages
                .Where(m => m.Id == message.Id && m.Status == MessageStatus.Sending && m.NextAttemptAt == message.NextAttemptAt)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, lease), CancellationToken.None);
            if (won == 1 && await SettleOneAsync(scope.ServiceProvider, db, message, lease))
            {
                settled++;
            }
        }
        return settled;
    }

    private async Task<bool> SettleOneAsync(IServiceProvider services, TunasDb db, OutboxMessage message, DateTime lease)
    {
        var mine = db.OutboxMessages.Where(m => m.Id == message.Id && m.Status == MessageStatus.Sending && m.NextAttemptAt == lease);
        var now = OutboxDispatcher.Millis(clock);
        var lookup = message.GatewayReference is { } known ? new GatewayLookup(GatewayLookupAnswer.Taken, known)
            : message.Channel == MessageChannel.Gateway ? await LookUpAsync(services, message)
            : GatewayLookup.Unsupported;
        switch (lookup.Answer)
        {
            case GatewayLookupAnswer.Taken:
                await mine.ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, MessageStatus.Sent)
                    .SetProperty(m => m.SentAt, now)
                    .SetProperty(m => m.GatewayReference, lookup.Reference)
                    .SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
                logger.LogInformation("Message {MessageId}: the interrupted send had arrived (gateway id {Reference}); not sent again.", message.Id, lookup.Reference);
                return true;
            case GatewayLookupAnswer.NotReceived:
                await mine.ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, MessageStatus.Pending)
                    .SetProperty(m => m.NextAttemptAt, now), CancellationToken.None);
                logger.LogInformation("Message {MessageId}: the gateway never received the interrupted send; it goes back into the queue.", message.Id);
                return true;
            case GatewayLookupAnswer.Unsupported:
                await mine.ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, MessageStatus.Unknown)
                    .SetProperty(m => m.NextAttemptAt, now)
                    .SetProperty(m => m.LastError, UnknownError), CancellationToken.None);
                logger.LogWarning("Message {MessageId} by {Channel}: the send was interrupted and cannot be checked; marked unknown for an officer.", message.Id, message.Channel);
                return true;
            default:
                var next = now + OutboxDispatcher.Backoff(1, o);
                await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, next), CancellationToken.None);
                logger.LogWarning("Message {MessageId}: the gateway's status lookup did not answer; asked again at {NextAttemptAt:o}.", message.Id, next);
                return false;
        }
    }

    private async Task<GatewayLookup> LookUpAsync(IServiceProvider services, OutboxMessage message)
    {
        if (services.GetService<IMessageGateway>() is not { } gateway)
        {
            return GatewayLookup.Unsupported;
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(o.SendTimeoutSeconds));
        try
        {
            return await gateway.LookUpAsync(message.IdempotencyKey, timeout.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning("Message {MessageId}: status lookup failed ({Error}).", message.Id, OutboxDispatcher.Describe(ex, message.Recipient));
            return GatewayLookup.Unavailable;
        }
    }
}
