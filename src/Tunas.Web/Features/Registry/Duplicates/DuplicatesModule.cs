using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry.Duplicates;

public sealed record MergeRequest(long? KeepPersonId);

/// <summary>Suspected duplicates: detection, review, merge and dismissal.</summary>
public static class DuplicatesModule
{
    public static IServiceCollection AddDuplicates(this IServiceCollection services)
    {
        services.AddScoped<DuplicateDetector>();
        services.AddScoped<DuplicateReview>();
        return services;
    }

    public static IEndpointRouteBuilder MapDuplicates(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/duplicates").WithTags("Duplicates").RequireAuthorization(Policies.RegistryReview);

        api.MapGet("/", ListAsync);
        api.MapPost("/{id:long}/dismiss", DismissAsync);
        api.MapPost("/{id:long}/merge", MergeAsync);
        return app;
    }

    internal static async Task<Ok<DuplicatePairPage>> ListAsync(DuplicateReview review, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await review.OpenAsync(page ?? 1, pageSize ?? 20, ct));

    internal static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DismissAsync(long id, DuplicateReview review, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        await review.DismissAsync(id, ct) switch
        {
            ReviewOutcome.Done => TypedResults.NoContent(),
            ReviewOutcome.NotOpen => AlreadyReviewed(L),
            _ => TypedResults.NotFound(),
        };

    internal static async Task<Results<Ok<MergeResult>, NotFound, ValidationProblem, ProblemHttpResult>> MergeAsync(
        long id, MergeRequest body, DuplicateReview review, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (body.KeepPersonId is not { } keep)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["keepPersonId"] = [L["Choose the record to keep."]] });
        }
        var result = await review.MergeAsync(id, keep, ct);
        return result.Outcome switch
        {
            ReviewOutcome.Done => TypedResults.Ok(result),
            ReviewOutcome.NotOpen => AlreadyReviewed(L),
            ReviewOutcome.NotInPair => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["keepPersonId"] = [L["The record to keep must be one of the pair."]] }),
            ReviewOutcome.BothApplied => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: L[BothAppliedMessage]),
            _ => TypedResults.NotFound(),
        };
    }

    public const string BothAppliedMessage = "Both records applied to the same program, and one person may hold one application per program: they cannot be merged. Dismiss the pair or leave it open, and tell the program officer.";

    private static ProblemHttpResult AlreadyReviewed(IStringLocalizer L) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: L["This pair was already reviewed."]);
}
