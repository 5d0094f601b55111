using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Registry;

namespace Tunas.Web.Features.Businesses.FollowUps;

/// <summary>One answered survey; amounts in whole rupiah; needs from capital, marketing, permits, training.</summary>
public sealed record VisitBody
{
    public string? Channel { get; init; }
    public string? VisitedOn { get; init; }
    public bool? BusinessActive { get; init; }
    public long? MonthlyRevenue { get; init; }
    public long? MonthlyProfit { get; init; }
    public int? Workers { get; init; }
    public long? HouseholdMonthlyIncome { get; init; }
    public IReadOnlyList<string>? Needs { get; init; }
    public string? Problems { get; init; }
    public bool NotReached { get; init; }

    public VisitInput ToInput() => new()
    {
        Channel = Channel,
        VisitedOn = VisitedOn,
        BusinessActive = BusinessActive,
        MonthlyRevenue = Text(MonthlyRevenue),
        MonthlyProfit = Text(MonthlyProfit),
        Workers = Workers?.ToString(CultureInfo.InvariantCulture),
        HouseholdMonthlyIncome = Text(HouseholdMonthlyIncome),
        Needs = [.. Needs ?? []],
        Problems = Problems,
        NotReached = NotReached,
    };

    private static string? Text(long? value) => value?.ToString(CultureInfo.InvariantCulture);
}

public sealed record AssignBody(IReadOnlyList<long>? FollowUpIds, string? FacilitatorId);

public sealed record Assigned(int Count);

/// <summary>The follow-up surveys: a facilitator's work list and visit form, an officer's planning and assignment.</summary>
public static class FollowUpsApi
{
    private const long EnvelopeBytes = 64 * 1024;
    public const string StatusInvalidMessage = "The status is one of due, overdue or done.";

    public static IEndpointRouteBuilder MapFollowUpsApi(this IEndpointRouteBuilder app)
    {
        var all = app.MapGroup("/api/v1/followups").WithTags("Follow-ups");
        var visitors = all.MapGroup("").RequireAuthorization(FollowUpPolicies.Visits);
        visitors.MapGet("/", ListAsync).WithSummary("The caller's follow-ups, 50 a page: due (all open, overdue first), overdue, or done.");
        visitors.MapGet("/{id:long}", GetAsync).WithSummary("One follow-up with the person, the business and the answers once given.");
        // Programs send a bearer token and no anti-forgery token; a browser's cookie call needs the X-CSRF-TOKEN header.
        visitors.MapPost("/{id:long}/visit", VisitAsync).Accepts<VisitBody>("application/json", "multipart/form-data").DisableAntiforgery()
            .WithSummary("Records the answers (JSON, or a multipart form with the same fields and an optional photo), or that the person was not reached.");
        visitors.MapGet("/{id:long}/photo", PhotoAsync).WithSummary("The visit's photo, as a JPEG.");
        all.MapPost("/assign", AssignAsync).RequireAuthorization(FollowUpPolicies.Plan).WithSummary("Gives open follow-ups to one facilitator of the agency.");
        app.MapPost("/api/v1/programs/{programId:int}/followups/plan", PlanAsync).WithTags("Follow-ups").RequireAuthorization(FollowUpPolicies.Plan)
            .WithSummary("Plans the 1-, 3-, 6- and 12-month follow-ups of the program's ended cohorts and its comparison group; again adds only what is new.");
        return app;
    }

