using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Registry;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Programs;

/// <summary>A new program. Dates as yyyy-MM-dd (dd/mm/yyyy also works); the budget in whole rupiah.</summary>
public record ProgramBody
{
    public string? Name { get; init; }
    public int? Year { get; init; }
    public long? Budget { get; init; }

    /// <summary>Transport allowance per attended day in whole rupiah; missing: unchanged (a new program: 0, none).</summary>
    public long? TransportPerDay { get; init; }

    public string? Description { get; init; }
    public int? TargetSize { get; init; }
    public string? RegistrationOpens { get; init; }
    public string? RegistrationCloses { get; init; }
    public string? SelectionOn { get; init; }
    public string? PublicationOn { get; init; }
    public string? AppealOpens { get; init; }
    public string? AppealCloses { get; init; }
    public string? TrainingStarts { get; init; }
    public string? TrainingEnds { get; init; }

    public ProgramInput ToInput() => new()
    {
        Name = Name,
        Year = Text(Year),
        Budget = Budget?.ToString(CultureInfo.InvariantCulture),
        TransportPerDay = TransportPerDay?.ToString(CultureInfo.InvariantCulture),
        Description = Description,
        TargetSize = Text(TargetSize),
        RegistrationOpens = RegistrationOpens,
        RegistrationCloses = RegistrationCloses,
        SelectionOn = SelectionOn,
        PublicationOn = PublicationOn,
        AppealOpens = AppealOpens,
        AppealCloses = AppealCloses,
        TrainingStarts = TrainingStarts,
        TrainingEnds = TrainingEnds,
        Status = (this as ProgramUpdateBody)?.Status,
        Seed = (this as ProgramUpdateBody)?.Seed,
    };

    internal static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A program's new values: every field as for a new one (a missing optional date clears it), and
/// optionally the status (draft, active, archived) and the seed (only before registration opens).</summary>
public sealed record ProgramUpdateBody : ProgramBody
{
    public string? Status { get; init; }
    public string? Seed { get; init; }
}

/// <summary>The rules: a missing or null value switches that rule off. The selection settings are kept when
/// missing, except <c>waitlistLength</c> (missing or null: every eligible applicant not selected waits).
/// Women-only tracks are a flag of each track (<c>womenOnly</c> of PUT .../tracks/{trackId}).</summary>
public sealed record RulesBody
{
    public int? MinAge { get; init; }
    public int? MaxAge { get; init; }
    public string? AgeReferenceDate { get; init; }
    public int? MaxDesil { get; init; }
    public string? DomicileRegencyCode { get; init; }
    public int? MaxPerHousehold { get; init; }
    public int? ExcludeTrainedWithinYears { get; init; }
    public int? YouthWeight { get; init; }
    public int? WomenWeight { get; init; }
    public string? SpillOver { get; init; }
    public int? WaitlistLength { get; init; }
    public string? NameDisplay { get; init; }

    /// <summary>Attendance (present or late) needed to complete, in percent of the sessions; missing keeps it (default 80).</summary>
    public int? CompletionAttendancePercent { get; init; }

    /// <summary>Whether completing needs a competent practical; missing keeps it (default true).</summary>
    public bool? CompletionRequiresPractical { get; init; }

    public RulesInput ToInput() => new()
    {
        MinAge = ProgramBody.Text(MinAge),
        MaxAge = ProgramBody.Text(MaxAge),
        AgeReferenceDate = AgeReferenceDate,
        MaxDesil = ProgramBody.Text(MaxDesil),
        DomicileRegencyCode = DomicileRegencyCode,
        MaxPerHousehold = ProgramBody.Text(MaxPerHousehold),
        ExcludeTrainedWithinYears = ProgramBody.Text(ExcludeTrainedWithinYears),
        YouthWeight = ProgramBody.Text(YouthWeight),
        WomenWeight = ProgramBody.Text(WomenWeight),
        SpillOver = SpillOver,
        WaitlistLength = ProgramBody.Text(WaitlistLength),
        NameDisplay = NameDisplay,
        CompletionAttendancePercent = ProgramBody.Text(CompletionAttendancePercent),
        CompletionRequiresPractical = CompletionRequiresPractical is { } p ? (p ? "true" : "false") : null,
    };
}

/// <summary>A module of a track's curriculum; kind: craft, businessManagement, bookkeeping, marketing, permits, other.</summary>
public sealed record ModuleBody(string? Name, string? Kind, int? Hours);

/// <summary>A track. Modules: missing gives a new track the default template (and keeps an existing track's).</summary>
public sealed record TrackBody
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    public bool? WomenOnly { get; init; }
    public int? SortOrder { get; init; }
    public IReadOnlyList<ModuleBody>? Modules { get; init; }

