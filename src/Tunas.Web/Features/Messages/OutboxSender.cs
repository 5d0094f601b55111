using Microsoft.Extensions.Options;
using Tunas.Web.Features.Shared.Messaging;

namespace Tunas.Web.Features.Messages;

/// <summary>
/// Sends the outbox in the background: a pass of <see cref="OutboxDispatcher"/> whenever a message was stored
/// (<see cref="OutboxSignal"/>) or the poll interval has passed. Idle when no channel sends by itself.
/// </summary>
public sealed class OutboxSender(
    OutboxDispatcher dispatcher, OutboxSignal signal, TimeProvider clock, IOptions<MessagingOptions> options,
    IServiceProvider services, ILogger<OutboxSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.SenderEnabled || !o.HasAutomaticChannel)
        {
            logger.LogInformation("Outbox sender idle: {Reason}.", o.SenderEnabled ? "no e-mail or gateway configured, WhatsApp links are sent by hand" : "Messages:SenderEnabled is false");
            return;
        }
        if (o.GatewayEnabled && string.IsNullOrWhiteSpace(o.GatewayUrl) && UsesWebhook())
        {
            logger.LogWarning("Messages:GatewayEnabled is true but Messages:GatewayUrl is empty: phone messages will fail until it is set.");
        }
        logger.LogInformation("Outbox sender started: e-mail {Email}, gateway {Gateway}, poll every {Seconds} s.", o.EmailConfigured, o.GatewayEnabled, o.PollSeconds);
        var poll = TimeSpan.FromSeconds(o.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                DispatchResult pass;
                do
                {
                    pass = await dispatcher.DispatchDueAsync(stoppingToken);
                }
                while (pass.Due == o.BatchSize && pass.Claimed > 0 && !stoppingToken.IsCancellationRequested);
                await signal.WaitAsync(poll, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The database may be away for a moment; the messages wait in it, nothing is lost.
                logger.LogError("Outbox pass failed ({Error}); next try in {Seconds} s.", ex.GetType().Name + ": " + ex.Message, o.PollSeconds);
                try
                {
                    await Task.Delay(poll, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        logger.LogInformation("Outbox sender stopped.");
    }

    private bool UsesWebhook()
    {
        using var scope = services.CreateScope();
        return scope.ServiceProvider.GetService<IMessageGateway>() is null or WebhookGateway;
    }
}
