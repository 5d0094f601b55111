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
        return services;
    }

    public static IEndpointRouteBuilder MapMessages(this IEndpointRouteBuilder app)
    {
        app.MapMessagesApi();
        return app;
    }

    private sealed class MessagingOptionsValidator : IValidateOptions<MessagingOptions>
    {
        public ValidateOptionsResult Validate(string? name, MessagingOptions options) =>
            options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
