using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry.Imports;

/// <summary>Imports of resident files (CSV, XLSX, XLS): the background runner, the API and the pages' services.</summary>
public static class ImportsModule
{
    public static IServiceCollection AddImports(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section);
        services.AddScoped<ImportUploads>();
        services.AddScoped<ImportBatchWriter>();
        services.AddScoped<ImportRunner>();
        services.AddSingleton<ImportChannel>();
        services.AddSingleton<ImportLease>();
        services.AddSingleton<ImportWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<ImportWorker>());
        services.AddScoped<IAppCommand, ImportPersonsCommand>();
        return services;
    }

    public static IEndpointRouteBuilder MapImports(this IEndpointRouteBuilder app) => app.MapImportsApi();
}
