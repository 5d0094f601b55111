using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Account;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Users;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Training.Participants;

public sealed record ParticipantSignInBody(string? Login, string? Pin, string? Code);

public sealed record RatingBody(int? Training, int? Trainer, string? Comment);

/// <summary>The participant's own policy: only the Participant role (staff have no training of their own).</summary>
public static class ParticipantPolicies
{
    public const string Self = "ParticipantSelf";
}

/// <summary>Participants' sign-in without e-mail, their one-time codes, <c>/api/v1/me</c> and the rating (issue 13).</summary>
public static class ParticipantsApi
{
    public static IServiceCollection AddParticipants(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(ParticipantPolicies.Self, p => p.RequireRole(Roles.Participant));
        services.AddScoped<SignInCodes>();
        services.AddScoped<SignInCodeDesk>();
        services.AddScoped<ParticipantSignIn>();
        services.AddScoped<RatingBook>();
        services.AddScoped<MyTraining>();
        return services;
    }

    public static IEndpointRouteBuilder MapParticipantsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/cohorts/{id:int}/participants/{participantId:long}/sign-in-code", IssueCodeAsync).WithTags("Training")
            .RequireAuthorization(TrainingPolicies.Cohorts)
            .WithSummary("A one-time sign-in code for the participant (trainer of the provider or officer; audited); it replaces the earlier one.");
        app.MapPost("/api/v1/auth/participant", SignInAsync).WithTags("Auth").AllowAnonymous().RequireRateLimiting(SignInThrottle.Policy)
            .WithSummary("A participant's token: login (registration number) and 6-digit PIN; with a one-time code, the PIN is set first.");
        var me = app.MapGroup("/api/v1/me").WithTags("Participant").RequireAuthorization(ParticipantPolicies.Self);
        me.MapGet("", ReadAsync).WithSummary("The signed-in participant's own cohort, sessions with their attendance, trainers and rating.");
        me.MapPost("/rating", RateAsync).WithSummary("Rates the training and the trainer (1-5, optional comment), once, from the cohort's last day.");
        return app;
    }

    internal static async Task<Results<Ok<SignInCode>, NotFound>> IssueCodeAsync(int id, long participantId, SignInCodeDesk desk, CancellationToken ct) =>
        await desk.IssueAsync(id, participantId, ct) is { } code ? TypedResults.Ok(code) : TypedResults.NotFound();

    internal static async Task<Results<Ok<TokenResponse>, UnauthorizedHttpResult, ProblemHttpResult, ValidationProblem>> SignInAsync(
        ParticipantSignInBody body, ParticipantSignIn check, SignInManager<AppUser> signIn, TokenIssuer issuer, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var result = await check.CheckAsync(body.Login, body.Pin, body.Code, ct);
        if (result.PinProblem is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["pin"] = [L[problem]] });
        }
        if (result.Outcome == ParticipantSignInOutcome.LockedOut)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: L[AuthApi.LockedMessage]);
        }
        if (result.Outcome != ParticipantSignInOutcome.Succeeded || result.User is null)
        {
            return TypedResults.Unauthorized();
        }
        var (token, expiresAt) = issuer.Issue(await signIn.CreateUserPrincipalAsync(result.User));
        return TypedResults.Ok(new TokenResponse(token, expiresAt));
    }

    internal static async Task<Results<Ok<MeRead>, NotFound>> ReadAsync(MyTraining mine, CancellationToken ct) =>
        await mine.ReadAsync(ct) is { } me ? TypedResults.Ok(me) : TypedResults.NotFound();

    internal static async Task<Results<Created<RatingRead>, NotFound, ValidationProblem, ProblemHttpResult>> RateAsync(
        RatingBody body, ParticipantSelf self, RatingBook book, TunasDb db, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (await self.FindAsync(ct) is not { } me
            || await db.Set<Cohort>().AsNoTracking().FirstOrDefaultAsync(c => c.AgencyId == me.AgencyId && c.Id == me.CohortId, ct) is not { } cohort)
        {
            return TypedResults.NotFound();
        }
        var outcome = await book.RateAsync(me, cohort, new RatingInput(body.Training, body.Trainer, body.Comment), ct);
        return outcome.Refusal switch
        {
            RatingRefusal.None => TypedResults.Created("/api/v1/me", outcome.Saved),
            RatingRefusal.Invalid => TypedResults.ValidationProblem(PersonsApi.Errors(outcome.Errors, L)),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: PersonsApi.Text(outcome.Errors[0], L)),
        };
    }
}
