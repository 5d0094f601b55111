using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Registry;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Selection;

/// <summary>
/// Runs the selection of a program: reads the applications with the registry facts that rank them, runs the pure
/// <see cref="SelectionEngine"/>, and stores the run frozen (settings, quotas, each applicant's input and result)
/// with who ran it. A newer run supersedes the drafts before it; once one is published no new run is allowed.
/// </summary>
public sealed class SelectionRunner(TunasDb db, CurrentUser user, AuditLog audit, TimeProvider clock, ITrainingHistory history)
{
    /// <summary>Runs the selection as the signed-in user, for a program of their agency.</summary>
    public Task<RunAttempt> RunAsync(int programId, CancellationToken ct = default) =>
        RunAsync(programId, new SelectionActor(user.AgencyId ?? 0, user.Id ?? "system", user.Name ?? "system"), ct);

    /// <summary>Runs the selection as <paramref name="actor"/> (the demo, a command).</summary>
    public async Task<RunAttempt> RunAsync(int programId, SelectionActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var program = await db.Programs.AsNoTracking().Include(p => p.Tracks)
            .FirstOrDefaultAsync(p => p.Id == programId && p.AgencyId == actor.AgencyId, ct);
        if (program is null)
        {
            return RunAttempt.Fail(RunProblem.NotFound);
        }
        if (await db.SelectionRuns.AnyAsync(r => r.AgencyId == program.AgencyId && r.ProgramId == programId && r.Status == SelectionRunStatus.Published, ct))
        {
            return RunAttempt.Fail(RunProblem.AlreadyPublished);
        }
        var quotas = await db.ProgramQuotas.AsNoTracking().Where(q => q.AgencyId == program.AgencyId && q.ProgramId == programId)
            .OrderBy(q => q.RegionCode).ThenBy(q => q.TrackId).ToListAsync(ct);
        if (quotas.Count == 0)
        {
            return RunAttempt.Fail(RunProblem.NoQuotas);
        }

        var referenceDate = program.SelectionOn ?? clock.TodayInIndonesia();
        var applicants = await LoadApplicantsAsync(program, quotas, ct);
        var input = new SelectionInput
        {
            Seed = program.Seed,
            ReferenceDate = referenceDate,
            Settings = ProgramSettings.ToSettings(program, program.Tracks),
            Weights = ProgramSettings.ToWeights(program),
            Quotas = ProgramSettings.ToQuotas(quotas),
            Applicants = applicants,
            SpillOver = program.SpillOver,
            WaitlistLength = program.WaitlistLength,
        };
        var result = SelectionEngine.Run(input);
        return RunAttempt.Ok(await StoreAsync(programId, input, result, actor, ct));
    }

