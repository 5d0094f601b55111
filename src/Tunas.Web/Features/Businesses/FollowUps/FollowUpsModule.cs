using Tunas.Web.Features.Audit;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Businesses.FollowUps;

/// <summary>The follow-ups' authorization policies.</summary>
public static class FollowUpPolicies
{
    /// <summary>The work list and the visit form: facilitators (their own rows only) and officers (all of the agency).</summary>
    public const string Visits = "FollowUpVisits";

    /// <summary>Planning a program's follow-ups and assigning facilitators: officers.</summary>
    public const string Plan = "FollowUpPlan";
}

/// <summary>The follow-ups' services and endpoints, for Program.cs.</summary>
public static class FollowUpsModule
{
    public static IServiceCollection AddFollowUps(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(FollowUpPolicies.Visits, p => p.RequireRole(Roles.Administrator, Roles.ProgramOfficer, Roles.Facilitator))
            .AddPolicy(FollowUpPolicies.Plan, p => p.RequireRole(Roles.Administrator, Roles.ProgramOfficer));
        services.AddScoped<FollowUpPlanner>();
        services.AddScoped<FollowUpScope>();
        services.AddScoped<FollowUpWriter>();
        services.AddSingleton<IAuditVocabulary, FollowUpsAuditVocabulary>();
        return services;
    }

    public static IEndpointRouteBuilder MapFollowUps(this IEndpointRouteBuilder app) => app.MapFollowUpsApi();
}
