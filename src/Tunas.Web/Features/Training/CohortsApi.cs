using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Registry;

namespace Tunas.Web.Features.Training;

/// <summary>A cohort; dates as yyyy-MM-dd (dd/mm/yyyy also works); trainers are ProviderStaff users of the provider.</summary>
public sealed record CohortBody
{
    public int? TrackId { get; init; }
    public int? ProviderId { get; init; }
    public string? Name { get; init; }
    public string? Place { get; init; }
    public string? StartsOn { get; init; }
    public string? EndsOn { get; init; }
    public int? Capacity { get; init; }
    public string? WhatToBring { get; init; }
    public IReadOnlyList<string>? TrainerIds { get; init; }

    public CohortInput ToInput() => new()
    {
        TrackId = Text(TrackId),
        ProviderId = Text(ProviderId),
        Name = Name,
        Place = Place,
        StartsOn = StartsOn,
        EndsOn = EndsOn,
        Capacity = Text(Capacity),
        WhatToBring = WhatToBring,
        TrainerIds = TrainerIds,
    };

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}

public sealed record CohortCreated(int Id);

public sealed record UnplacedRead(string RegistrationNumber, string Reason);

public sealed record PlacementRead(int Placed, IReadOnlyList<UnplacedRead> Unplaced);

public sealed record MoveBody(int? CohortId);

public sealed record DropOutBody(string? Reason);

public sealed record SessionBody(string? Date, string? Title, int? Hours);

/// <summary>Cohorts (angkatan), their participants, sessions and attendance: <c>/api/v1/programs/{programId}/cohorts</c> and <c>/api/v1/cohorts</c>.</summary>
public static class CohortsApi
{
    public static IEndpointRouteBuilder MapCohortsApi(this IEndpointRouteBuilder app)
    {
        var program = app.MapGroup("/api/v1/programs/{programId:int}/cohorts").WithTags("Training").RequireAuthorization(TrainingPolicies.ManageCohorts);
        program.MapGet("/", ListAsync).WithSummary("The program's cohorts.");
        program.MapPost("/", CreateAsync).WithSummary("Adds a cohort; its sessions are made from the track's modules.");
        program.MapPost("/placements", PlaceAsync).WithSummary("Places every selected applicant of the published result not yet placed, by track and capacity.");

        var cohorts = app.MapGroup("/api/v1/cohorts").WithTags("Training");
        var officers = cohorts.MapGroup("").RequireAuthorization(TrainingPolicies.ManageCohorts);
        var trainers = cohorts.MapGroup("").RequireAuthorization(TrainingPolicies.Cohorts);
        trainers.MapGet("/{id:int}", GetAsync).WithSummary("A cohort with its sessions and participants (provider staff: their provider's only).");
        officers.MapPut("/{id:int}", UpdateAsync).WithSummary("Changes a cohort; new dates make its sessions again while no attendance is marked.");
        officers.MapPost("/{id:int}/participants/{participantId:long}/move", MoveAsync).WithSummary("Moves a participant to another cohort of the program (audited).");
        officers.MapPost("/{id:int}/participants/{participantId:long}/drop-out", DropOutAsync).WithSummary("Records a drop-out after the start, with a reason.");
        officers.MapPost("/{id:int}/sessions/generate", GenerateAsync).WithSummary("Makes the sessions again from the track's modules, before any attendance.");
        officers.MapPut("/{id:int}/sessions/{sessionId:long}", UpdateSessionAsync).WithSummary("Changes a session's day, title or hours.");
        trainers.MapGet("/{id:int}/sessions/{sessionId:long}/attendance", GetAttendanceAsync).WithSummary("A session's participants with their latest mark.");
        trainers.MapPut("/{id:int}/sessions/{sessionId:long}/attendance", PutAttendanceAsync)
            .WithSummary("Stores marks [{participantId, status, clientId}] (present, late, excused, absent); a client id sent again counts once.");
        return app;
    }

    internal static async Task<Ok<IReadOnlyList<CohortSummary>>> ListAsync(int programId, CohortReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.ListAsync(programId, ct));

    internal static async Task<Results<Created<CohortCreated>, NotFound, ValidationProblem>> CreateAsync(
        int programId, CohortBody body, CohortScope scope, CohortWriter writer, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (!await ProgramExistsAsync(scope, programId, ct))
        {
            return TypedResults.NotFound();
        }
        var check = CohortFields.Check(body.ToInput(), await scope.ContextAsync(programId, ct));
        if (check.Values is not { } values)
        {
            return TypedResults.ValidationProblem(PersonsApi.Errors(check.Errors, L));
        }
        var (id, errors) = await writer.CreateAsync(programId, values, ct);
        return id is { } created
            ? TypedResults.Created($"/api/v1/cohorts/{created}", new CohortCreated(created))
            : TypedResults.ValidationProblem(PersonsApi.Errors(errors, L));
    }

