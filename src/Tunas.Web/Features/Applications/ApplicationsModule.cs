namespace Tunas.Web.Features.Applications;

/// <summary>The services and endpoints of this feature, for Program.cs.</summary>
public static class ApplicationsModule
{
    public static IServiceCollection AddApplications(this IServiceCollection services)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapApplications(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
