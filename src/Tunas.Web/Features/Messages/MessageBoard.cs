using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared.Messaging;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Messages;

/// <summary>Which messages a list shows; null means any.</summary>
public sealed record MessageFilter(MessageStatus? Status = null, MessageKind? Kind = null, int? ProgramId = null, MessageChannel? Channel = null);

/// <summary>A message as the operator's list and the API show it: the recipient masked, the wa.me link for click-to-chat.</summary>
public sealed record MessageRow(
    long Id, MessageKind Kind, MessageChannel Channel, MessageStatus Status, string? RecipientName, string Recipient,
    string? Subject, string Body, int? ProgramId, string? ProgramName, long? ApplicationId, string? RegistrationNumber,
    int Attempts, DateTime CreatedAt, DateTime NextAttemptAt, DateTime? SentAt, string? SentBy, string? LastError, string? WhatsAppUrl,
    DateTime? OpenedAt = null, string? GatewayReference = null);

public sealed record MessagePage(IReadOnlyList<MessageRow> Items, int Total, int Page, int PageSize);

/// <summary>How far the system's own sending got (e-mail and gateway): "terkirim 120 dari 248, gagal 3".</summary>
public sealed record MessageProgress(int Total, int Sent, int Failed, int Unknown, int Waiting)
{
    public bool Done => Waiting == 0;
}

public enum MessageChange
{
    Done,
    NotFound,

    /// <summary>The message is not in a state that allows the change (e.g. an e-mail cannot be marked sent by hand).</summary>
    NotAllowed,
}

/// <summary>
/// The outbox as staff see it: their agency's messages, and for a kelurahan operator only those about applications
/// of their own kelurahan (a message about no application is not theirs). Marking sent and retrying go through the
/// same rule, so a message one cannot see cannot be changed either.
/// </summary>
public sealed class MessageBoard(TunasDb db, CurrentUser me, TimeProvider clock, ILogger<MessageBoard> logger)
{
    public const int MaxPageSize = 100;

    /// <summary>The kelurahan of a kelurahan operator; null for officers and administrators.</summary>
    public string? OwnVillage => RegistryAccess.OwnVillage(me);

    public IQueryable<OutboxMessage> Visible()
    {
        var agency = me.AgencyId ?? -1;
        var visible = db.OutboxMessages.Where(m => m.AgencyId == agency);
        if (OwnVillage is { } own)
        {
            visible = visible.Where(m => db.Applications.Any(a => a.AgencyId == agency && a.Id == m.ApplicationId && a.VillageCode == own));
        }
        return visible;
    }

    public async Task<MessagePage> ListAsync(MessageFilter filter, int page, int pageSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var query = Filtered(filter);
        var total = await query.CountAsync(ct);
        var items = await RowsAsync(query
            .OrderBy(m => m.Status == MessageStatus.Pending ? 0 : 1)
            .ThenBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Skip((page - 1) * pageSize).Take(pageSize), ct);
        return new MessagePage(items, total, page, pageSize);
    }

    public async Task<MessageRow?> FindAsync(long id, CancellationToken ct) =>
        (await RowsAsync(Visible().Where(m => m.Id == id), ct)).FirstOrDefault();

    /// <summary>Click-to-chat messages still to send, for the menu badge.</summary>
    public Task<int> PendingLinksAsync(CancellationToken ct) =>
        Visible().CountAsync(m => m.Status == MessageStatus.Pending && m.Channel == MessageChannel.WhatsAppLink, ct);

    /// <summary>Messages that gave up, for a hint on the list.</summary>
    public Task<int> FailedAsync(CancellationToken ct) => Visible().CountAsync(m => m.Status == MessageStatus.Failed, ct);

    /// <summary>The operator sent this click-to-chat message by hand: stores when and who. Already sent: nothing changes.</summary>
    public async Task<MessageChange> MarkSentAsync(long id, CancellationToken ct)
    {
        var message = await Visible().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (message is null)
        {
            return MessageChange.NotFound;
        }
        if (message.Channel != MessageChannel.WhatsAppLink || message.Status == MessageStatus.Failed)
        {
            return MessageChange.NotAllowed;
        }
        if (message.Status == MessageStatus.Pending)
        {
            MarkSent(message);
            await db.SaveChangesAsync(ct);
        }
        return MessageChange.Done;
    }

    /// <summary>
    /// The operator opens a click-to-chat link: the first opening is stored, and the wa.me address to go on to is
    /// returned (null: not found, or not a link message).
    /// </summary>
    public async Task<string?> OpenAsync(long id, CancellationToken ct)
    {
        var message = await Visible().AsNoTracking()
            .Where(m => m.Id == id && m.Channel == MessageChannel.WhatsAppLink)
            .Select(m => new { m.Recipient, m.Body, m.OpenedAt })
            .FirstOrDefaultAsync(ct);
        if (message is null)
        {
            return null;
        }
        if (message.OpenedAt is null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await Visible().Where(m => m.Id == id && m.OpenedAt == null).ExecuteUpdateAsync(s => s.SetProperty(m => m.OpenedAt, now), ct);
        }
        return WhatsAppLink.For(message.Recipient, message.Body);
    }

