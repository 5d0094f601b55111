using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Registry;

namespace Tunas.Web.Features.Training.Kits;

/// <summary>
/// Hands a participant their kit on a phone: the day, the track's template items, and a photo (the phone's camera
/// through the file input) or a signature drawn on a canvas (signature.js, which fills a hidden field).
/// </summary>
[Authorize(Policy = TrainingPolicies.Cohorts)]
public sealed class HandoverModel(CohortReader reader, KitBook book, KitHandovers handovers, KitProofs proofs, CohortScope scope, IStringLocalizer<SharedResource> L)
    : PageModel
{
    public CohortRead Cohort { get; private set; } = null!;
    public ParticipantRead Participant { get; private set; } = null!;
    public IReadOnlyList<KitItemValues> Items { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public DateOnly Today => scope.Today;
    public long MaxMegabytes => proofs.MaxBytes / (1024 * 1024);

    public async Task<IActionResult> OnGetAsync(int id, long participantId, CancellationToken ct) =>
        await LoadAsync(id, participantId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, long participantId, string? handedOverOn, IFormFile? photo, string? signature, CancellationToken ct)
    {
        if (!await LoadAsync(id, participantId, ct))
        {
            return NotFound();
        }
        HandoverRequest request;
        if (photo is { Length: > 0 })
        {
            byte[]? bytes = null;
            if (photo.Length <= proofs.MaxBytes)
            {
                using var copy = new MemoryStream();
                await photo.CopyToAsync(copy, ct);
                bytes = copy.ToArray();
            }
            request = new HandoverRequest(handedOverOn, null, bytes is null ? null : new KitProofUpload(KitProof.Photo, bytes), photo.Length);
        }
        else
        {
            var png = KitProofs.FromDataUrl(signature);
            request = new HandoverRequest(handedOverOn, null, png is null ? null : new KitProofUpload(KitProof.Signature, png), signature?.Length ?? 0);
        }
        var result = await handovers.HandOverAsync(id, participantId, request, ct);
        if (result.Outcome == HandoverOutcome.Created)
        {
            TempData["Message"] = L["The kit hand-over was recorded."].Value;
            return Redirect($"/Training/{id}/Kits");
        }
        Errors = [.. result.Errors.Select(e => PersonsApi.Text(e, L))];
        return Page();
    }

    private async Task<bool> LoadAsync(int id, long participantId, CancellationToken ct)
    {
        if (await reader.ReadAsync(id, ct) is not { } cohort || cohort.Participants.FirstOrDefault(p => p.Id == participantId) is not { } participant)
        {
            return false;
        }
        (Cohort, Participant) = (cohort, participant);
        Items = await book.TemplateAsync(cohort.TrackId, ct);
        return true;
    }
}
