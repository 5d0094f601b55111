using Tunas.Web.Features.Applications.Exports;
using Tunas.Web.Features.Audit;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Registry;
namespace Tunas.Web.Features.Applications;

/// <summary>The services and endpoints of this feature, for Program.cs.</summary>
public static class ApplicationsModule
{
    public static IServiceCollection AddApplications(this IServiceCollection services)
    {
        services.AddOptions<ApplicationsOptions>().BindConfiguration(ApplicationsOptions.Section);
        services.AddSingleton<ProgramCatalog>();
        services.AddSingleton<ApplicationWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<ApplicationWriter>());
        services.AddSingleton<ApplicationIntake>();
        services.AddSingleton<VillageChoices>();
        services.AddScoped<ApplicationLookup>();
        services.AddScoped<ApplicationList>();
        services.AddScoped<ApplicationRecords>();
        services.AddScoped<IPersonApplications>(sp => sp.GetRequiredService<ApplicationRecords>());
        // The program's own dates until a later feature registers the cohort's (the last registration wins).
        services.AddScoped<ITrainingSchedule, ProgramTrainingSchedule>();
        services.AddScoped<HeldApplications>();
        services.AddSingleton<IAuditVocabulary, ApplicationsAuditVocabulary>();
        services.AddSingleton<IAuditVocabulary, ApplicationExportsAuditVocabulary>();
        services.AddScoped<IPersonReferences, ApplicationPersonReferences>();
        services.AddScoped<IApplicationCounts, ApplicationCounts>();
        // Needs app.UseRateLimiter() after authentication in Program.cs, so that signed-in staff are known.
        services.AddPublicRateLimits();
        return services;
    }

    public static IEndpointRouteBuilder MapApplications(this IEndpointRouteBuilder app)
    {
        app.MapPublicApplications();
        app.MapApplicationsApi();
        app.MapApplicationExports();
        return app;
    }
}
