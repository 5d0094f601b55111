namespace Tunas.Web.Features.Audit;

/// <summary>The audit pages; each feature registers the words of its own actions (<see cref="IAuditVocabulary"/>).</summary>
public static class AuditModule
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddSingleton<AuditLabels>();
        return services;
    }
}
