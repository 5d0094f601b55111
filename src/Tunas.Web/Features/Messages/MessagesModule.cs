namespace Tunas.Web.Features.Messages;

/// <summary>The services and endpoints of this feature, for Program.cs.</summary>
public static class MessagesModule
{
    public static IServiceCollection AddMessages(this IServiceCollection services)
    {
        services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.Section);
        services.AddScoped<Outbox>();
        return services;
    }

    public static IEndpointRouteBuilder MapMessages(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
