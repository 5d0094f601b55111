using Tunas.Web.Features.Audit;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Businesses.Catalogue;

/// <summary>The catalogue's authorization policies.</summary>
public static class CataloguePolicies
{
    /// <summary>Add and change a business's products: officers, and the business's owner (checked per business).</summary>
    public const string Products = "CatalogueProducts";

    /// <summary>Curate products, enter and follow bulk orders, see the city's spending: officers.</summary>
    public const string Curate = "CatalogueCurate";

    /// <summary>A participant's own products and offers.</summary>
    public const string Own = "CatalogueOwn";
}

/// <summary>The catalogue's services and endpoints, for Program.cs.</summary>
public static class CatalogueModule
{
    public static IServiceCollection AddCatalogue(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(CataloguePolicies.Products, p => p.RequireRole(Roles.Administrator, Roles.ProgramOfficer, Roles.Participant))
            .AddPolicy(CataloguePolicies.Curate, p => p.RequireRole(Roles.Administrator, Roles.ProgramOfficer))
            .AddPolicy(CataloguePolicies.Own, p => p.RequireRole(Roles.Participant));
        services.AddSingleton<CatalogueChoiceCache>();
        services.AddScoped<ProductBook>();
        services.AddScoped<OrderClickCounts>();
        services.AddScoped<PublicCatalogue>();
        services.AddScoped<BulkOrderDesk>();
        services.AddScoped<CitySpending>();
        services.AddSingleton<IAuditVocabulary, CatalogueAuditVocabulary>();
        return services;
    }

    public static IEndpointRouteBuilder MapCatalogue(this IEndpointRouteBuilder app) => app.MapProductsApi().MapPublicCatalogue().MapBulkOrdersApi();
}