    internal static async Task<Results<Ok<FollowUpPage>, ValidationProblem>> ListAsync(string? status, int? page, FollowUpScope scope, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        FollowUpScope.Filter(status) is { } filter
            ? TypedResults.Ok(await scope.ListAsync(filter, page ?? 1, ct))
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [L[StatusInvalidMessage].Value] });

    internal static async Task<Results<Ok<FollowUpItem>, NotFound>> GetAsync(long id, FollowUpScope scope, CancellationToken ct) =>
        await scope.ReadAsync(id, ct) is { } item ? TypedResults.Ok(item) : TypedResults.NotFound();

    internal static async Task<Results<Ok<FollowUpItem>, NotFound, ValidationProblem>> VisitAsync(
        long id, HttpRequest request, FollowUpScope scope, FollowUpWriter writer, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } row)
        {
            return TypedResults.NotFound();
        }
        var (input, photo, refused) = await ReadAsync(request, ct);
        if (refused is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["photo"] = [L[refused, PhotoShrinker.MaxUploadBytes / (1024 * 1024)].Value] });
        }
        var check = VisitRules.Check(input, row.Group, row.DueOn.AddMonths(-row.MonthsAfter), scope.Today);
        if (check.Values is not { } values)
        {
            return TypedResults.ValidationProblem(PersonsApi.Errors(check.Errors, L));
        }
        if (await writer.RecordVisitAsync(row, values, photo, ct) is { } error)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["photo"] = [L[error, PhotoShrinker.MaxUploadBytes / (1024 * 1024)].Value] });
        }
        return TypedResults.Ok((await scope.ReadAsync(id, ct))!);
    }

    internal static async Task<Results<PhysicalFileHttpResult, NotFound>> PhotoAsync(long id, FollowUpScope scope, BusinessFiles files, CancellationToken ct) =>
        await scope.FindAsync(id, ct) is { } row && files.Find(row.AgencyId, row.PhotoFile) is { } path ? TypedResults.PhysicalFile(path, "image/jpeg") : TypedResults.NotFound();

    internal static async Task<Results<Ok<Assigned>, ValidationProblem>> AssignAsync(AssignBody body, FollowUpWriter writer, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var (count, error) = await writer.AssignAsync(body.FollowUpIds, body.FacilitatorId, ct);
        return error is null ? TypedResults.Ok(new Assigned(count))
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { [error == FollowUpWriter.FacilitatorInvalidMessage ? "facilitatorId" : "followUpIds"] = [L[error, FollowUpWriter.MaxAssign].Value] });
    }

    internal static async Task<Results<Ok<PlanResult>, NotFound>> PlanAsync(int programId, FollowUpWriter writer, CancellationToken ct) =>
        await writer.PlanAsync(programId, ct) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound();

    /// <summary>The answers from a JSON body or a multipart form (its <c>photo</c> file optional); a refusal sentence when the photo is too large.</summary>
    private static async Task<(VisitInput Input, byte[]? Photo, string? Refused)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            try
            {
                return ((await request.ReadFromJsonAsync<VisitBody>(ct) ?? new VisitBody()).ToInput(), null, null);
            }
            catch (JsonException e)
            {
                throw new BadHttpRequestException("The visit could not be read.", StatusCodes.Status400BadRequest, e);
            }
        }
        if (request.ContentLength > PhotoShrinker.MaxUploadBytes + EnvelopeBytes)
        {
            return (new VisitInput(), null, BusinessWriter.NotAnImageMessage);
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return (new VisitInput(), null, BusinessWriter.NotAnImageMessage);
        }
        string? Field(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;
        var input = new VisitInput
        {
            Channel = Field("channel"),
            VisitedOn = Field("visitedOn"),
            BusinessActive = bool.TryParse(Field("businessActive"), out var active) ? active : null,
            MonthlyRevenue = Field("monthlyRevenue"),
            MonthlyProfit = Field("monthlyProfit"),
            Workers = Field("workers"),
            HouseholdMonthlyIncome = Field("householdMonthlyIncome"),
            Needs = [.. form["needs"].SelectMany(n => (n ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
            Problems = Field("problems"),
            NotReached = bool.TryParse(Field("notReached"), out var notReached) && notReached,
        };
        if (form.Files.GetFile("photo") is not { Length: > 0 } file)
        {
            return (input, null, null);
        }
        return await BusinessFiles.ReadAsync(file, PhotoShrinker.MaxUploadBytes, ct) is { } bytes ? (input, bytes, null) : (input, null, BusinessWriter.NotAnImageMessage);
    }
}