    public TrackInput ToInput(bool womenOnly) => new()
    {
        Name = Name,
        Description = Description,
        WomenOnly = WomenOnly ?? womenOnly,
        SortOrder = ProgramBody.Text(SortOrder),
        // A null entry is a module without a name: an error, not an empty form row.
        Modules = Modules?.Select(m => new ModuleInput(m?.Name ?? "", m?.Kind, ProgramBody.Text(m?.Hours))).ToList(),
    };
}

public sealed record TrackProviderBody(int? ProviderId, int? Seats);

/// <summary>A quota: a kelurahan (dotted code), a track (missing or null: any track) and the seats.</summary>
public sealed record QuotaBody(string? VillageCode, int? TrackId, int? Size)
{
    public QuotaInput ToInput() => new(VillageCode, TrackId, ProgramBody.Text(Size));
}

/// <summary>What to propose: quotas per track, or one per kelurahan for any track (the default).</summary>
public sealed record ProposalBody(bool PerTrack);

public sealed record ProposedTrackSeats(int TrackId, int Size);

public sealed record ProposedVillageRead(string VillageCode, string VillageName, long PoorResidents, int Size, IReadOnlyList<ProposedTrackSeats> Tracks);

/// <summary>A proposal, not saved: send <see cref="Quotas"/> to PUT .../quotas (after any change) to keep it.</summary>
public sealed record ProposalRead(int TargetSize, bool PerTrack, int Total, string Method, IReadOnlyList<ProposedVillageRead> Villages, IReadOnlyList<QuotaBody> Quotas);

public sealed record IdBody(int Id);

/// <summary>Programs with their tracks, providers per track, quotas and rules: <c>/api/v1/programs</c>.</summary>
public static class ProgramsApi
{
    public static IEndpointRouteBuilder MapProgramsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/programs").WithTags("Programs").RequireAuthorization(Policies.ManagePrograms);

