using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Regions;

/// <summary>The official regions: services, the import command and the endpoints, for Program.cs.</summary>
public static class RegionsModule
{
    public static IServiceCollection AddRegions(this IServiceCollection services)
    {
        services.AddSingleton<RegionDirectory>();
        services.AddScoped<RegionStore>();
        services.AddScoped<IAppCommand, RegionsImportCommand>();
        return services;
    }
}
