using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry;

/// <summary>A document an officer saw when verifying a self-registered resident.</summary>
public enum IdentityDocument
{
    /// <summary>KTP-el, the identity card.</summary>
    Ktp,

    /// <summary>Kartu Keluarga, the family card.</summary>
    Kk,

    /// <summary>Surat Keterangan Tidak Mampu, the letter of need from the kelurahan.</summary>
    Sktm,

    /// <summary>Anything else, named in the note.</summary>
    Other,
}

public enum VerifyOutcome
{
    Verified,
    NotFound,
    AlreadyVerified,
    NoDocument,
}

/// <summary>
/// An officer's check of a resident who registered themselves (told at submission that an officer will verify
/// them): which documents were seen and a note, audited as <c>person.verified</c>. Their applications stay as they
/// are: a self-registered person's own applications are submitted already, and a held claim on the person is another
/// sender's, resolved on its own (decision 0021).
/// </summary>
public sealed class PersonVerification(TunasDb db, AuditLog audit, CurrentUser me)
{
    /// <summary>Self-registered residents still to check, of the user's agency.</summary>
    public IQueryable<Person> ToVerify()
    {
        var agency = me.AgencyId ?? 0;
        return db.Persons.AsNoTracking().Where(p => p.AgencyId == agency && !p.Verified && p.Origin == PersonOrigin.SelfRegistered);
    }

    public async Task<VerifyOutcome> VerifyAsync(long personId, IReadOnlyCollection<IdentityDocument> documents, string? note, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 0)
        {
            return VerifyOutcome.NoDocument;
        }
        var agency = me.AgencyId ?? 0;
        var person = await db.Persons.FirstOrDefaultAsync(p => p.Id == personId && p.AgencyId == agency, ct);
        if (person is null)
        {
            return VerifyOutcome.NotFound;
        }
        if (person.Verified)
        {
            return VerifyOutcome.AlreadyVerified;
        }
        person.Verified = true;
        audit.Record("person.verified", "Person", personId.ToString(CultureInfo.InvariantCulture),
            new { documents = documents.Distinct().Select(d => d.ToString()).ToArray(), note });
        await db.SaveChangesAsync(ct);
        return VerifyOutcome.Verified;
    }
}
