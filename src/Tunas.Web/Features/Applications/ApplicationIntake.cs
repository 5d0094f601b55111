using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Registry;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Applications;

/// <summary>Who sends an application: the public (form or API), or a signed-in operator or officer.</summary>
/// <param name="AgencyId">Staff only: the program must belong to their agency.</param>
/// <param name="OwnVillage">A kelurahan operator's kelurahan: the only one they may enter applications for.</param>
public sealed record Submitter(ApplicationChannel Channel, string? UserId, string ActorName, int? AgencyId, string? OwnVillage)
{
    public static readonly Submitter Public = new(ApplicationChannel.Public, null, ApplicationStore.PublicActor, null, null);

    public static Submitter Staff(CurrentUser me)
    {
        ArgumentNullException.ThrowIfNull(me);
        return new(ApplicationChannel.Operator, me.Id, me.Name ?? "staff", me.AgencyId ?? 0, RegistryAccess.OwnVillage(me));
    }
}

public enum IntakeOutcome
{
    /// <summary>A new application (HTTP 201).</summary>
    Created,

    /// <summary>The person had applied already: their existing number (HTTP 200).</summary>
    Existing,

    /// <summary>Field errors (HTTP 400).</summary>
    Invalid,

    /// <summary>No such program, or not public (HTTP 404).</summary>
    ProgramNotFound,

    /// <summary>Registration is not open today (HTTP 400).</summary>
    RegistrationClosed,

    /// <summary>The queue is full (HTTP 503 with Retry-After).</summary>
    Busy,

    /// <summary>The database cannot write for now, a full disk or a server down (HTTP 503 with Retry-After); nothing stored.</summary>
    Unavailable,

    /// <summary>The database refused it (HTTP 500).</summary>
    Failed,
}

/// <summary>The answer of the intake. <see cref="Errors"/> hold field problems (English keys with their arguments).</summary>
public sealed record IntakeResult(
    IntakeOutcome Outcome,
    IReadOnlyList<FieldIssue> Errors,
    string? RegistrationNumber = null,
    ApplicationStatus Status = ApplicationStatus.Submitted,
    IReadOnlyList<IntakeCheck>? Checks = null,
    IntakeProgram? Program = null)
{
    public bool Accepted => Outcome is IntakeOutcome.Created or IntakeOutcome.Existing;

    public static IntakeResult Problem(IntakeOutcome outcome, params FieldIssue[] errors) => new(outcome, errors);
}

/// <summary>
/// The one way in for an application, used by the public form, the public API and the operator's form: checks it
/// in the request (program, window, fields, an operator's own kelurahan), then hands it to the
/// <see cref="ApplicationWriter"/> and waits for the batch that stores it.
/// </summary>
public sealed class ApplicationIntake(ProgramCatalog programs, RegionDirectory regions, ApplicationWriter writer, TimeProvider clock)
{
    public async Task<IntakeResult> SubmitAsync(ApplicationInput input, Submitter submitter, string consentPurpose, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(submitter);
        try
        {
            return await CheckAndWriteAsync(input, submitter, consentPurpose, ct);
        }
        catch (Exception e) when (DatabaseFaults.Classify(e) is not DatabaseFault.None and var fault)
        {
            // A server down fails the reads before the write (the program, the regions): the same answer as a failed write.
            return Unavailable(fault);
        }
    }

    private async Task<IntakeResult> CheckAndWriteAsync(ApplicationInput input, Submitter submitter, string consentPurpose, CancellationToken ct)
    {
        if (input.ProgramId is not { } programId)
        {
            return IntakeResult.Problem(IntakeOutcome.Invalid, new FieldIssue("programId", "required", ApplicationMessages.ProgramRequiredMessage, []));
        }
        var program = await programs.FindAsync(programId, ct);
        if (program is null || program.Status == ProgramStatus.Draft || (submitter.AgencyId is { } agency && agency != program.AgencyId))
        {
            return IntakeResult.Problem(IntakeOutcome.ProgramNotFound, new FieldIssue("programId", "not-found", ApplicationMessages.ProgramNotFoundMessage, []));
        }
        var today = clock.TodayInIndonesia();
        if (ApplicationRules.RegistrationWindow(program, today) is { } closed)
        {
            return new IntakeResult(IntakeOutcome.RegistrationClosed, [closed], Program: program);
        }

        var villages = await regions.VillagesAsync(ct);
        var upper = await regions.UpperLevelsAsync(ct);
        var context = new IntakeContext(today, await regions.DistrictLookupAsync(ct), code => villages.TryGetValue(code, out var v) && v.IsCurrent,
            code => villages.TryGetValue(code, out var v) ? v.Name : upper.TryGetValue(code, out var r) ? r.Name : null);
        var check = ApplicationRules.Check(input, program, context);
        if (check.Values is not { } values)
        {
            return new IntakeResult(IntakeOutcome.Invalid, check.Errors, Program: program);
        }
        if (submitter.OwnVillage is { } own && values.VillageCode != own)
        {
            return new IntakeResult(IntakeOutcome.Invalid,
                [new FieldIssue("villageCode", "own-village", ApplicationMessages.OwnVillageOnlyMessage, [])], Program: program);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var pending = new PendingApplication
        {
            AgencyId = program.AgencyId,
            ProgramId = program.Id,
            Values = values,
            Checks = check.Checks,
            ConsentPurpose = consentPurpose.Length <= 500 ? consentPurpose : consentPurpose[..500],
            Channel = submitter.Channel,
            EnteredById = submitter.UserId,
            ActorName = submitter.ActorName,
            RequiredVillage = submitter.OwnVillage,
            SubmittedAt = now,
        };
        if (!writer.TryEnqueue(pending))
        {
            return new IntakeResult(IntakeOutcome.Busy, [new FieldIssue("", "busy", ApplicationMessages.QueueFullMessage, [])], Program: program);
        }
        // Not cancelled with the request: once queued it is written, and a retry gets the same number back.
        var written = await pending.Task.WaitAsync(ct);
        return written.Status switch
        {
            WriteStatus.Created or WriteStatus.Existing => new IntakeResult(
                written.Status == WriteStatus.Created ? IntakeOutcome.Created : IntakeOutcome.Existing, [], written.RegistrationNumber,
                written.ApplicationStatus, written.Checks ?? ApplicationJson.Checks(written.ChecksJson), program),
            WriteStatus.Unavailable => Unavailable(written.Fault, program),
            _ => new IntakeResult(IntakeOutcome.Failed, [new FieldIssue("", "failed", ApplicationMessages.SaveFailedMessage, [])], Program: program),
        };
    }

    /// <summary>The answer while the database cannot write: the cause in plain words, then "nothing was stored, try again".</summary>
    public static IntakeResult Unavailable(DatabaseFault fault, IntakeProgram? program = null) => new(IntakeOutcome.Unavailable,
        [new FieldIssue("", "unavailable", DatabaseFaults.Message(fault), []), new FieldIssue("", "unavailable", ApplicationMessages.TryAgainLaterMessage, [])],
        Program: program);
}
