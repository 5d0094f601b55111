using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Training.Kits;

/// <summary>A hand-over as asked for: the day (empty: today), the items (none: the track's template) and the proof.</summary>
public sealed record HandoverRequest(string? HandedOverOn, IReadOnlyList<KitItemBody?>? Items, KitProofUpload? Proof, long ProofLength);

public sealed record KitHandoverRead(
    long Id, long ParticipantId, string RegistrationNumber, string FullName, string MaskedNik, DateOnly HandedOverOn, string HandedOverBy,
    string Proof, long Value, IReadOnlyList<KitItemRead> Items, DateTime? VoidedAt, string? VoidReason);

public enum HandoverOutcome
{
    Created,
    NotFound,
    Invalid,
    Conflict,
}

public sealed record HandoverResult(HandoverOutcome Outcome, long? Id, IReadOnlyList<FieldIssue> Errors);

/// <summary>
/// Kit hand-overs of a cohort, through <see cref="CohortScope"/> (officers, and trainers of the cohort's provider). A
/// placed participant receives one kit; a second is refused until the first is voided by an officer (audited). The
/// proof file is written only once everything else is right.
/// </summary>
public sealed class KitHandovers(TunasDb db, CohortScope scope, CurrentUser me, KitBook book, KitProofs proofs, AuditLog audit, TimeProvider clock)
{
    public const string NotPlacedMessage = "Only a placed participant receives a kit; this one dropped out.";
    public const string AlreadyHandedMessage = "This participant already received a kit on {0}; void that hand-over first.";
    public const string NoTemplateMessage = "The track has no kit template: list the items.";
    public const string FutureMessage = "The hand-over date cannot be after today.";
    public const string ReasonMessage = "Give the reason (at most {0} characters).";

