using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Registry;

namespace Tunas.Web.Features.Training.Allowances;

public sealed record AllowancePaidBody(string? PaidOn);

/// <summary>A cohort's transport allowance: <c>/api/v1/cohorts/{id}/allowances</c>.</summary>
public static class AllowancesApi
{
    public static IEndpointRouteBuilder MapAllowancesApi(this IEndpointRouteBuilder app)
    {
        var cohorts = app.MapGroup("/api/v1/cohorts/{id:int}/allowances").WithTags("Training");
        cohorts.MapGet("/", ReadAsync).RequireAuthorization(TrainingPolicies.Cohorts)
            .WithSummary("Each participant's attended days × the program's amount per day, and the total (provider staff: their provider's cohorts only).");
        cohorts.MapGet("/pdf", PdfAsync).RequireAuthorization(TrainingPolicies.Cohorts)
            .WithSummary("The payout list for signatures (SPJ), A4 PDF, with masked NIKs.");
        cohorts.MapPost("/paid", PaidAsync).RequireAuthorization(TrainingPolicies.ManageCohorts)
            .WithSummary("Marks the list paid on a date {paidOn} for its total now; it then counts in the program's spending (audited).");
        return app;
    }

    internal static async Task<Results<Ok<AllowanceSheet>, NotFound>> ReadAsync(int id, AllowanceBook book, CancellationToken ct) =>
        await book.ReadAsync(id, ct) is { } sheet ? TypedResults.Ok(sheet) : TypedResults.NotFound();

    internal static async Task<Results<FileContentHttpResult, NotFound>> PdfAsync(int id, AllowanceBook book, AllowanceSheetPdf pdf, CohortScope scope, CancellationToken ct)
    {
        if (await book.ReadAsync(id, ct) is not { } sheet)
        {
            return TypedResults.NotFound();
        }
        var bytes = await pdf.CreateAsync(sheet, scope.AgencyId, ct);
        return TypedResults.File(bytes, "application/pdf", $"uang-transport-{sheet.CohortId}.pdf");
    }

    internal static async Task<Results<Ok<AllowancePaid>, NotFound, ValidationProblem, ProblemHttpResult>> PaidAsync(
        int id, AllowancePaidBody body, AllowanceBook book, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (await book.MarkPaidAsync(id, body.PaidOn, ct) is not { } result)
        {
            return TypedResults.NotFound();
        }
        if (result.Conflict)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: PersonsApi.Text(result.Errors[0], L));
        }
        return result.Paid is { } paid ? TypedResults.Ok(paid) : TypedResults.ValidationProblem(PersonsApi.Errors(result.Errors, L));
    }
}
