using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Training.Assessments;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Training.Certificates;

public sealed record IssuedRead(long ParticipantId, long CertificateId, string Number, string VerificationCode);

public sealed record NotEligibleRead(long ParticipantId, IReadOnlyList<CompletionReason> Reasons);

public sealed record IssueResult(IReadOnlyList<IssuedRead> Issued, IReadOnlyList<NotEligibleRead> NotEligible);

/// <summary>
/// Issues a cohort's certificates to those who completed, once each, and revokes one. Numbers run per program; the
/// unique indexes settle two issues at once (the loser reads the numbers taken and tries again).
/// </summary>
public sealed class CertificateIssuer(TunasDb db, CohortScope scope, AssessmentBook book, CurrentUser me, AuditLog audit, TimeProvider clock)
{
    public const int ReasonMax = 500;
    public const string ReasonRequiredMessage = "Give the reason for the revocation.";
    public const string ReasonTooLongMessage = "At most {0} characters.";
    public const string AlreadyRevokedMessage = "The certificate was already revoked on {0}.";

    private const int Attempts = 5;

    /// <summary>Null when the cohort is not the user's to see.</summary>
    public async Task<IssueResult?> IssueAsync(int cohortId, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryIssueAsync(cohortId, ct);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another issue of the same program took a number (or this cohort's certificates) first: read again.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<IssueResult?> TryIssueAsync(int cohortId, CancellationToken ct)
    {
        var head = await (
            from c in scope.Cohorts.AsNoTracking()
            where c.Id == cohortId
            join p in db.Programs on c.ProgramId equals p.Id
            join t in db.Tracks on c.TrackId equals t.Id
            join v in db.Providers on c.ProviderId equals v.Id
            select new { Cohort = c, p.CompletionAttendancePercent, p.CompletionRequiresPractical, TrackName = t.Name, ProviderName = v.Name })
            .FirstOrDefaultAsync(ct);
        if (head is null)
        {
            return null;
        }
        var cohort = head.Cohort;
        var facts = await book.FactsAsync(cohort.AgencyId, cohortId, ct);
        var verdicts = facts.Select(f => CompletionRule.Judge(f, head.CompletionAttendancePercent, head.CompletionRequiresPractical, Shared.DateText.Written)).ToList();
        var held = (await db.Set<Certificate>().AsNoTracking().Where(c => c.AgencyId == cohort.AgencyId && c.CohortId == cohortId)
            .Select(c => c.ParticipantId).ToListAsync(ct)).ToHashSet();
        var due = verdicts.Where(v => v.Completed && !held.Contains(v.ParticipantId)).Select(v => v.ParticipantId).ToList();
        // Nobody due: no query (an empty list would make the provider drop the whole filter, agency included).
        var names = due.Count == 0 ? [] : await (
            from x in db.Set<CohortParticipant>().AsNoTracking()
            where x.AgencyId == cohort.AgencyId && due.Contains(x.Id)
            join a in db.Applications on x.ApplicationId equals a.Id
            where a.AgencyId == x.AgencyId
            join p in db.Persons on a.PersonId equals p.Id
            where p.AgencyId == x.AgencyId
            select new { x.Id, p.FullName }).ToDictionaryAsync(x => x.Id, x => x.FullName, ct);
        var hours = await db.Set<CohortSession>().Where(s => s.AgencyId == cohort.AgencyId && s.CohortId == cohortId).SumAsync(s => s.Hours, ct);
        var next = (await db.Set<Certificate>().Where(c => c.AgencyId == cohort.AgencyId && c.ProgramId == cohort.ProgramId)
            .MaxAsync(c => (int?)c.Sequence, ct) ?? 0) + 1;
        var code = TrackCodes.Of(head.TrackName);
        var now = clock.GetUtcNow().UtcDateTime;
        var issued = new List<Certificate>();
        foreach (var participant in due)
        {
            var sequence = next++;
            var certificate = new Certificate
            {
                AgencyId = cohort.AgencyId,
                ProgramId = cohort.ProgramId,
                CohortId = cohortId,
                ParticipantId = participant,
                Sequence = sequence,
                Number = Numbered(cohort.EndsOn.Year, cohort.ProgramId, code, sequence),
                VerificationCode = VerificationCodes.New(),
                HolderName = names.GetValueOrDefault(participant) ?? "",
                TrackName = head.TrackName,
                ProviderName = head.ProviderName,
                StartsOn = cohort.StartsOn,
                EndsOn = cohort.EndsOn,
                Hours = hours,
                IssuedAt = now,
                IssuedById = me.Id,
            };
            db.Add(certificate);
            issued.Add(certificate);
        }
        var notEligible = verdicts.Where(v => !v.Completed).Select(v => new NotEligibleRead(v.ParticipantId, v.Reasons)).ToList();
        if (issued.Count > 0)
        {
            audit.Record("certificate.issued", "Cohort", CohortWriter.Text(cohortId), new
            {
                issued = issued.Count,
                notEligible = notEligible.Count,
                firstNumber = issued[0].Number,
                lastNumber = issued[^1].Number,
            });
            await db.SaveChangesAsync(ct);
        }
        return new IssueResult([.. issued.Select(c => new IssuedRead(c.ParticipantId, c.Id, c.Number, c.VerificationCode))], notEligible);
    }

    /// <summary>Null when the certificate is not of the user's agency (officers only reach here).</summary>
    public async Task<(Certificate? Revoked, IReadOnlyList<FieldIssue> Errors)?> RevokeAsync(long certificateId, string? reason, CancellationToken ct = default)
    {
        if (await db.Set<Certificate>().FirstOrDefaultAsync(c => c.AgencyId == scope.AgencyId && c.Id == certificateId, ct) is not { } certificate
            || !await scope.Cohorts.AnyAsync(c => c.Id == certificate.CohortId, ct))
        {
            return null;
        }
        var text = Shared.TextInput.CleanLines(reason);
        if (text is null)
        {
            return (null, [AssessmentRules.Issue("reason", "required", ReasonRequiredMessage)]);
        }
        if (text.Length > ReasonMax)
        {
            return (null, [AssessmentRules.Issue("reason", "too-long", ReasonTooLongMessage, ReasonMax.ToString(CultureInfo.InvariantCulture))]);
        }
        if (certificate.RevokedOn is { } on)
        {
            return (null, [AssessmentRules.Issue("reason", "revoked", AlreadyRevokedMessage, Shared.DateText.Written(on))]);
        }
        (certificate.RevokedAt, certificate.RevokedOn, certificate.RevokeReason) = (clock.GetUtcNow().UtcDateTime, scope.Today, text);
        audit.Record("certificate.revoked", "Certificate", CohortWriter.Text(certificate.Id), new { number = certificate.Number, reason = text });
        await db.SaveChangesAsync(ct);
        return (certificate, []);
    }

    /// <summary>
    /// <c>TNS/{year}/{program}/{track code}/{running number}</c>: the running number is per program, and the program's id is
    /// unique in the whole database, so two programs of one year (or two agencies) never print the same number.
    /// </summary>
    public static string Numbered(int year, int programId, string trackCode, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"TNS/{year}/{programId:000}/{trackCode}/{sequence:0000}");
}
