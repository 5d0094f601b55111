namespace Tunas.Web.Features.Registry.Duplicates;

/// <summary>Suspected duplicates: detection, review, merge and dismissal.</summary>
public static class DuplicatesModule
{
    public static IServiceCollection AddDuplicates(this IServiceCollection services)
    {
        services.AddScoped<DuplicateDetector>();
        return services;
    }

    public static IEndpointRouteBuilder MapDuplicates(this IEndpointRouteBuilder app) => app;
}
