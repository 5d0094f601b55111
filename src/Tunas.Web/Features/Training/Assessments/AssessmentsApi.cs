using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Registry;

namespace Tunas.Web.Features.Training.Assessments;

public sealed record CompletionRead(long ParticipantId, bool Completed, IReadOnlyList<string> Reasons);

/// <summary>Assessments and completion of a cohort: <c>/api/v1/cohorts/{id}/...</c>, for its provider's trainers and officers.</summary>
public static class AssessmentsApi
{
    public static IEndpointRouteBuilder MapAssessmentsApi(this IEndpointRouteBuilder app)
    {
        var cohorts = app.MapGroup("/api/v1/cohorts").WithTags("Training").RequireAuthorization(TrainingPolicies.Cohorts);
        cohorts.MapPut("/{id:int}/participants/{participantId:long}/assessment", PutAsync)
            .WithSummary("Stores a participant's assessment {preTest, postTest, practical, rubricNotes, businessPlan:{product, price, unitCost, customers, capitalNeeded}}.");
        cohorts.MapGet("/{id:int}/completion", CompletionAsync).WithSummary("Each participant's completion under the program's rule, with the reasons when not met.");
        return app;
    }

    internal static async Task<Results<Ok<AssessmentRead>, NotFound, ValidationProblem>> PutAsync(
        int id, long participantId, JsonElement body, AssessmentBook book, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        // Read by hand, so that a cohort the caller may not see answers 404 whatever was sent, and a wrong value gets its sentence.
        if (await book.SaveAsync(id, participantId, AssessmentInput.FromJson(body), ct) is not { } result)
        {
            return TypedResults.NotFound();
        }
        return result.Saved is { } saved ? TypedResults.Ok(saved) : TypedResults.ValidationProblem(PersonsApi.Errors(result.Errors, L));
    }

    internal static async Task<Results<Ok<IReadOnlyList<CompletionRead>>, NotFound>> CompletionAsync(int id, AssessmentBook book, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        await book.CompletionAsync(id, ct) is { } verdicts ? TypedResults.Ok(Reads(verdicts, L)) : TypedResults.NotFound();

    public static IReadOnlyList<CompletionRead> Reads(IEnumerable<CompletionVerdict> verdicts, IStringLocalizer L) =>
        [.. verdicts.Select(v => new CompletionRead(v.ParticipantId, v.Completed, Reasons(v, L)))];

    public static IReadOnlyList<string> Reasons(CompletionVerdict verdict, IStringLocalizer L) =>
        [.. verdict.Reasons.Select(r => r.Format(L[r.Message]))];
}