    /// <summary>Where the system's own sending stands, for one program or all; a kelurahan operator counts their own.</summary>
    public async Task<MessageProgress> ProgressAsync(int? programId, CancellationToken ct)
    {
        var query = Visible().Where(m => m.Channel != MessageChannel.WhatsAppLink);
        if (programId is { } program)
        {
            query = query.Where(m => m.ProgramId == program);
        }
        var counts = await query.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(params MessageStatus[] statuses) => counts.Where(c => statuses.Contains(c.Key)).Sum(c => c.Count);
        return new MessageProgress(counts.Sum(c => c.Count), Count(MessageStatus.Sent), Count(MessageStatus.Failed), Count(MessageStatus.Unknown),
            Count(MessageStatus.Pending, MessageStatus.Sending));
    }

    /// <summary>
    /// "Mark all opened as sent": the pending click-to-chat messages among <paramref name="ids"/> that this user sees
    /// and that were opened from the list; one never opened was certainly not sent.
    /// </summary>
    public async Task<int> MarkAllSentAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var wanted = ids.Distinct().Take(MaxPageSize).ToList();
        if (wanted.Count == 0)
        {
            return 0;
        }
        var messages = await Visible()
            .Where(m => wanted.Contains(m.Id) && m.Status == MessageStatus.Pending && m.Channel == MessageChannel.WhatsAppLink && m.OpenedAt != null)
            .ToListAsync(ct);
        foreach (var message in messages)
        {
            MarkSent(message);
        }
        await db.SaveChangesAsync(ct);
        return messages.Count;
    }

    /// <summary>
    /// A message that gave up, or whose send was interrupted with no way to know if it arrived (unknown), goes back
    /// into the queue with a fresh count of attempts. An unknown one is resent on purpose under a new idempotency
    /// key, so that a gateway that got the first does not drop the resend.
    /// </summary>
    public async Task<MessageChange> RetryAsync(long id, CancellationToken ct)
    {
        // One conditional UPDATE: two people pressing retry at once put it back once, and a sender never sees it half-reset.
        var now = clock.GetUtcNow().UtcDateTime;
        var resendKey = "resend:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + Guid.NewGuid().ToString("N");
        var changed = await Visible()
            .Where(m => m.Id == id && (m.Status == MessageStatus.Failed || m.Status == MessageStatus.Unknown))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.SendKey, m => m.Status == MessageStatus.Unknown ? resendKey : m.SendKey)
                .SetProperty(m => m.Status, MessageStatus.Pending)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.LastError, (string?)null), ct);
        if (changed == 0)
        {
            return await Visible().AnyAsync(m => m.Id == id, ct) ? MessageChange.NotAllowed : MessageChange.NotFound;
        }
        logger.LogInformation("Message {MessageId} put back into the queue by user {UserId}.", id, me.Id);
        return MessageChange.Done;
    }

    private IQueryable<OutboxMessage> Filtered(MessageFilter filter)
    {
        var query = Visible();
        if (filter.Status is { } status)
        {
            query = query.Where(m => m.Status == status);
        }
        if (filter.Kind is { } kind)
        {
            query = query.Where(m => m.Kind == kind);
        }
        if (filter.ProgramId is { } program)
        {
            query = query.Where(m => m.ProgramId == program);
        }
        if (filter.Channel is { } channel)
        {
            query = query.Where(m => m.Channel == channel);
        }
        return query;
    }

    private async Task<List<MessageRow>> RowsAsync(IQueryable<OutboxMessage> query, CancellationToken ct)
    {
        var rows = await query
            .Select(m => new
            {
                m.Id,
                m.Kind,
                m.Channel,
                m.Status,
                m.RecipientName,
                m.Recipient,
                m.Subject,
                m.Body,
                m.ProgramId,
                m.ApplicationId,
                m.Attempts,
                m.CreatedAt,
                m.NextAttemptAt,
                m.SentAt,
                m.LastError,
                m.OpenedAt,
                m.GatewayReference,
                ProgramName = db.Programs.Where(p => p.AgencyId == m.AgencyId && p.Id == m.ProgramId).Select(p => p.Name).FirstOrDefault(),
                RegistrationNumber = db.Applications.Where(a => a.AgencyId == m.AgencyId && a.Id == m.ApplicationId).Select(a => a.RegistrationNumber).FirstOrDefault(),
                SentBy = db.Users.Where(u => u.Id == m.SentById).Select(u => u.FullName ?? u.Email).FirstOrDefault(),
            })
            .AsNoTracking()
            .ToListAsync(ct);
        return rows.Select(m => new MessageRow(
            m.Id, m.Kind, m.Channel, m.Status, m.RecipientName, RecipientMask.Of(m.Channel, m.Recipient), m.Subject, m.Body,
            m.ProgramId, m.ProgramName, m.ApplicationId, m.RegistrationNumber, m.Attempts, m.CreatedAt, m.NextAttemptAt, m.SentAt,
            m.SentBy, m.LastError,
            m.Channel == MessageChannel.WhatsAppLink ? WhatsAppLink.For(m.Recipient, m.Body) : null, m.OpenedAt, m.GatewayReference)).ToList();
    }

    private void MarkSent(OutboxMessage message)
    {
        message.Status = MessageStatus.Sent;
        message.SentAt = clock.GetUtcNow().UtcDateTime;
        message.SentById = me.Id;
    }
}
