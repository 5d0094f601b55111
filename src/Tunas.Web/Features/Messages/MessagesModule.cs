using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tunas.Web.Features.Shared.Messaging;

namespace Tunas.Web.Features.Messages;

/// <summary>The services and endpoints of this feature, for Program.cs.</summary>
public static class MessagesModule
{
    public static IServiceCollection AddMessages(this IServiceCollection services)
    {
        services.AddOptions<MessagingOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<MessagingOptions>, MessagingOptionsValidator>();
        services.AddScoped<MessageBoard>();

        // The sender: one pass is OutboxDispatcher.DispatchDueAsync, the loop around it OutboxSender.
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<SmtpMailer>();
        services.AddHttpClient<WebhookGateway>((sp, http) =>
            http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<MessagingOptions>>().Value.SendTimeoutSeconds));
        // Another gateway (a provider's own API) is registered before AddMessages, or replaces this one.
        services.TryAddTransient<IMessageGateway>(sp => sp.GetRequiredService<WebhookGateway>());
        services.AddHostedService<OutboxSender>();
        services.AddHostedService<PublicAddressWarning>();
        return services;
    }

    public static IEndpointRouteBuilder MapMessages(this IEndpointRouteBuilder app)
    {
        app.MapMessagesApi();
        return app;
    }

    /// <summary>Says once, at start, that links in messages follow the request's host because no public address is set.</summary>
    private sealed class PublicAddressWarning(PublicAddress address, ILogger<PublicAddressWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (!address.Configured)
            {
                logger.LogWarning("Messages:PublicBaseUrl is not set: links in messages are built from the scheme and host of the request that composes them. Set it to the public site's address, e.g. https://tunas.example.go.id.");
            }
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class MessagingOptionsValidator : IValidateOptions<MessagingOptions>
    {
        public ValidateOptionsResult Validate(string? name, MessagingOptions options) =>
            options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
