namespace Tunas.Web.Features.Account;

/// <summary>Sign-in (cookies for pages, bearer tokens for the API), the policies, and the first-run setup, for Program.cs.</summary>
public static class AccountModule
{
    public static IServiceCollection AddAccount(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTunasAuth(configuration);
        services.AddSignInThrottle();
        services.AddSingleton<SetupState>();
        return services;
    }
}