    /// <summary>
    /// Stores a run frozen, in one transaction: the run row (settings, quotas, the inputs and their hash, counts),
    /// a decision per applicant by the provider's fast path (<see cref="DecisionStore"/>), and the audit entry. The
    /// drafts before it are superseded.
    /// </summary>
    public async Task<SelectionRun> StoreAsync(int programId, SelectionInput input, SelectionResult result, SelectionActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(actor);
        // The inputs are serialized and compressed on another core while the decisions are written.
        var freezing = Task.Run(() => FrozenInputs.Freeze(input.Applicants), ct);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var agencyId = await db.Programs.Where(p => p.AgencyId == actor.AgencyId && p.Id == programId).Select(p => p.AgencyId).SingleAsync(ct);
            var number = await db.SelectionRuns.Where(r => r.AgencyId == agencyId && r.ProgramId == programId).MaxAsync(r => (int?)r.Number, ct) ?? 0;
            await db.SelectionRuns.Where(r => r.AgencyId == agencyId && r.ProgramId == programId && r.Status == SelectionRunStatus.Draft)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, SelectionRunStatus.Superseded), ct);
            var run = new SelectionRun
            {
                AgencyId = agencyId,
                ProgramId = programId,
                Number = number + 1,
                Status = SelectionRunStatus.Draft,
                RunAt = clock.GetUtcNow().UtcDateTime,
                RunById = actor.Id,
                RunByName = actor.Name,
                ReferenceDate = input.ReferenceDate,
                Seed = input.Seed,
                SettingsJson = JsonSerializer.Serialize(FrozenSettings.Of(input), DecisionJson.Options),
                QuotasJson = JsonSerializer.Serialize(input.Quotas, DecisionJson.Options),
                InputsHash = "",
                Applicants = result.Applicants.Count,
                Selected = result.Count(SelectionOutcome.Selected),
                Waitlisted = result.Count(SelectionOutcome.Waitlisted),
                NotSelected = result.Count(SelectionOutcome.NotSelected),
                Ineligible = result.Count(SelectionOutcome.Ineligible),
            };
            db.SelectionRuns.Add(run);
            await db.SaveChangesAsync(ct);

            run.RulesJson = await DecisionStore.WriteAsync(db.Database.GetDbConnection(), tx.GetDbTransaction(), run, result.Applicants, ct);
            (run.InputsBlob, run.InputsHash) = await freezing;
            audit.Record("selection.run", "program", programId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                new { run = run.Number, run.Applicants, run.Selected, run.Waitlisted, run.NotSelected, run.Ineligible, run.InputsHash },
                (actor.Id, actor.Name));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return run;
        });
    }

    /// <summary>
    /// Every submitted application with its person's registry facts. The domicile is the registry's kelurahan
    /// (for a self-registered person, the one they gave); the household facts come from the family card.
    /// </summary>
    private async Task<List<Applicant>> LoadApplicantsAsync(TrainingProgram program, List<ProgramQuota> quotas, CancellationToken ct)
    {
        var rows = await (
            from a in db.Applications.AsNoTracking()
            where a.AgencyId == program.AgencyId && a.ProgramId == program.Id && a.Status == ApplicationStatus.Submitted
            join p in db.Persons on a.PersonId equals p.Id
            select new
            {
                a.Id,
                a.RegistrationNumber,
                a.FirstTrackId,
                a.SecondTrackId,
                a.SubmittedAt,
                a.PersonId,
                p.VillageCode,
                p.Sex,
                p.BirthDate,
                p.WelfareDecile,
                p.Disability,
                p.FamilyCardNumber,
                p.HouseholdId,
            }).ToListAsync(ct);

        var householdIds = db.Applications.Where(a => a.AgencyId == program.AgencyId && a.ProgramId == program.Id && a.Status == ApplicationStatus.Submitted)
            .Join(db.Persons, a => a.PersonId, p => p.Id, (a, p) => p.HouseholdId);
        var households = await db.Persons.AsNoTracking()
            .Where(p => p.AgencyId == program.AgencyId && p.HouseholdId != null && householdIds.Contains(p.HouseholdId))
            .GroupBy(p => p.HouseholdId!.Value)
            .Select(g => new
            {
                Id = g.Key,
                Size = g.Count(),
                Earners = g.Count(p => p.EmploymentStatus == EmploymentStatus.Employed || p.EmploymentStatus == EmploymentStatus.SelfEmployed),
            })
            .ToDictionaryAsync(h => h.Id, ct);
        var femaleHeaded = (await (
            from h in db.Households.AsNoTracking()
            where householdIds.Contains(h.Id)
            join head in db.Persons on h.HeadPersonId equals head.Id
            where head.Sex == Shared.Sex.Female
            select h.Id).ToListAsync(ct)).ToHashSet();

        var lastTrained = await LastTrainedAsync(program, ct);
        var regions = new QuotaRegions(quotas.Select(q => q.RegionCode));
        return [.. rows.Select(r =>
        {
            households.TryGetValue(r.HouseholdId ?? 0, out var household);
            return new Applicant
            {
                ApplicationId = r.Id,
                RegistrationNumber = r.RegistrationNumber,
                VillageCode = r.VillageCode,
                QuotaRegion = regions.Of(r.VillageCode),
                FirstTrackId = r.FirstTrackId,
                SecondTrackId = r.SecondTrackId,
                Sex = r.Sex,
                BirthDate = r.BirthDate,
                WelfareDecile = r.WelfareDecile,
                Disability = r.Disability,
                FamilyCardNumber = r.FamilyCardNumber,
                HouseholdSize = household?.Size ?? 0,
                NoEarnerInHousehold = household is not null && household.Earners == 0,
                FemaleHeadedHousehold = r.HouseholdId is { } id && femaleHeaded.Contains(id),
                LastTrainedOn = lastTrained.TryGetValue(r.PersonId, out var on) ? on : null,
                SubmittedAt = DateTime.SpecifyKind(r.SubmittedAt, DateTimeKind.Utc),
            };
        })];
    }

    /// <summary>
    /// When each person last finished a training: the end of another program of the agency whose published
    /// selection chose them (its training end, else start, else publication, else registration close).
    /// </summary>
    private async Task<Dictionary<long, DateOnly>> LastTrainedAsync(TrainingProgram program, CancellationToken ct)
    {
        var chosen = await (
            from d in db.SelectionDecisions.AsNoTracking()
            join r in db.SelectionRuns on d.RunId equals r.Id
            join p in db.Programs on r.ProgramId equals p.Id
            join a in db.Applications on d.ApplicationId equals a.Id
            where r.Status == SelectionRunStatus.Published && p.Id != program.Id && p.AgencyId == program.AgencyId
                && (d.Status == DecisionStatus.Selected || d.Status == DecisionStatus.Promoted)
            select new { a.PersonId, End = p.TrainingEnds ?? p.TrainingStarts ?? p.PublicationOn ?? p.RegistrationCloses })
            .ToListAsync(ct);
        var last = chosen.GroupBy(c => c.PersonId).ToDictionary(g => g.Key, g => g.Max(c => c.End));
        // A recorded completion gives the real last day of the training, which may be later than the program's plan.
        foreach (var (person, on) in await history.LastCompletedAsync(program.AgencyId, program.Id, ct))
        {
            last[person] = last.TryGetValue(person, out var planned) && planned > on ? planned : on;
        }
        return last;
    }

    public static DecisionStatus StatusOf(SelectionOutcome outcome) => outcome switch
    {
        SelectionOutcome.Selected => DecisionStatus.Selected,
        SelectionOutcome.Waitlisted => DecisionStatus.Waitlisted,
        SelectionOutcome.NotSelected => DecisionStatus.NotSelected,
        _ => DecisionStatus.Ineligible,
    };
}