        api.MapGet("/", ListAsync).WithSummary("The agency's programs, newest first.");
        api.MapPost("/", CreateAsync).WithSummary("Creates a draft program with a random tie-break seed.");
        api.MapGet("/{id:int}", GetAsync).WithSummary("A program with its calendar, tracks, modules, providers, quotas and rules.");
        api.MapPut("/{id:int}", UpdateAsync).WithSummary("Changes a program's fields, calendar, status or (before registration opens) seed.");
        api.MapGet("/{id:int}/rules", GetRulesAsync).WithSummary("The eligibility rules and selection settings.");
        api.MapPut("/{id:int}/rules", PutRulesAsync).WithSummary("Sets the eligibility rules (missing: off) and selection settings.");
        api.MapPost("/{id:int}/tracks", AddTrackAsync).WithSummary("Adds a track; without modules it gets the default curriculum template.");
        api.MapPut("/{id:int}/tracks/{trackId:int}", UpdateTrackAsync).WithSummary("Changes a track; modules, when given, replace the old ones.");
        api.MapDelete("/{id:int}/tracks/{trackId:int}", DeleteTrackAsync).WithSummary("Deletes a track that no application chose.");
        api.MapPut("/{id:int}/tracks/{trackId:int}/providers", PutTrackProvidersAsync).WithSummary("Sets which of the agency's providers deliver a track, with their seats.");
        api.MapGet("/{id:int}/quotas", GetQuotasAsync).WithSummary("The quotas per kelurahan and track (trackId null: any track).");
        api.MapPut("/{id:int}/quotas", PutQuotasAsync).WithSummary("Replaces all quotas at once, or none when one is wrong.");
        api.MapPost("/{id:int}/quotas/proposal", ProposeAsync)
            .WithSummary("Proposes quotas in proportion to poor residents (desil 1-4); nothing is saved.");
        return app;
    }

    internal static async Task<Ok<IReadOnlyList<ProgramSummary>>> ListAsync(ProgramReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.ListAsync(ct));

    internal static async Task<Results<Created<IdBody>, ValidationProblem>> CreateAsync(
        ProgramBody body, ProgramScope scope, ProgramWriter writer, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var check = ProgramFields.Check(body.ToInput() with { Status = null, Seed = null }, scope.Today);
        if (check.Values is not { } values)
        {
            return TypedResults.ValidationProblem(PersonsApi.Errors(check.Errors, L));
        }
        var id = await writer.CreateAsync(values, ct);
        return TypedResults.Created($"/api/v1/programs/{id}", new IdBody(id));
    }

    internal static async Task<Results<Ok<ProgramRead>, NotFound>> GetAsync(int id, ProgramReader reader, CancellationToken ct) =>
        await reader.ReadAsync(id, ct) is { } program ? TypedResults.Ok(program) : TypedResults.NotFound();

    internal static async Task<Results<Ok<ProgramRead>, NotFound, ValidationProblem>> UpdateAsync(
        int id, ProgramUpdateBody body, ProgramScope scope, ProgramWriter writer, ProgramReader reader, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } program)
        {
            return TypedResults.NotFound();
        }
        var check = ProgramFields.Check(body.ToInput(), scope.Today, program);
        if (check.Values is not { } values)
        {
            return TypedResults.ValidationProblem(PersonsApi.Errors(check.Errors, L));
        }
        await writer.UpdateAsync(program, values, ct);
        return TypedResults.Ok(await reader.ReadAsync(program, ct));
    }

    internal static async Task<Results<Ok<RulesRead>, NotFound>> GetRulesAsync(int id, ProgramScope scope, CancellationToken ct) =>
        await scope.FindAsync(id, ct) is { } program ? TypedResults.Ok(RulesRead.From(program)) : TypedResults.NotFound();

    internal static async Task<Results<Ok<RulesRead>, NotFound, ValidationProblem>> PutRulesAsync(
        int id, RulesBody body, ProgramScope scope, ProgramWriter writer, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } program)
        {
            return TypedResults.NotFound();
        }
        var check = ProgramRules.Check(body.ToInput(), await scope.RegencyOrProvinceAsync(ct));
        if (check.Values is not { } values)
        {
            return TypedResults.ValidationProblem(PersonsApi.Errors(check.Errors, L));
        }
        await writer.UpdateRulesAsync(program, values, null, ct);
        return TypedResults.Ok(RulesRead.From(program));
    }

    internal static async Task<Results<Created<IdBody>, NotFound, ValidationProblem>> AddTrackAsync(
        int id, TrackBody body, ProgramScope scope, ProgramWriter writer, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } program)
        {
            return TypedResults.NotFound();
        }
        var check = TrackFields.Check(body.ToInput(womenOnly: false));
        if (check.Values is not { } values)
        {
            return TypedResults.ValidationProblem(PersonsApi.Errors(check.Errors, L));
        }
        var (trackId, errors) = await writer.AddTrackAsync(program, values, ct);
        return trackId is { } created
            ? TypedResults.Created($"/api/v1/programs/{id}/tracks/{created}", new IdBody(created))
            : TypedResults.ValidationProblem(PersonsApi.Errors(errors, L));
    }

    internal static async Task<Results<Ok<TrackRead>, NotFound, ValidationProblem>> UpdateTrackAsync(
        int id, int trackId, TrackBody body, ProgramScope scope, ProgramWriter writer, ProgramReader reader, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } program || program.Tracks.FirstOrDefault(t => t.Id == trackId) is not { } track)
        {
            return TypedResults.NotFound();
        }
        var check = TrackFields.Check(body.ToInput(track.WomenOnly));
        if (check.Values is not { } values)
        {
            return TypedResults.ValidationProblem(PersonsApi.Errors(check.Errors, L));
        }
        var errors = await writer.UpdateTrackAsync(program, track, values, ct);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(PersonsApi.Errors(errors, L));
        }
        return TypedResults.Ok((await reader.ReadAsync(program, ct)).Tracks.Single(t => t.Id == trackId));
    }

    internal static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteTrackAsync(
        int id, int trackId, ProgramScope scope, ProgramWriter writer, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } program || program.Tracks.FirstOrDefault(t => t.Id == trackId) is not { } track)
        {
            return TypedResults.NotFound();
        }
        var errors = await writer.DeleteTrackAsync(program, track, ct);
        return errors.Count == 0
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: PersonsApi.Text(errors[0], L));
    }

    internal static async Task<Results<Ok<IReadOnlyList<TrackProviderRead>>, NotFound, ValidationProblem>> PutTrackProvidersAsync(
        int id, int trackId, List<TrackProviderBody> body, ProgramScope scope, ProgramWriter writer, ProgramReader reader, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } program || program.Tracks.FirstOrDefault(t => t.Id == trackId) is not { } track)
        {
            return TypedResults.NotFound();
        }
        var errors = await writer.SetTrackProvidersAsync(program, track, [.. body.Select(b => new TrackProviderValues(b?.ProviderId ?? 0, b?.Seats))], ct);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(PersonsApi.Errors(errors, L));
        }
        return TypedResults.Ok((await reader.ReadAsync(program, ct)).Tracks.Single(t => t.Id == trackId).Providers);
    }

    internal static async Task<Results<Ok<IReadOnlyList<QuotaRead>>, NotFound>> GetQuotasAsync(int id, ProgramReader reader, CancellationToken ct) =>
        await reader.ReadAsync(id, ct) is { } program ? TypedResults.Ok(program.Quotas) : TypedResults.NotFound();

    internal static async Task<Results<Ok<IReadOnlyList<QuotaRead>>, NotFound, ValidationProblem>> PutQuotasAsync(
        int id, List<QuotaBody> body, ProgramScope scope, ProgramWriter writer, ProgramReader reader, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } program)
        {
            return TypedResults.NotFound();
        }
        var context = new QuotaContext(await scope.CurrentVillageAsync(ct), await scope.AreaAsync(program, ct), program.Tracks.Select(t => t.Id).ToHashSet());
        var check = QuotaFields.Check([.. body.Select(b => b?.ToInput()!)], context);
        if (check.Values is not { } values)
        {
            return TypedResults.ValidationProblem(PersonsApi.Errors(check.Errors, L));
        }
        await writer.ReplaceQuotasAsync(program, values, ct);
        return TypedResults.Ok((await reader.ReadAsync(program, ct)).Quotas);
    }

    internal static async Task<Results<Ok<ProposalRead>, NotFound, ValidationProblem, ProblemHttpResult>> ProposeAsync(
        int id, ProposalBody? body, ProgramScope scope, QuotaPlanner planner, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } program)
        {
            return TypedResults.NotFound();
        }
        var plan = await planner.ProposeAsync(program, body?.PerTrack ?? false, ct);
        if (plan.Error == ProgramMessages.ProposalNoTracksMessage)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["perTrack"] = [L[plan.Error]] });
        }
        if (plan.Error is { } error)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: L[error]);
        }
        var names = plan.Rows.ToDictionary(r => r.Code, r => r.Name, StringComparer.Ordinal);
        return TypedResults.Ok(new ProposalRead(plan.TargetSize, plan.PerTrack, plan.Proposal.Sum(v => v.Seats), L[QuotaMethodMessage],
            [.. plan.Proposal.Select(v => new ProposedVillageRead(v.Code, names[v.Code], v.PoorResidents, v.Seats,
                [.. v.TrackSeats.Select((s, i) => new ProposedTrackSeats(plan.Tracks[i].Id, s))]))],
            [.. plan.Quotas.Select(q => new QuotaBody(q.VillageCode, q.TrackId, q.Size))]));
    }

    /// <summary>The method in one paragraph, for the API answer and the quota page.</summary>
    public const string QuotaMethodMessage =
        "Each kelurahan gets seats in proportion to its residents of desil 1 to 4 in the registry: first the whole part of its share " +
        "(target × its poor residents ÷ all poor residents), then the seats still free go one by one to the largest remainders, " +
        "equal remainders to the lower kelurahan code (the largest-remainder or Hamilton method). The seats add up to the target " +
        "exactly; a kelurahan without poor residents gets none. Per track, each kelurahan's seats are shared equally over the tracks " +
        "the same way; a seat left over goes to the track with the fewest seats so far, then to the first track.";
}