    internal static async Task<Results<Ok<PlacementRead>, NotFound, ProblemHttpResult>> PlaceAsync(
        int programId, CohortScope scope, CohortPlacement placement, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (!await ProgramExistsAsync(scope, programId, ct))
        {
            return TypedResults.NotFound();
        }
        var result = await placement.PlaceAsync(programId, ct);
        if (result.Error is { } error)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: L[error]);
        }
        return TypedResults.Ok(new PlacementRead(result.Placed, [.. result.Unplaced.Select(u => new UnplacedRead(u.RegistrationNumber, L[u.Reason, u.Track]))]));
    }

    internal static async Task<Results<Ok<CohortRead>, NotFound>> GetAsync(int id, CohortReader reader, CancellationToken ct) =>
        await reader.ReadAsync(id, ct) is { } cohort ? TypedResults.Ok(cohort) : TypedResults.NotFound();

    internal static async Task<Results<Ok<CohortRead>, NotFound, ValidationProblem>> UpdateAsync(
        int id, CohortBody body, CohortScope scope, CohortWriter writer, CohortReader reader, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } cohort)
        {
            return TypedResults.NotFound();
        }
        var check = CohortFields.Check(body.ToInput(), await scope.ContextAsync(cohort.ProgramId, ct));
        var errors = check.Values is { } values ? await writer.UpdateAsync(cohort, values, ct) : check.Errors;
        return errors.Count > 0 ? TypedResults.ValidationProblem(PersonsApi.Errors(errors, L)) : TypedResults.Ok((await reader.ReadAsync(id, ct))!);
    }

    internal static async Task<Results<Ok<CohortRead>, NotFound, ValidationProblem>> MoveAsync(
        int id, long participantId, MoveBody body, CohortScope scope, CohortPlacement placement, CohortReader reader, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } cohort)
        {
            return TypedResults.NotFound();
        }
        var errors = await placement.MoveAsync(cohort, participantId, body.CohortId, ct);
        return errors.Count > 0 ? TypedResults.ValidationProblem(PersonsApi.Errors(errors, L)) : TypedResults.Ok((await reader.ReadAsync(id, ct))!);
    }

    internal static async Task<Results<Ok<CohortRead>, NotFound, ValidationProblem>> DropOutAsync(
        int id, long participantId, DropOutBody body, CohortScope scope, CohortPlacement placement, CohortReader reader, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } cohort)
        {
            return TypedResults.NotFound();
        }
        var errors = await placement.DropOutAsync(cohort, participantId, body.Reason, ct);
        return errors.Count > 0 ? TypedResults.ValidationProblem(PersonsApi.Errors(errors, L)) : TypedResults.Ok((await reader.ReadAsync(id, ct))!);
    }

    internal static async Task<Results<Ok<IReadOnlyList<SessionRead>>, NotFound, ValidationProblem>> GenerateAsync(
        int id, CohortScope scope, CohortWriter writer, CohortReader reader, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } cohort)
        {
            return TypedResults.NotFound();
        }
        var errors = await writer.RegenerateSessionsAsync(cohort, ct);
        return errors.Count > 0 ? TypedResults.ValidationProblem(PersonsApi.Errors(errors, L)) : TypedResults.Ok(await reader.SessionsAsync(id, ct));
    }

    internal static async Task<Results<Ok<SessionRead>, NotFound, ValidationProblem>> UpdateSessionAsync(
        int id, long sessionId, SessionBody body, CohortScope scope, CohortWriter writer, Data.TunasDb db, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } cohort
            || await db.Set<CohortSession>().FirstOrDefaultAsync(s => s.AgencyId == cohort.AgencyId && s.Id == sessionId && s.CohortId == cohort.Id, ct) is not { } session)
        {
            return TypedResults.NotFound();
        }
        var errors = await writer.UpdateSessionAsync(cohort, session, new SessionInput(body.Date, body.Title, body.Hours), ct);
        return errors.Count > 0
            ? TypedResults.ValidationProblem(PersonsApi.Errors(errors, L))
            : TypedResults.Ok(new SessionRead(session.Id, session.Date, session.Title, session.Hours));
    }

    internal static async Task<Results<Ok<SessionAttendance>, NotFound>> GetAttendanceAsync(int id, long sessionId, CohortReader reader, CancellationToken ct) =>
        await reader.AttendanceAsync(id, sessionId, ct) is { } attendance ? TypedResults.Ok(attendance) : TypedResults.NotFound();

    internal static async Task<Results<Ok<AttendanceSaved>, NotFound, ValidationProblem>> PutAttendanceAsync(
        int id, long sessionId, JsonElement body, AttendanceBook book, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        // Read by hand, so that a cohort the caller may not see answers 404 whatever was sent, before the body's shape.
        List<MarkBody?>? marks;
        try
        {
            marks = body.ValueKind == JsonValueKind.Array ? body.Deserialize<List<MarkBody?>>(JsonSerializerOptions.Web) : null;
        }
        catch (JsonException)
        {
            marks = null;
        }
        if (await book.SaveAsync(id, sessionId, marks ?? [], ct) is not { } result)
        {
            return TypedResults.NotFound();
        }
        return result.Saved is { } saved ? TypedResults.Ok(saved) : TypedResults.ValidationProblem(PersonsApi.Errors(result.Errors, L));
    }

    private static Task<bool> ProgramExistsAsync(CohortScope scope, int programId, CancellationToken ct) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(scope.Programs, p => p.Id == programId, ct);
}
