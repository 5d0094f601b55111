using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Shared.Messaging;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Applications;

/// <summary>
/// One application for the staff: the person (NIK masked), program and tracks, checks, the published result with its
/// score, appeals and the messages sent. A kelurahan operator opens their own kelurahan's only (404 otherwise).
/// </summary>
[Authorize(Policy = Policies.Applications)]
public sealed class DetailsModel(ApplicationRecords records, IStringLocalizer<SharedResource> L) : PageModel
{
    public ApplicationRecord Record { get; private set; } = null!;

    /// <summary>Officers also see the program and selection pages; an operator would be refused there.</summary>
    public bool IsOfficer => User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.ProgramOfficer);

    public async Task<IActionResult> OnGetAsync(long applicationId, CancellationToken ct)
    {
        if (await records.FindAsync(applicationId, ct) is not { } record)
        {
            return NotFound();
        }
        Record = record;
        return Page();
    }

    public string KindLabel(MessageKind kind) => kind switch
    {
        MessageKind.SelectionResult => L["Selection result"],
        MessageKind.AppealAnswer => L["Appeal answer"],
        MessageKind.Promotion => L["Promotion from the waitlist"],
        MessageKind.TrainingPlacement => L["Training schedule"],
        _ => L["Application received"],
    };

    public string ChannelLabel(MessageChannel channel) => channel switch
    {
        MessageChannel.WhatsAppLink => L["WhatsApp link"],
        MessageChannel.Email => L["E-mail"],
        _ => L["SMS/WhatsApp gateway"],
    };

    public string MessageStatusLabel(MessageStatus status) => status switch
    {
        MessageStatus.Sent => L["Sent"],
        MessageStatus.Failed => L["Failed"],
        _ => L["Waiting"],
    };
}
