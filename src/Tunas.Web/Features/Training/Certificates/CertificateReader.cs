using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;

namespace Tunas.Web.Features.Training.Certificates;

/// <summary>The public answer about a certificate: who, what, where, when and whether it still holds. Nothing else.</summary>
public sealed record PublicCertificate(
    string HolderName, string Track, string Provider, DateOnly StartsOn, DateOnly EndsOn, string Number, string Status, DateOnly? RevokedOn);

public sealed record CertificateRow(long Id, long ParticipantId, string Number, string VerificationCode, DateOnly? RevokedOn, string? RevokeReason);

/// <summary>Finds certificates: for staff through <see cref="CohortScope"/>, for the public by code only.</summary>
public sealed class CertificateReader(TunasDb db, CohortScope scope)
{
    /// <summary>A certificate whose cohort the user may see, or null.</summary>
    public async Task<Certificate?> FindAsync(long id, CancellationToken ct = default)
    {
        var certificate = await db.Set<Certificate>().AsNoTracking().FirstOrDefaultAsync(c => c.AgencyId == scope.AgencyId && c.Id == id, ct);
        return certificate is not null && await scope.Cohorts.AnyAsync(c => c.Id == certificate.CohortId, ct) ? certificate : null;
    }

    /// <summary>The cohort's certificates by number, or null when the cohort is not the user's to see.</summary>
    public async Task<IReadOnlyList<Certificate>?> OfCohortAsync(int cohortId, CancellationToken ct = default)
    {
        if (!await scope.Cohorts.AnyAsync(c => c.Id == cohortId, ct))
        {
            return null;
        }
        return await db.Set<Certificate>().AsNoTracking().Where(c => c.AgencyId == scope.AgencyId && c.CohortId == cohortId)
            .OrderBy(c => c.Sequence).ToListAsync(ct);
    }

    /// <summary>Any agency's certificate by its code, for the public check; a malformed code is not looked up.</summary>
    public async Task<PublicCertificate?> VerifyAsync(string? code, CancellationToken ct = default)
    {
        if (VerificationCodes.Normalize(code) is not { } normalized)
        {
            return null;
        }
        return await db.Set<Certificate>().AsNoTracking().Where(c => c.VerificationCode == normalized)
            .Select(c => new PublicCertificate(c.HolderName, c.TrackName, c.ProviderName, c.StartsOn, c.EndsOn, c.Number,
                c.RevokedOn == null ? "valid" : "revoked", c.RevokedOn))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>The cohort's modules (its sessions' titles, in order, once each) and the agency's signatory.</summary>
    public async Task<CertificateContext> ContextAsync(int agencyId, int cohortId, CancellationToken ct = default)
    {
        var titles = await db.Set<CohortSession>().AsNoTracking().Where(s => s.AgencyId == agencyId && s.CohortId == cohortId)
            .OrderBy(s => s.Date).ThenBy(s => s.SortOrder).ThenBy(s => s.Id).Select(s => s.Title).ToListAsync(ct);
        var agency = await db.Agencies.AsNoTracking().FirstAsync(a => a.Id == agencyId, ct);
        // No signatory set: the head of the agency signs.
        var signatory = agency.SignatoryName is not null;
        return new CertificateContext([.. titles.Distinct(StringComparer.OrdinalIgnoreCase)], agency.Name,
            signatory ? agency.SignatoryName : agency.HeadName, signatory ? agency.SignatoryTitle : agency.HeadTitle, signatory ? agency.SignatoryEmployeeNumber : null);
    }

    /// <summary>A participant's own certificate (the placement from the sign-in, never from the request).</summary>
    public Task<Certificate?> OfParticipantAsync(CohortParticipant participant, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return db.Set<Certificate>().AsNoTracking()
            .FirstOrDefaultAsync(c => c.AgencyId == participant.AgencyId && c.ParticipantId == participant.Id, ct);
    }
}
