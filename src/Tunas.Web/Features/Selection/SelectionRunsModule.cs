using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Audit;
using Tunas.Web.Features.Programs;
namespace Tunas.Web.Features.Selection;

/// <summary>The services and endpoints of this feature, for Program.cs.</summary>
public static class SelectionRunsModule
{
    public static IServiceCollection AddSelectionRuns(this IServiceCollection services)
    {
        services.AddScoped<SelectionRunner>();
        services.AddScoped<SelectionDesk>();
        services.AddScoped<SelectionQueries>();
        services.AddSingleton<MessageTexts>();
        services.AddScoped<IPublishedDecisions, PublishedDecisions>();
        services.AddScoped<IAppealStatus, ApplicationAppeals>();
        services.AddScoped<IProgramProgress, SelectionProgress>();
        services.AddSingleton<IAuditVocabulary, SelectionAuditVocabulary>();
        return services;
    }

    public static IEndpointRouteBuilder MapSelectionRuns(this IEndpointRouteBuilder app)
    {
        app.MapSelectionRunsApi();
        return app;
    }
}
