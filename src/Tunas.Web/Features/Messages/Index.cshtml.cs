using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared.Messaging;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Messages;

/// <summary>
/// The operator's message list: WhatsApp click-to-chat links to open on the phone and mark as sent, and the state of
/// the messages the system sends itself (e-mail, gateway), with retry for those that failed.
/// </summary>
[Authorize(Policy = Policies.Messages)]
public sealed class IndexModel(MessageBoard board, TunasDb db, CurrentUser me, VillageNames villageNames, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int PageSize = 30;

    /// <summary>pending (the default), sent, failed or all.</summary>
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "channel")]
    public string? Channel { get; set; }

    [BindProperty(SupportsGet = true, Name = "program")]
    public int? ProgramId { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public MessagePage Result { get; private set; } = new([], 0, 1, PageSize);
    public IReadOnlyList<(int Id, string Name)> Programs { get; private set; } = [];
    public int FailedCount { get; private set; }
    public string? OwnVillageName { get; private set; }

    public int PageCount => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    /// <summary>The click-to-chat messages on this page still to send and already opened: what "mark all as sent" marks.</summary>
    public IReadOnlyList<long> PendingLinksShown =>
        [.. Result.Items.Where(m => m.Status == MessageStatus.Pending && m.Channel == MessageChannel.WhatsAppLink && m.OpenedAt is not null).Select(m => m.Id)];

    /// <summary>The system's own sending (e-mail, gateway) in the program filtered on, or all.</summary>
    public MessageProgress Progress { get; private set; } = new(0, 0, 0, 0, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        Result = await board.ListAsync(Filter(), PageNumber, PageSize, ct);
        var agency = me.AgencyId ?? -1;
        Programs = (await db.Programs.AsNoTracking().Where(p => p.AgencyId == agency)
                .OrderByDescending(p => p.Year).ThenBy(p => p.Name)
                .Select(p => new { p.Id, p.Name, p.Year }).ToListAsync(ct))
            .Select(p => (p.Id, $"{p.Name} ({p.Year.ToString(CultureInfo.InvariantCulture)})")).ToList();
        FailedCount = StatusValue() == MessageStatus.Failed ? 0 : await board.FailedAsync(ct);
        Progress = await board.ProgressAsync(ProgramId, ct);
        if (board.OwnVillage is { } own)
        {
            var names = await villageNames.AllAsync(ct);
            OwnVillageName = names.TryGetValue(own, out var v) ? v.Name : own;
        }
    }

    public async Task<IActionResult> OnPostSentAsync(long id, CancellationToken ct)
    {
        var change = await board.MarkSentAsync(id, ct);
        if (change == MessageChange.NotFound)
        {
            return NotFound();
        }
        TempData["Message"] = change == MessageChange.Done
            ? L["Marked as sent."].Value
            : L["Only a WhatsApp link message can be marked as sent by hand; e-mail and gateway messages are sent by the system."].Value;
        return Redirect(PageUrl(PageNumber));
    }

    public async Task<IActionResult> OnPostSentAllAsync(long[] ids, CancellationToken ct)
    {
        var count = await board.MarkAllSentAsync(ids ?? [], ct);
        TempData["Message"] = L["{0} messages marked as sent.", count].Value;
        return Redirect(PageUrl(PageNumber));
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken ct)
    {
        var change = await board.RetryAsync(id, ct);
        if (change == MessageChange.NotFound)
        {
            return NotFound();
        }
        TempData["Message"] = change == MessageChange.Done
            ? L["The message is back in the queue."].Value
            : L["Only a message that failed can be sent again."].Value;
        return Redirect(PageUrl(PageNumber));
    }

    /// <summary>This list's address with the same filters; with a handler, the address a form posts to.</summary>
    public string PageUrl(int page, string? handler = null)
    {
        var query = new List<string>();
        if (handler is not null)
        {
            query.Add("handler=" + handler);
        }
        Add(query, "status", Status);
        Add(query, "kind", Kind);
        Add(query, "channel", Channel);
        if (ProgramId is { } program)
        {
            query.Add("program=" + program.ToString(CultureInfo.InvariantCulture));
        }
        if (page > 1)
        {
            query.Add("p=" + page.ToString(CultureInfo.InvariantCulture));
        }
        return "/Messages" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

    public string KindLabel(MessageKind kind) => kind switch
    {
        MessageKind.SelectionResult => L["Selection result"],
        MessageKind.AppealAnswer => L["Appeal answer"],
        MessageKind.Promotion => L["Promotion from the waitlist"],
        MessageKind.ApplicationReceived => L["Application received"],
        MessageKind.TrainingPlacement => L["Training schedule"],
        _ => kind.ToString(),
    };

    public string ChannelLabel(MessageChannel channel) => channel switch
    {
        MessageChannel.WhatsAppLink => L["WhatsApp link"],
        MessageChannel.Email => L["E-mail"],
        MessageChannel.Gateway => L["SMS/WhatsApp gateway"],
        _ => channel.ToString(),
    };

    public string StatusLabel(MessageStatus status) => status switch
    {
        MessageStatus.Pending => L["Waiting"],
        MessageStatus.Sent => L["Sent"],
        MessageStatus.Failed => L["Failed"],
        MessageStatus.Sending => L["Being sent"],
        MessageStatus.Unknown => L["Unknown, check manually"],
        _ => status.ToString(),
    };

    /// <summary>The status filter in effect: pending unless the address says otherwise; null for all.</summary>
    public MessageStatus? StatusValue() =>
        string.Equals(Status, "all", StringComparison.OrdinalIgnoreCase) ? null : Value<MessageStatus>(Status) ?? MessageStatus.Pending;

    public static T? Value<T>(string? text) where T : struct, Enum =>
        Enum.GetNames<T>().FirstOrDefault(n => n.Equals(text?.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name ? Enum.Parse<T>(name) : null;

    public static string Code<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private MessageFilter Filter() => new(StatusValue(), Value<MessageKind>(Kind), ProgramId, Value<MessageChannel>(Channel));

    private static void Add(List<string> query, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            query.Add(name + "=" + Uri.EscapeDataString(value.Trim()));
        }
    }
}
