using Tunas.Web.Features.Audit;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Businesses;

/// <summary>The businesses' authorization policies.</summary>
public static class BusinessPolicies
{
    /// <summary>Add and change businesses, their workers, photos and permits, and the categories: officers.</summary>
    public const string ManageBusinesses = nameof(ManageBusinesses);

    /// <summary>See businesses: officers, a kelurahan operator their kelurahan's, a facilitator those assigned to them.</summary>
    public const string Businesses = nameof(Businesses);
}

/// <summary>The services and endpoints of this feature, for Program.cs.</summary>
public static class BusinessesModule
{
    public static IServiceCollection AddBusinesses(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(BusinessPolicies.ManageBusinesses, p => p.RequireRole(Roles.Administrator, Roles.ProgramOfficer))
            .AddPolicy(BusinessPolicies.Businesses, p => p.RequireRole(Roles.Administrator, Roles.ProgramOfficer, Roles.VillageOperator, Roles.Facilitator));
        services.AddScoped<BusinessScope>();
        services.AddScoped<BusinessReader>();
        services.AddScoped<BusinessWriter>();
        services.AddScoped<BusinessCategories>();
        // A merge of two registry records moves ownerships and surveys (before Impact refreshes the kept person's copies).
        services.AddScoped<Registry.IPersonReferences, BusinessPersonReferences>();
        services.AddSingleton<BusinessFiles>();
        services.AddSingleton<IAuditVocabulary, BusinessesAuditVocabulary>();
        return services;
    }

    public static IEndpointRouteBuilder MapBusinesses(this IEndpointRouteBuilder app)
    {
        app.MapBusinessesApi();
        return app;
    }
}
