namespace Tunas.Web.Features.Selection;

/// <summary>The services and endpoints of this feature, for Program.cs.</summary>
public static class SelectionRunsModule
{
    public static IServiceCollection AddSelectionRuns(this IServiceCollection services)
    {
        services.AddScoped<SelectionRunner>();
        services.AddScoped<SelectionDesk>();
        services.AddScoped<SelectionQueries>();
        return services;
    }

    public static IEndpointRouteBuilder MapSelectionRuns(this IEndpointRouteBuilder app)
    {
        app.MapSelectionRunsApi();
        return app;
    }
}
