namespace Tunas.Web.Features.Users;

/// <summary>Users and their roles and bindings, for Program.cs.</summary>
public static class UsersModule
{
    public static IServiceCollection AddUsers(this IServiceCollection services)
    {
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section);
        services.AddScoped<UserAdmin>();
        services.AddScoped<UserSetup>();
        return services;
    }
}