/// <summary>What a run was given besides the quotas and applicants, in plain values: stored as the run's settings.</summary>
public sealed record FrozenSettings(
    int? MinAge, int? MaxAge, DateOnly? AgeReferenceDate, int? MaxDesil, string? DomicileRegencyCode, int? MaxPerHousehold,
    int? ExcludeTrainedWithinYears, long[] WomenOnlyTrackIds, int YouthWeight, int WomenWeight, SpillOverRule SpillOver, int? WaitlistLength)
{
    public static FrozenSettings Of(SelectionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var e = input.Settings;
        return new(e.MinAge, e.MaxAge, e.AgeReferenceDate, e.MaxDesil, e.DomicileRegencyCode, e.MaxPerHousehold, e.ExcludeTrainedWithinYears,
            [.. e.WomenOnlyTrackIds.Order()], input.Weights.YouthWeight, input.Weights.WomenWeight, input.SpillOver, input.WaitlistLength);
    }
}

/// <summary>Who runs or publishes a selection, for which agency.</summary>
public sealed record SelectionActor(int AgencyId, string Id, string Name);

public enum RunProblem
{
    None,
    NotFound,
    AlreadyPublished,
    NoQuotas,
}

public sealed record RunAttempt(SelectionRun? Run, RunProblem Problem)
{
    public static RunAttempt Ok(SelectionRun run) => new(run, RunProblem.None);

    public static RunAttempt Fail(RunProblem problem) => new(null, problem);
}

/// <summary>
/// Maps a kelurahan code to the quota region that contains it: the longest quota code equal to it or a dotted
/// prefix of it (a kelurahan quota for a city program, a regency quota for a provincial one).
/// </summary>
public sealed class QuotaRegions(IEnumerable<string> regionCodes)
{
    private readonly HashSet<string> codes = [.. regionCodes];

    public string Of(string villageCode)
    {
        ArgumentNullException.ThrowIfNull(villageCode);
        for (var code = villageCode; code.Length > 0; code = Parent(code))
        {
            if (codes.Contains(code))
            {
                return code;
            }
        }
        return villageCode;
    }

    private static string Parent(string code)
    {
        var dot = code.LastIndexOf('.');
        return dot < 0 ? "" : code[..dot];
    }
}
