namespace Tunas.Web.Features.Registry.Imports;

/// <summary>Imports of resident files (CSV, XLSX, XLS): the background runner, the API and the pages' services.</summary>
public static class ImportsModule
{
    public static IServiceCollection AddImports(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapImports(this IEndpointRouteBuilder app) => app;
}
