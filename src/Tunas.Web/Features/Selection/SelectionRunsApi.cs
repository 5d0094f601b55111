using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Selection;

public sealed record RunCreated(long Id, int Number);

public sealed record RunSummary(
    long Id, int Number, SelectionRunStatus Status, DateTime RunAt, string RunBy, string ReferenceDate, string InputsHash,
    int Applicants, int Selected, int Waitlisted, int NotSelected, int Ineligible, DateTime? PublishedAt)
{
    public static RunSummary From(SelectionRun r) => new(
        r.Id, r.Number, r.Status, DateTime.SpecifyKind(r.RunAt, DateTimeKind.Utc), r.RunByName, DateText.Iso(r.ReferenceDate),
        r.InputsHash, r.Applicants, r.Selected, r.Waitlisted, r.NotSelected, r.Ineligible,
        r.PublishedAt is { } p ? DateTime.SpecifyKind(p, DateTimeKind.Utc) : null);
}

public sealed record OutcomeReasonDto(string Code, string Text);

public sealed record OutcomeDto(
    long ApplicationId, string RegistrationNumber, SelectionOutcome Outcome, DecisionStatus Status, int? Rank,
    int? WaitlistPosition, int Score, string VillageCode, int? TrackId, IReadOnlyList<OutcomeReasonDto> Reasons);

public sealed record RunDetails(RunSummary Run, string Seed, string Settings, string Quotas, IReadOnlyList<OutcomeDto> Outcomes);

public sealed record WithdrawRequest(string? Reason);

public sealed record WithdrawResult(string? PromotedRegistrationNumber);

public sealed record AppealAnswerRequest(bool Upheld, string? Answer, DecisionStatus? NewStatus);

public sealed record PublicAppealRequest(string? RegistrationNumber, string? BirthDate, string? Text);

public sealed record AppealCreated(long Id);

public sealed record AppealDto(
    long Id, long ApplicationId, string RegistrationNumber, string Text, DateTime LodgedAt, AppealStatus Status,
    string? Answer, DateTime? AnsweredAt, DecisionStatus? NewStatus, DecisionStatus CurrentStatus,
    string FullName, string VillageCode, int Score, int? Rank, int? WaitlistPosition);

/// <summary>
/// Selection runs, publication, withdrawals, appeals (staff, policy <see cref="Policies.Selection"/>) and the
/// public side: the published result list and lodging an appeal.
/// </summary>
public static class SelectionRunsApi
{
    public static IEndpointRouteBuilder MapSelectionRunsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/programs/{id:int}").WithTags("Selection").RequireAuthorization(Policies.Selection);
        api.MapPost("/selection-runs", RunAsync);
        api.MapGet("/selection-runs", ListAsync);
        api.MapGet("/selection-runs/{runId:long}", GetAsync);
        api.MapPost("/selection-runs/{runId:long}/publish", PublishAsync);
        api.MapPost("/applications/{applicationId:long}/withdraw", WithdrawAsync);
        api.MapGet("/appeals", AppealsAsync);
        api.MapPost("/appeals/{appealId:long}/answer", AnswerAsync);

