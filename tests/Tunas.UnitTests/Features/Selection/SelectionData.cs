using System.Globalization;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Shared;

namespace Tunas.UnitTests.Features.Selection;

/// <summary>Applicants and inputs for the selection tests: a plain applicant, changed with <c>with</c>.</summary>
internal static class SelectionData
{
    public const string Seed = "tunas-2025";

    public static readonly DateOnly Reference = new(2025, 10, 23);

    public static readonly DateTime Opened = new(2025, 10, 1, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>A 30-year-old man of desil 3 in region A who wants track 1 and applied <paramref name="id"/> minutes after opening.</summary>
    public static Applicant Applicant(long id, string region = "A", long track = 1, long? second = null, int? desil = 3) => new()
    {
        ApplicationId = id,
        RegistrationNumber = string.Create(CultureInfo.InvariantCulture, $"REG-{id:D5}"),
        VillageCode = "35.72.01.1001",
        QuotaRegion = region,
        FirstTrackId = track,
        SecondTrackId = second,
        Sex = Sex.Male,
        BirthDate = new DateOnly(1995, 1, 15),
        WelfareDecile = desil,
        HouseholdSize = 1,
        SubmittedAt = Opened.AddMinutes(id),
    };

    public static SelectionInput Input(IReadOnlyList<Quota> quotas, params Applicant[] applicants) => new()
    {
        Seed = Seed,
        ReferenceDate = Reference,
        Quotas = quotas,
        Applicants = applicants,
    };

    public static ApplicantResult Of(this SelectionResult result, long applicationId) =>
        result.Applicants.Single(a => a.Applicant.ApplicationId == applicationId);

    public static long[] Ids(this SelectionResult result, SelectionOutcome outcome) =>
        [.. result.Applicants.Where(a => a.Outcome == outcome).Select(a => a.Applicant.ApplicationId)];

    /// <summary>Everything a result says about each applicant, as plain values that compare by value.</summary>
    public static List<string> Fingerprint(this SelectionResult result) =>
    [
        .. result.Applicants.Select(a => string.Join("|",
            a.Applicant.ApplicationId.ToString(CultureInfo.InvariantCulture),
            a.Outcome,
            a.Placement,
            Text(a.Rank),
            Text(a.WaitlistPosition),
            a.HomeQuota?.ToString() ?? "-",
            a.SeatQuota?.ToString() ?? "-",
            Text(a.TrackId),
            a.Score.ToString(),
            string.Join(",", a.Rules.Select(r => $"{r.Rule}:{r.Status}:{r.Reason}")))),
        .. result.Quotas.Select(q => q.ToString()),
        .. result.Moves.Select(m => m.ToString()),
    ];

    private static string Text<T>(T? value) where T : struct, IFormattable =>
        value?.ToString(null, CultureInfo.InvariantCulture) ?? "-";
}
