using Tunas.Web.Features.Audit;
using Tunas.Web.Features.Registry.Duplicates;
using Tunas.Web.Features.Registry.Exports;
using Tunas.Web.Features.Registry.Imports;

namespace Tunas.Web.Features.Registry;

/// <summary>The resident registry's services and endpoints, for Program.cs.</summary>
public static class RegistryModule
{
    public static IServiceCollection AddRegistry(this IServiceCollection services)
    {
        services.AddScoped<NikChecker>();
        services.AddScoped<RegistryRules>();
        services.AddScoped<PersonWriter>();
        services.AddScoped<PersonSearch>();
        services.AddScoped<Held.HeldPersons>();
        services.AddScoped<Held.HeldView>();
        services.AddScoped<IPersonReferences, Held.HeldPersonReferences>();
        services.AddScoped<PersonVerification>();
        services.AddSingleton<IAuditVocabulary, RegistryAuditVocabulary>();
        services.AddSingleton<IAuditVocabulary, RegistryExportsAuditVocabulary>();
        services.AddOptions<RegistryStatisticsOptions>().BindConfiguration(RegistryStatisticsOptions.Section);
        services.AddScoped<RegistryStatistics>();
        services.AddHostedService<RegistryStatisticsRefresher>();
        services.AddDuplicates();
        services.AddImports();
        return services;
    }

    public static IEndpointRouteBuilder MapRegistry(this IEndpointRouteBuilder app)
    {
        app.MapNik();
        app.MapPersons();
        Held.HeldApi.MapHeld(app);
        app.MapDuplicates();
        app.MapImports();
        app.MapRegistryExports();
        return app;
    }
}