        var pub = app.MapGroup("/api/v1/public").WithTags("Public").AllowAnonymous();
        pub.MapGet("/programs/{id:int}/results", ResultsAsync);
        pub.MapPost("/appeals", LodgeAsync).RequireRateLimiting(PublicRateLimits.Appeal);
        return app;
    }

    internal static async Task<Results<Created<RunCreated>, NotFound, ProblemHttpResult>> RunAsync(
        int id, SelectionRunner runner, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var attempt = await runner.RunAsync(id, ct);
        return attempt.Problem switch
        {
            RunProblem.None => TypedResults.Created($"/api/v1/programs/{id}/selection-runs/{attempt.Run!.Id}", new RunCreated(attempt.Run.Id, attempt.Run.Number)),
            RunProblem.NotFound => TypedResults.NotFound(),
            RunProblem.AlreadyPublished => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: L[SelectionPageMessages.AlreadyPublishedMessage]),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: L[SelectionPageMessages.NoQuotasMessage]),
        };
    }

    internal static async Task<Results<Ok<IReadOnlyList<RunSummary>>, NotFound>> ListAsync(int id, SelectionQueries queries, CancellationToken ct)
    {
        var runs = await queries.RunsAsync(id, ct);
        return runs is null ? TypedResults.NotFound() : TypedResults.Ok(runs);
    }

    internal static async Task<Results<Ok<RunDetails>, NotFound>> GetAsync(
        int id, long runId, SelectionQueries queries, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var run = await queries.RunAsync(id, runId, ct);
        if (run is null)
        {
            return TypedResults.NotFound();
        }
        var outcomes = await queries.DecisionsAsync(run.Id, null, null, ct);
        return TypedResults.Ok(new RunDetails(RunSummary.From(run), run.Seed, run.SettingsJson, run.QuotasJson,
            [.. outcomes.Select(d => new OutcomeDto(d.ApplicationId, d.RegistrationNumber, d.Outcome, d.Status, d.Rank, d.WaitlistPosition,
                d.Score, d.VillageCode, d.TrackId, Localize(DecisionJson.ReadReasons(d.ReasonsJson), L)))]));
    }

    internal static async Task<Results<Ok, NotFound, ProblemHttpResult>> PublishAsync(
        int id, long runId, SelectionDesk desk, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        Answer(await desk.PublishAsync(id, runId, ct), TypedResults.Ok(), L);

    internal static async Task<Results<Ok<WithdrawResult>, NotFound, ProblemHttpResult, ValidationProblem>> WithdrawAsync(
        int id, long applicationId, WithdrawRequest? body, SelectionDesk desk, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (TooLong(body?.Reason, SelectionDesk.ReasonMax, "reason", SelectionDeskMessages.ReasonTooLongMessage, L) is { } tooLong)
        {
            return tooLong;
        }
        var result = await desk.WithdrawAsync(id, applicationId, body?.Reason, ct);
        return result.Outcome switch
        {
            DeskOutcome.Done => TypedResults.Ok(new WithdrawResult(result.PromotedNumber)),
            DeskOutcome.NotFound => TypedResults.NotFound(),
            _ => Conflict(result, L),
        };
    }

    internal static async Task<Results<Ok<IReadOnlyList<AppealDto>>, NotFound>> AppealsAsync(int id, SelectionQueries queries, CancellationToken ct)
    {
        var appeals = await queries.AppealsAsync(id, ct);
        return appeals is null ? TypedResults.NotFound() : TypedResults.Ok(appeals);
    }

    internal static async Task<Results<Ok, NotFound, ProblemHttpResult, ValidationProblem>> AnswerAsync(
        int id, long appealId, AppealAnswerRequest body, SelectionDesk desk, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (TooLong(body.Answer, SelectionDesk.AnswerMax, "answer", SelectionDeskMessages.AnswerTooLongMessage, L) is { } tooLong)
        {
            return tooLong;
        }
        var result = await desk.AnswerAppealAsync(id, appealId, body.Upheld, body.Answer, body.NewStatus, ct);
        return result.Outcome switch
        {
            DeskOutcome.Done => TypedResults.Ok(),
            DeskOutcome.NotFound => TypedResults.NotFound(),
            _ => Conflict(result, L),
        };
    }

    internal static async Task<Results<Ok<PublicResults>, NotFound>> ResultsAsync(int id, SelectionQueries queries, CancellationToken ct)
    {
        var results = await queries.PublicResultsAsync(id, ct);
        return results is null ? TypedResults.NotFound() : TypedResults.Ok(results);
    }

    internal static async Task<Results<Created<AppealCreated>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> LodgeAsync(
        PublicAppealRequest body, SelectionDesk desk, HttpContext http, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (TooLong(body.Text, SelectionDesk.AppealMax, "text", SelectionDeskMessages.AppealTooLongMessage, L) is { } tooLong)
        {
            return tooLong;
        }
        // Every field is checked before the number is looked up, so that only "found" and "not found" depend on it.
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.RegistrationNumber) || !DateText.TryParse(body.BirthDate, out var birthDate))
        {
            errors["registrationNumber"] = [L[SelectionPageMessages.NumberAndBirthDateMessage]];
            birthDate = default;
        }
        if (SelectionDesk.AppealText(body.Text) is null)
        {
            errors["text"] = [L[SelectionDeskMessages.AppealTextMessage]];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (PublicRateLimits.RefusedPerNumber(http, body.RegistrationNumber, L) is { } refused)
        {
            return refused;
        }
        var result = await desk.LodgeAppealAsync(body.RegistrationNumber!.Trim().ToUpperInvariant(), birthDate, body.Text, ct);
        return result.Outcome switch
        {
            DeskOutcome.Done => TypedResults.Created($"/api/v1/public/appeals/{result.CreatedId}", new AppealCreated(result.CreatedId!.Value)),
            DeskOutcome.NotFound => TypedResults.NotFound(new ProblemDetails { Status = 404, Title = L[SelectionPageMessages.NotFoundByNumberMessage] }),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: string.Format(CultureInfo.CurrentCulture, L[result.Message!], result.Args ?? [])),
        };
    }

    public static IReadOnlyList<OutcomeReasonDto> Localize(IEnumerable<StoredReason> reasons, IStringLocalizer L) =>
        [.. reasons.Select(r => new OutcomeReasonDto(r.Code, r.ToReason().Format(L[r.Message])))];

    private static Results<T, NotFound, ProblemHttpResult> Answer<T>(DeskResult result, T ok, IStringLocalizer L) where T : IResult =>
        result.Outcome switch
        {
            DeskOutcome.Done => ok,
            DeskOutcome.NotFound => TypedResults.NotFound(),
            _ => Conflict(result, L),
        };

    private static ProblemHttpResult Conflict(DeskResult result, IStringLocalizer L) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
            title: string.Format(CultureInfo.CurrentCulture, L[result.Message!], result.Args ?? []));

    /// <summary>A free text longer than its column, named by its field, before anything is looked up.</summary>
    private static ValidationProblem? TooLong(string? text, int max, string field, string message, IStringLocalizer L) =>
        TextInput.CleanLines(text) is { Length: var length } && length > max
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [string.Format(CultureInfo.CurrentCulture, L[message], max)] })
            : null;
}