    public async Task<HandoverResult> HandOverAsync(int cohortId, long participantId, HandoverRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cohort = await scope.Cohorts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cohortId, ct);
        var participant = cohort is null ? null : await db.Set<CohortParticipant>().AsNoTracking()
            .FirstOrDefaultAsync(p => p.AgencyId == scope.AgencyId && p.CohortId == cohortId && p.Id == participantId, ct);
        if (cohort is null || participant is null)
        {
            return new(HandoverOutcome.NotFound, null, []);
        }
        if (await StandingAsync(participantId, ct) is { } standing)
        {
            return new(HandoverOutcome.Conflict, null, [Checks.Issue("participantId", "already", AlreadyHandedMessage, Checks.Shown(standing.HandedOverOn))]);
        }
        var errors = new List<FieldIssue>();
        if (participant.Status != ParticipantStatus.Placed)
        {
            errors.Add(Checks.Issue("participantId", "not-placed", NotPlacedMessage));
        }
        var day = string.IsNullOrWhiteSpace(request.HandedOverOn) ? scope.Today : Checks.Date(request.HandedOverOn, "handedOverOn", required: true, errors);
        if (day > scope.Today)
        {
            errors.Add(Checks.Issue("handedOverOn", "future", FutureMessage));
        }
        IReadOnlyList<KitItemValues> items;
        if (request.Items is { Count: > 0 })
        {
            (items, var itemErrors) = KitRules.Check(request.Items);
            errors.AddRange(itemErrors);
        }
        else
        {
            items = await book.TemplateAsync(cohort.TrackId, ct);
            if (items.Count == 0)
            {
                errors.Add(Checks.Issue("items", "required", NoTemplateMessage));
            }
        }
        errors.AddRange(CheckProof(request));
        if (errors.Count > 0)
        {
            return new(HandoverOutcome.Invalid, null, errors);
        }
        var file = await proofs.StoreAsync(request.Proof!, ct);
        var handover = new KitHandover
        {
            AgencyId = scope.AgencyId,
            ProgramId = cohort.ProgramId,
            CohortId = cohortId,
            ParticipantId = participantId,
            HandedOverOn = day!.Value,
            HandedOverById = me.Id,
            HandedOverByName = me.Name ?? "-",
            ProofKind = request.Proof!.Kind,
            ProofFile = file,
            Value = items.Sum(i => i.Value),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Items = [.. items.Select(i => new KitHandoverItem { AgencyId = scope.AgencyId, Name = i.Name, Quantity = i.Quantity, UnitValue = i.UnitValue })],
        };
        db.Add(handover);
        audit.Record("kit.handed-over", "CohortParticipant", CohortWriter.Text(participantId),
            new { cohort = cohort.Name, handedOverOn = DateText.Iso(handover.HandedOverOn), value = handover.Value });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another phone recorded this participant's kit a moment earlier; the unique index kept one.
            db.ChangeTracker.Clear();
            proofs.Discard(file);
            return new(HandoverOutcome.Conflict, null, [Checks.Issue("participantId", "already", AlreadyHandedMessage, Checks.Shown(handover.HandedOverOn))]);
        }
        return new(HandoverOutcome.Created, handover.Id, []);
    }

    /// <summary>Voids a standing hand-over with a reason (officers; audited), so the participant may receive one again.</summary>
    public async Task<IReadOnlyList<FieldIssue>?> VoidAsync(int cohortId, long handoverId, string? reason, CancellationToken ct = default)
    {
        var handover = await scope.Cohorts.AnyAsync(c => c.Id == cohortId, ct)
            ? await db.Set<KitHandover>().FirstOrDefaultAsync(h => h.AgencyId == scope.AgencyId && h.CohortId == cohortId && h.Id == handoverId && h.VoidedAt == null, ct)
            : null;
        if (handover is null)
        {
            return null;
        }
        var text = Checks.Collapse(reason);
        if (text is null || text.Length > KitRules.ReasonMax)
        {
            return [Checks.Issue("reason", "required", ReasonMessage, Checks.Number(KitRules.ReasonMax))];
        }
        handover.VoidedAt = clock.GetUtcNow().UtcDateTime;
        handover.VoidReason = text;
        audit.Record("kit.handover-voided", "CohortParticipant", CohortWriter.Text(handover.ParticipantId), new { reason = text, value = handover.Value });
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>The cohort's hand-overs, voided ones too, newest first. Null when the cohort is not the user's to see.</summary>
    public async Task<IReadOnlyList<KitHandoverRead>?> ListAsync(int cohortId, long? handoverId = null, CancellationToken ct = default)
    {
        if (!await scope.Cohorts.AnyAsync(c => c.Id == cohortId, ct))
        {
            return null;
        }
        var rows = await (
            from h in db.Set<KitHandover>().AsNoTracking().Include(h => h.Items)
            where h.AgencyId == scope.AgencyId && h.CohortId == cohortId && (handoverId == null || h.Id == handoverId)
            join x in db.Set<CohortParticipant>() on h.ParticipantId equals x.Id
            join a in db.Applications on x.ApplicationId equals a.Id
            join p in db.Persons on a.PersonId equals p.Id
            select new { Handover = h, a.RegistrationNumber, p.FullName, p.Nik }).ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.Handover.Id).Select(r => new KitHandoverRead(
            r.Handover.Id, r.Handover.ParticipantId, r.RegistrationNumber, r.FullName, Nik.Mask(r.Nik), r.Handover.HandedOverOn, r.Handover.HandedOverByName,
            r.Handover.ProofKind == KitProof.Photo ? "photo" : "signature", r.Handover.Value,
            [.. r.Handover.Items.OrderBy(i => i.Id).Select(i => new KitItemRead(i.Name, i.Quantity, i.UnitValue, i.Quantity * i.UnitValue))],
            r.Handover.VoidedAt, r.Handover.VoidReason))];
    }

    /// <summary>The proof file of a hand-over of a cohort the user may see: its path and type.</summary>
    public async Task<(string Path, string ContentType)?> ProofAsync(int cohortId, long handoverId, CancellationToken ct = default)
    {
        if (!await scope.Cohorts.AnyAsync(c => c.Id == cohortId, ct))
        {
            return null;
        }
        var file = await db.Set<KitHandover>().AsNoTracking().Where(h => h.AgencyId == scope.AgencyId && h.CohortId == cohortId && h.Id == handoverId)
            .Select(h => h.ProofFile).FirstOrDefaultAsync(ct);
        return file is not null && proofs.PathOf(file) is { } path && File.Exists(path) ? (path, KitProofs.ContentType(file)) : null;
    }

    private Task<KitHandover?> StandingAsync(long participantId, CancellationToken ct) =>
        db.Set<KitHandover>().AsNoTracking().FirstOrDefaultAsync(h => h.AgencyId == scope.AgencyId && h.ParticipantId == participantId && h.VoidedAt == null, ct);

    private IEnumerable<FieldIssue> CheckProof(HandoverRequest request)
    {
        if (request.ProofLength > proofs.MaxBytes || request.Proof?.Content.Length > proofs.MaxBytes)
        {
            yield return Checks.Issue("proof", "too-large", KitProofs.TooLargeMessage, (proofs.MaxBytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture));
        }
        else if (request.Proof is null && request.ProofLength == 0)
        {
            yield return Checks.Issue("proof", "required", KitProofs.MissingMessage);
        }
        else if (request.Proof is null || KitProofs.Extension(request.Proof.Content) is null
            || (request.Proof.Kind == KitProof.Signature && KitProofs.Extension(request.Proof.Content) != ".png"))
        {
            yield return Checks.Issue("proof", "not-image", KitProofs.NotImageMessage);
        }
    }
}
