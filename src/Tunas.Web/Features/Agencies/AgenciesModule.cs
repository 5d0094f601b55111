using Tunas.Web.Features.Regions;

namespace Tunas.Web.Features.Agencies;

/// <summary>The agency that runs the deployment, for Program.cs.</summary>
public static class AgenciesModule
{
    public static IServiceCollection AddAgencies(this IServiceCollection services)
    {
        services.AddOptions<AgencyOptions>().BindConfiguration(AgencyOptions.Section);
        services.AddScoped<AgencyService>();
        services.AddScoped<IHomeRegency>(sp => sp.GetRequiredService<AgencyService>());
        services.AddScoped<VillageNames>();
        services.AddSingleton<AgencyHeader>();
        return services;
    }
}
