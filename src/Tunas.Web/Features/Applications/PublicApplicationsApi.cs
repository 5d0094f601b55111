using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Applications;

/// <summary>
/// An application as the public and the staff API take it (field names of issue 4). The NIK is a string, in the
/// body only. Kept beside <see cref="ApplicationInput"/> for its published contract: every field listed, consent
/// nullable.
/// </summary>
public sealed record ApplicationRequest(
    int? ProgramId,
    string? Nik,
    string? FamilyCardNumber,
    string? FullName,
    string? BirthDate,
    string? VillageCode,
    string? Phone,
    int? FirstTrackId,
    int? SecondTrackId,
    string? Motivation,
    bool? Consent)
{
    public ApplicationInput ToInput() => new()
    {
        ProgramId = ProgramId,
        Nik = Nik,
        FamilyCardNumber = FamilyCardNumber,
        FullName = FullName,
        BirthDate = BirthDate,
        VillageCode = VillageCode,
        Phone = Phone,
        FirstTrackId = FirstTrackId,
        SecondTrackId = SecondTrackId,
        Motivation = Motivation,
        Consent = Consent == true,
    };
}

public sealed record CheckDto(string Code, bool Passed, string Message);

/// <summary>The receipt: the number to keep, and how the basic checks went.</summary>
public sealed record ApplicationReceipt(string RegistrationNumber, ApplicationStatus Status, IReadOnlyList<CheckDto> Checks);

public sealed record StatusRequest(string? RegistrationNumber, string? BirthDate);

public sealed record TrackDto(int Id, string Name, bool WomenOnly);

public sealed record PublicProgramDto(
    int Id,
    string Name,
    string RegistrationOpens,
    string RegistrationCloses,
    bool RegistrationOpen,
    string? DomicileRegencyCode,
    IReadOnlyList<TrackDto> Tracks,
    string ConsentPurpose);

public sealed record ReasonDto(string Code, string Message);

public sealed record RuleDto(string Rule, string Status, string Code, string Message);

public sealed record ScoreDto(int Desil, int FemaleHeadedHousehold, int Disability, int NoEarner, int HouseholdSize, int Youth, int Women, int Total);

public sealed record DecisionDto(
    DecisionStatus Status,
    int? Rank,
    int? WaitlistPosition,
    int Score,
    ScoreDto? ScoreBreakdown,
    int? TrackId,
    IReadOnlyList<ReasonDto> Reasons,
    IReadOnlyList<RuleDto> Rules,
    DateTime? PublishedAt);

/// <summary>An appeal of the application and the officer's answer (null while it waits).</summary>
public sealed record ApplicantAppealDto(AppealState State, DateTime LodgedAt, string Text, string? Answer, DateTime? AnsweredAt);

/// <summary>The program's appeal window (ISO dates); <c>Offered</c> when this applicant may appeal today.</summary>
public sealed record AppealWindowDto(string Opens, string Closes, bool Open, bool Offered);

public sealed record TrainingPlaceDto(string Name, string? Address);

/// <summary>When and where a selected applicant is trained (ISO dates).</summary>
public sealed record TrainingDto(string? Starts, string? Ends, IReadOnlyList<TrainingPlaceDto> Places);

public sealed record ApplicationStatusDto(
    string RegistrationNumber,
    ApplicationStatus Status,
    int ProgramId,
    string ProgramName,
    TrackDto? FirstTrack,
    TrackDto? SecondTrack,
    string VillageCode,
    DateTime SubmittedAt,
    IReadOnlyList<CheckDto> Checks,
    DecisionDto? Selection,
    IReadOnlyList<ApplicantAppealDto> Appeals,
    AppealWindowDto? AppealWindow,
    TrainingDto? Training)
{
    public static ApplicationStatusDto From(FoundApplication a, IStringLocalizer L)
    {
        ArgumentNullException.ThrowIfNull(a);
        var d = a.Decision;
        return new(a.RegistrationNumber, a.Status, a.ProgramId, a.ProgramName, Track(a.FirstTrack), Track(a.SecondTrack), a.VillageCode,
            DateTime.SpecifyKind(a.SubmittedAt, DateTimeKind.Utc), PublicApplicationsApi.Checks(a.Checks, L),
            d is null ? null : new DecisionDto(d.Status, d.Rank, d.WaitlistPosition, d.Score,
                d.Breakdown is { } s ? new ScoreDto(s.Desil, s.FemaleHeadedHousehold, s.Disability, s.NoEarner, s.HouseholdSize, s.Youth, s.Women, s.Total) : null,
                a.DecisionTrack?.Id,
                [.. d.Reasons.Select(r => new ReasonDto(r.Code, r.Text(L)))],
                [.. d.Rules.Select(r => new RuleDto(r.Rule, r.Status, r.Reason.Code, r.Reason.Text(L)))],
                d.PublishedAt is { } p ? DateTime.SpecifyKind(p, DateTimeKind.Utc) : null),
            [.. a.Appeals.Select(x => new ApplicantAppealDto(x.State, x.LodgedAt, x.Text, x.Answer, x.AnsweredAt))],
            a.AppealWindow is { } w ? new AppealWindowDto(DateText.Iso(w.Opens), DateText.Iso(w.Closes), w.OpenToday, a.AppealOffered) : null,
            a.Training is { } t ? new TrainingDto(t.Starts is { } starts ? DateText.Iso(starts) : null, t.Ends is { } ends ? DateText.Iso(ends) : null,
                [.. t.Places.Select(x => new TrainingPlaceDto(x.Name, x.Address))]) : null);
    }

    private static TrackDto? Track(IntakeTrack? t) => t is null ? null : new TrackDto(t.Id, t.Name, t.WomenOnly);
}

