using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Audit;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Selection.Exports;
namespace Tunas.Web.Features.Selection;

/// <summary>The services and endpoints of this feature, for Program.cs.</summary>
public static class SelectionRunsModule
{
    public static IServiceCollection AddSelectionRuns(this IServiceCollection services)
    {
        services.AddScoped<SelectionRunner>();
        services.AddScoped<ITrainingHistory, NoTrainingHistory>();
        services.AddScoped<ITrainingPlaces, NoTrainingPlaces>();
        services.AddScoped<SelectionDesk>();
        services.AddScoped<SelectionQueries>();
        services.AddSingleton<MessageTexts>();
        services.AddScoped<IPublishedDecisions, PublishedDecisions>();
        services.AddScoped<IAppealStatus, ApplicationAppeals>();
        services.AddScoped<IProgramProgress, SelectionProgress>();
        services.AddSingleton<IAuditVocabulary, SelectionAuditVocabulary>();
        services.AddScoped<SelectionReport>();
        services.AddSingleton<IAuditVocabulary, SelectionExportsAuditVocabulary>();
        return services;
    }

    public static IEndpointRouteBuilder MapSelectionRuns(this IEndpointRouteBuilder app)
    {
        app.MapSelectionRunsApi();
        app.MapSelectionExports();
        return app;
    }
}
