using Tunas.Web.Features.Audit;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Demo;

/// <summary>The Kota Blitar demo (<c>--demo</c>), for Program.cs.</summary>
public static class DemoModule
{
    public static IServiceCollection AddDemo(this IServiceCollection services)
    {
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoProgramSeeder>();
        services.AddScoped<DemoRoundsSeeder>();
        services.AddScoped<DemoCohortsSeeder>();
        services.AddScoped<DemoKitsSeeder>();
        services.AddScoped<DemoCashbookSeeder>();
        services.AddScoped<DemoCertificatesSeeder>();
        services.AddScoped<DemoBusinessesSeeder>();
        services.AddScoped<DemoFollowUpsSeeder>();
        services.AddScoped<DemoCatalogueSeeder>();
        services.AddScoped<IAppCommand, DemoPasswordsCommand>();
        services.AddSingleton<IAuditVocabulary, DemoAuditVocabulary>();
        return services;
    }

    /// <summary>Loads the demo when it is not there yet; passwords of the users it creates go to the console once.</summary>
    public static async Task SeedDemoAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(Console.Out);
    }
}
