using Tunas.Web.Features.Audit;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Businesses.Cashbook;

/// <summary>The cashbook's authorization policies.</summary>
public static class CashbookPolicies
{
    /// <summary>Her own cashbook: the Participant role only; staff never reach a single entry.</summary>
    public const string Own = "CashbookOwn";

    /// <summary>Consented monthly totals: officers of the agency.</summary>
    public const string Totals = "CashbookTotals";
}

/// <summary>The cashbook's services and endpoints, for Program.cs.</summary>
public static class CashbookModule
{
    public static IServiceCollection AddCashbook(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(CashbookPolicies.Own, p => p.RequireRole(Roles.Participant))
            .AddPolicy(CashbookPolicies.Totals, p => p.RequireRole(Roles.Administrator, Roles.ProgramOfficer));
        services.AddScoped<CashbookBook>();
        services.AddScoped<CashbookTotals>();
        services.AddSingleton<IAuditVocabulary, CashbookAuditVocabulary>();
        return services;
    }

    public static IEndpointRouteBuilder MapCashbook(this IEndpointRouteBuilder app) => app.MapCashbookApi().MapBusinessTotals();
}