/// <summary>
/// The public side of applications: the open programs, applying, and checking one's status. Anonymous, rate-limited
/// per client address (<see cref="PublicRateLimits"/>); the NIK and the birth date travel in bodies only.
/// </summary>
public static class PublicApplicationsApi
{
    public static IEndpointRouteBuilder MapPublicApplications(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/public").WithTags("Public").AllowAnonymous();

        api.MapGet("/programs", ProgramsAsync).RequireRateLimiting(PublicRateLimits.Apply)
            .WithSummary("The programs open to the public, with their tracks, registration dates and the consent text.");
        api.MapPost("/applications", ApplyAsync).RequireRateLimiting(PublicRateLimits.Apply)
            .WithSummary("Apply to a program: 201 with a new registration number, 200 with the existing one when the person applied before.");
        api.MapPost("/applications/status", StatusAsync).RequireRateLimiting(PublicRateLimits.Status)
            .WithSummary("An application's status by registration number and birth date, with the published selection result.");
        return app;
    }

    internal static async Task<Ok<List<PublicProgramDto>>> ProgramsAsync(ProgramCatalog catalog, TimeProvider clock, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var today = Infrastructure.Clock.TodayInIndonesia(clock);
        var programs = await catalog.ActiveAsync(ct);
        string consent = L[ApplicationMessages.ConsentPurposeMessage];
        return TypedResults.Ok(programs.Select(p => new PublicProgramDto(p.Id, p.Name, DateText.Iso(p.RegistrationOpens), DateText.Iso(p.RegistrationCloses),
            ApplicationRules.RegistrationWindow(p, today) is null, p.DomicileRegencyCode,
            [.. p.Tracks.Select(t => new TrackDto(t.Id, t.Name, t.WomenOnly))], consent)).ToList());
    }

    internal static async Task<Results<Created<ApplicationReceipt>, Ok<ApplicationReceipt>, ValidationProblem, ProblemHttpResult>> ApplyAsync(
        ApplicationRequest body, ApplicationIntake intake, HttpContext http, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var result = await intake.SubmitAsync(body.ToInput(), Submitter.Public, L[ApplicationMessages.ConsentPurposeMessage], ct);
        return Answer(result, http, L);
    }

    /// <summary>A full disk or a server down rarely passes within seconds; a client that retries sooner only adds load.</summary>
    public const string UnavailableRetrySeconds = "30";

    /// <summary>The HTTP answer of an intake result, for the public and the staff API alike.</summary>
    internal static Results<Created<ApplicationReceipt>, Ok<ApplicationReceipt>, ValidationProblem, ProblemHttpResult> Answer(
        IntakeResult result, HttpContext http, IStringLocalizer L)
    {
        switch (result.Outcome)
        {
            case IntakeOutcome.Created:
                return TypedResults.Created((string?)null, Receipt(result, L));
            case IntakeOutcome.Existing:
                return TypedResults.Ok(Receipt(result, L));
            case IntakeOutcome.Invalid:
                return TypedResults.ValidationProblem(ApplicationText.Errors(result.Errors, L), title: L["The application was not accepted. Correct the fields listed."]);
            case IntakeOutcome.RegistrationClosed:
                return TypedResults.ValidationProblem(ApplicationText.Errors(result.Errors, L), title: ApplicationText.Issue(result.Errors[0], L));
            case IntakeOutcome.ProgramNotFound:
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: ApplicationText.Issue(result.Errors[0], L));
            case IntakeOutcome.Busy:
                http.Response.Headers.RetryAfter = "5";
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: ApplicationText.Issue(result.Errors[0], L));
            case IntakeOutcome.Unavailable:
                http.Response.Headers.RetryAfter = UnavailableRetrySeconds;
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: string.Join(" ", result.Errors.Select(e => ApplicationText.Issue(e, L))));
            default:
                return TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: ApplicationText.Issue(result.Errors[0], L));
        }
    }

    internal static async Task<Results<Ok<ApplicationStatusDto>, ValidationProblem, ProblemHttpResult>> StatusAsync(
        StatusRequest body, ApplicationLookup lookup, HttpContext http, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.RegistrationNumber))
        {
            errors["registrationNumber"] = [L["Fill in the registration number."]];
        }
        DateOnly birth = default;
        if (string.IsNullOrWhiteSpace(body.BirthDate))
        {
            errors["birthDate"] = [L[ApplicationMessages.BirthDateRequiredMessage]];
        }
        else if (!DateText.TryParse(body.BirthDate, out birth))
        {
            errors["birthDate"] = [string.Format(CultureInfo.InvariantCulture, L[PersonMessages.BirthDateInvalidMessage], body.BirthDate.Trim())];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (PublicRateLimits.RefusedPerNumber(http, body.RegistrationNumber, L) is { } refused)
        {
            return refused;
        }
        var found = await lookup.FindAsync(body.RegistrationNumber, birth, ct);
        if (found is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: L[ApplicationMessages.StatusNotFoundMessage]);
        }
        return TypedResults.Ok(ApplicationStatusDto.From(found, L));
    }

    internal static List<CheckDto> Checks(IReadOnlyList<IntakeCheck> checks, IStringLocalizer L) =>
        [.. checks.Select(c => new CheckDto(c.Code, c.Passed, ApplicationText.Check(c, L)))];

    private static ApplicationReceipt Receipt(IntakeResult result, IStringLocalizer L) =>
        new(result.RegistrationNumber!, result.Status, Checks(result.Checks ?? [], L));
}
