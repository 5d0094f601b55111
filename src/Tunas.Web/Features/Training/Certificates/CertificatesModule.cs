using Tunas.Web.Features.Training.Assessments;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Training.Certificates;

public static class CertificatePolicies
{
    /// <summary>A participant's own certificate: the Participant role only.</summary>
    public const string Participant = "TrainingParticipant";
}

/// <summary>Assessments, completion and certificates, for TrainingModule.</summary>
public static class CertificatesModule
{
    public static IServiceCollection AddAssessmentsAndCertificates(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(CertificatePolicies.Participant, p => p.RequireRole(Roles.Participant));
        services.AddScoped<AssessmentBook>();
        services.AddScoped<CertificateIssuer>();
        services.AddScoped<CertificateReader>();
        services.AddScoped<CertificateDocument>();
        // After Selection's default: the last registration answers, so the selection reads the recorded completions.
        services.AddScoped<Selection.ITrainingHistory, CertificateHistory>();
        return services;
    }

    public static IEndpointRouteBuilder MapAssessmentsAndCertificates(this IEndpointRouteBuilder app)
    {
        app.MapAssessmentsApi();
        app.MapCertificatesApi();
        return app;
    }
}
