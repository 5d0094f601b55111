using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Impact;

/// <summary>The impact dashboard's authorization policy.</summary>
public static class ImpactPolicies
{
    /// <summary>The dashboard, its exports and report: aggregates only, for Leadership and officers.</summary>
    public const string Dashboard = nameof(Dashboard);
}

/// <summary>The services and endpoints of this feature, for Program.cs.</summary>
public static class ImpactModule
{
    public static IServiceCollection AddImpact(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(ImpactPolicies.Dashboard, p => p.RequireRole(Roles.Administrator, Roles.ProgramOfficer, Roles.Leadership));
        services.AddScoped<DashboardReader>();
        services.AddSingleton<Facts.ImpactFactsCache>();
        services.AddHostedService<Facts.DashboardChangePruner>();
        // Registered after the applications' merge mover, so that the moved applications' places take the kept person's fields.
        services.AddScoped<PersonFieldCopies>();
        services.AddScoped<Registry.IPersonFieldCopies>(s => s.GetRequiredService<PersonFieldCopies>());
        services.AddScoped<Registry.IPersonReferences>(s => s.GetRequiredService<PersonFieldCopies>());
        return services;
    }

    public static IEndpointRouteBuilder MapImpact(this IEndpointRouteBuilder app)
    {
        app.MapDashboardApi();
        return app;
    }
}
