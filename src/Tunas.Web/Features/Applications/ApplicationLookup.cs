using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Applications;

/// <summary>An application as its applicant may see it, found by registration number and birth date.</summary>
public sealed record FoundApplication(
    string RegistrationNumber,
    ApplicationStatus Status,
    int ProgramId,
    string ProgramName,
    DateOnly? PublicationOn,
    IntakeTrack? FirstTrack,
    IntakeTrack? SecondTrack,
    string VillageCode,
    string VillageName,
    DateTime SubmittedAt,
    IReadOnlyList<IntakeCheck> Checks,
    PublishedDecision? Decision,
    IntakeTrack? DecisionTrack,
    IReadOnlyList<AppealView> Appeals,
    AppealWindow? AppealWindow,
    TrainingPlan? Training)
{
    /// <summary>The appeal form is offered: not eligible or not selected, inside the window, nothing waiting.</summary>
    public bool AppealOffered => AppealWindow.Offered(AppealWindow, Decision, Appeals);
}

/// <summary>
/// Finds an application for its applicant: the number and the birth date must both match, and a wrong number
/// and a wrong birth date look exactly alike (no oracle for guessing either).
/// </summary>
public sealed class ApplicationLookup(
    TunasDb db, RegionDirectory regions, IPublishedDecisions decisions, IAppealStatus appeals, ITrainingSchedule schedule, TimeProvider clock)
{
    public async Task<FoundApplication?> FindAsync(string? registrationNumber, DateOnly birthDate, CancellationToken ct = default)
    {
        if (!RegistrationNumbers.TryNormalize(registrationNumber, out var number))
        {
            return null;
        }
        var row = await db.Applications.AsNoTracking()
            .Where(a => a.RegistrationNumber == number)
            .Join(db.Persons, a => a.PersonId, p => p.Id, (a, p) => new
            {
                a.Id,
                a.AgencyId,
                a.RegistrationNumber,
                a.Status,
                a.ProgramId,
                a.FirstTrackId,
                a.SecondTrackId,
                a.VillageCode,
                a.SubmittedAt,
                a.ChecksJson,
                p.BirthDate,
            })
            .FirstOrDefaultAsync(ct);
        if (row is null || row.BirthDate != birthDate)
        {
            return null;
        }
        var program = await db.Programs.AsNoTracking().Where(p => p.AgencyId == row.AgencyId && p.Id == row.ProgramId)
            .Select(p => new { p.Name, p.PublicationOn, p.AppealOpens, p.AppealCloses }).FirstAsync(ct);
        var tracks = await db.Tracks.AsNoTracking().Where(t => t.AgencyId == row.AgencyId && t.ProgramId == row.ProgramId)
            .Select(t => new IntakeTrack(t.Id, t.Name, t.WomenOnly)).ToDictionaryAsync(t => t.Id, ct);
        IntakeTrack? Track(long? id) => id is { } i && tracks.TryGetValue((int)i, out var t) ? t : null;

        var decision = await decisions.FindAsync(row.AgencyId, row.ProgramId, row.Id, ct);
        var appealed = decision is null ? [] : await appeals.ForApplicationAsync(row.AgencyId, row.Id, ct);
        var selected = decision?.Status is DecisionStatus.Selected or DecisionStatus.Promoted && row.Status != ApplicationStatus.Withdrawn;
        var training = selected ? await schedule.ForAsync(row.Id, row.ProgramId, (int?)decision!.TrackId, ct) : null;
        var villages = await regions.VillagesAsync(ct);
        // A held application looks like any other to whoever holds its number (decision 0016).
        var status = row.Status == ApplicationStatus.Held ? ApplicationStatus.Submitted : row.Status;
        return new FoundApplication(row.RegistrationNumber, status, row.ProgramId, program.Name, program.PublicationOn,
            Track(row.FirstTrackId), Track(row.SecondTrackId), row.VillageCode,
            villages.TryGetValue(row.VillageCode, out var v) ? v.Name : row.VillageCode,
            row.SubmittedAt, ApplicationJson.Checks(row.ChecksJson), decision, Track(decision?.TrackId),
            appealed, AppealWindow.Of(program.AppealOpens, program.AppealCloses, clock.TodayInIndonesia()), training);
    }
}

/// <summary>The words of applications in the user's language, shared by the API and the pages.</summary>
public static class ApplicationText
{
    public static string Check(IntakeCheck check, IStringLocalizer L) => LocalizedText.Format(L, check.Message, check.Args);

    public static string Issue(FieldIssue issue, IStringLocalizer L) => PersonForm.Sentence(issue, L);

    public static string DecisionLabel(DecisionStatus status, IStringLocalizer L) => status switch
    {
        DecisionStatus.Selected => L["Selected"],
        DecisionStatus.Waitlisted => L["Waitlisted"],
        DecisionStatus.NotSelected => L["Not selected"],
        DecisionStatus.Ineligible => L["Ineligible"],
        DecisionStatus.Promoted => L["Selected from the waitlist"],
        _ => L["Withdrawn"],
    };

    public static string AppealStateLabel(AppealState state, IStringLocalizer L) => state switch
    {
        AppealState.Upheld => L["Upheld"],
        AppealState.Rejected => L["Rejected"],
        _ => L["Waiting for an answer"],
    };

    /// <summary>A rejected application is named so, as an officer decided it; what was checked stays with the officer (decision 0021).</summary>
    public static string StatusLabel(ApplicationStatus status, IStringLocalizer L) => status switch
    {
        ApplicationStatus.Withdrawn => L["Withdrawn"],
        ApplicationStatus.Rejected => L["Rejected"],
        _ => L["Submitted"],
    };

    public static string Rule(string rule, IStringLocalizer L) => rule.ToUpperInvariant() switch
    {
        "AGE" => L["Age"],
        "DOMICILE" => L["Domicile"],
        "DESIL" => L["Welfare decile (desil)"],
        "RECENTTRAINING" => L["No recent training"],
        "FIRSTTRACK" => L["First choice of track"],
        "SECONDTRACK" => L["Second choice of track"],
        "HOUSEHOLD" => L["Per family card (No. KK)"],
        _ => rule,
    };

    public static string RuleStatus(string status, IStringLocalizer L) => status.ToUpperInvariant() switch
    {
        "PASSED" => L["met"],
        "FAILED" => L["not met"],
        _ => L["not applied"],
    };

    /// <summary>The score's parts with their labels, in the order of the score's documentation (decision 0006).</summary>
    public static IEnumerable<(string Label, int Points)> ScoreParts(ScoreBreakdown score, IStringLocalizer L)
    {
        yield return (L["Welfare decile (desil)"], score.Desil);
        yield return (L["Woman-headed household"], score.FemaleHeadedHousehold);
        yield return (L["Disability"], score.Disability);
        yield return (L["No one in the household earns"], score.NoEarner);
        yield return (L["Household size"], score.HouseholdSize);
        yield return (L["Young applicant (18-29)"], score.Youth);
        yield return (L["Women"], score.Women);
    }

    /// <summary>Field → sentences, for a ValidationProblem.</summary>
    public static Dictionary<string, string[]> Errors(IEnumerable<FieldIssue> issues, IStringLocalizer L) =>
        issues.GroupBy(i => i.Field.Length == 0 ? "application" : i.Field)
            .ToDictionary(g => g.Key, g => g.Select(i => Issue(i, L)).ToArray());
}
