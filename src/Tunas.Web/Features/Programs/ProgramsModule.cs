using Tunas.Web.Features.Audit;
namespace Tunas.Web.Features.Programs;

/// <summary>The services and endpoints of this feature, for Program.cs.</summary>
public static class ProgramsModule
{
    public static IServiceCollection AddPrograms(this IServiceCollection services)
    {
        services.AddScoped<ProgramScope>();
        services.AddScoped<ProgramReader>();
        services.AddScoped<ProgramWriter>();
        services.AddScoped<QuotaPlanner>();
        services.AddScoped<Users.IProviderDirectory, ProviderDirectory>();
        services.AddSingleton<IAuditVocabulary, ProgramsAuditVocabulary>();
        return services;
    }

    public static IEndpointRouteBuilder MapPrograms(this IEndpointRouteBuilder app)
    {
        app.MapProgramsApi();
        app.MapProvidersApi();
        return app;
    }
}
