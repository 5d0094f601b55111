using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Audit;
using Tunas.Web.Features.Training.Allowances;
using Tunas.Web.Features.Training.Kits;
using Tunas.Web.Features.Training.Participants;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Training;

/// <summary>The training's authorization policies (decision 0022).</summary>
public static class TrainingPolicies
{
    /// <summary>Create and change cohorts, place and move participants, edit sessions: officers.</summary>
    public const string ManageCohorts = nameof(ManageCohorts);

    /// <summary>See cohorts and mark attendance: officers, and provider staff for their own provider's cohorts.</summary>
    public const string Cohorts = nameof(Cohorts);
}

/// <summary>The services and endpoints of this feature, for Program.cs.</summary>
public static class TrainingModule
{
    public static IServiceCollection AddTraining(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(TrainingPolicies.ManageCohorts, p => p.RequireRole(Roles.Administrator, Roles.ProgramOfficer))
            .AddPolicy(TrainingPolicies.Cohorts, p => p.RequireRole(Roles.Administrator, Roles.ProgramOfficer, Roles.ProviderStaff));
        services.AddScoped<CohortScope>();
        services.AddScoped<CohortReader>();
        services.AddScoped<CohortWriter>();
        services.AddScoped<CohortCorrections>();
        services.AddScoped<CohortPlacement>();
        services.AddScoped<AttendanceBook>();
        services.AddScoped<Participants.ParticipantAccounts>();
        services.AddScoped<Participants.ParticipantSelf>();
        services.AddParticipants();
        services.AddSingleton<TrainingTexts>();
        services.AddScoped<Allowances.AllowanceBook>();
        services.AddScoped<Allowances.AllowanceSheetPdf>();
        services.AddOptions<Kits.KitOptions>().BindConfiguration(Kits.KitOptions.Section);
        services.AddScoped<Kits.KitProofs>();
        services.AddScoped<Kits.KitBook>();
        services.AddScoped<Kits.KitHandovers>();
        services.AddScoped<Kits.KitReceiptPdf>();
        services.AddScoped<Kits.ProgramSpendingReader>();
        // After Applications' default: the last registration answers, so a placed applicant sees the cohort's dates.
        services.AddScoped<ITrainingSchedule, CohortTrainingSchedule>();
        services.AddScoped<Selection.ITrainingPlaces, TrainingPlaces>();
        services.AddSingleton<IAuditVocabulary, TrainingAuditVocabulary>();
        Certificates.CertificatesModule.AddAssessmentsAndCertificates(services);
        CheckIn.CheckInApi.AddCheckIn(services);
        return services;
    }

    public static IEndpointRouteBuilder MapTraining(this IEndpointRouteBuilder app)
    {
        app.MapCohortsApi();
        app.MapParticipantsApi();
        app.MapAllowancesApi();
        app.MapKitsApi();
        Certificates.CertificatesModule.MapAssessmentsAndCertificates(app);
        CheckIn.CheckInApi.MapCheckIn(app);
        return app;
    }
}
