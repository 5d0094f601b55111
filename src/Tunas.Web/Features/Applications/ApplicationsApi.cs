using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Applications;

/// <summary>
/// Applications for staff: the list of a program (NIKs masked; a kelurahan operator sees their own kelurahan only)
/// and entering an application for a resident, with the same checks as the public form.
/// </summary>
public static class ApplicationsApi
{
    public static IEndpointRouteBuilder MapApplicationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/programs/{programId:int}/applications").WithTags("Applications").RequireAuthorization(Policies.Applications);

        api.MapGet("/", ListAsync)
            .WithSummary("The program's applications, newest first; filters: villageCode, trackId (first or second choice); page, pageSize (at most 100).");
        api.MapPost("/", EnterAsync)
            .WithSummary("Enter an application for a resident (channel Operator): the resident's consent is still required.");
        return app;
    }

    internal static async Task<Results<Ok<ApplicationPage>, NotFound>> ListAsync(
        int programId, string? villageCode, int? trackId, int? page, int? pageSize, ApplicationList list, CancellationToken ct)
    {
        if (await list.ProgramAsync(programId, ct) is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(await list.PageAsync(programId,
            new ApplicationFilter(villageCode, trackId, page ?? 1, pageSize ?? ApplicationList.DefaultPageSize), ct));
    }

    internal static async Task<Results<Created<ApplicationReceipt>, Ok<ApplicationReceipt>, ValidationProblem, ProblemHttpResult>> EnterAsync(
        int programId, ApplicationRequest body, ApplicationIntake intake, CurrentUser me, HttpContext http, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var input = body.ToInput() with { ProgramId = programId };
        var result = await intake.SubmitAsync(input, Submitter.Staff(me), L[ApplicationMessages.ConsentPurposeMessage], ct);
        return PublicApplicationsApi.Answer(result, http, L);
    }
}
