namespace Tunas.Web.Features.Shared.Messaging;

/// <summary>
/// The outbox that every feature writes to inside its own transaction; the Messages feature sends what it holds.
/// </summary>
public static class OutboxModule
{
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.Section);
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<PublicAddress>();
        services.AddScoped<Outbox>();
        return services;
    }
}
