using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tunas.Web.Data;

namespace Tunas.Web.Features.Messages;

/// <summary>A message to store in the outbox; <see cref="DedupeKey"/> names the event it reports.</summary>
/// <param name="Phone">WhatsApp/SMS number, normalised to +62...</param>
public sealed record MessageDraft(
    int AgencyId,
    MessageKind Kind,
    string DedupeKey,
    string? Phone,
    string? Email,
    string? RecipientName,
    string Subject,
    string Body,
    long? ApplicationId = null,
    int? ProgramId = null);

/// <summary>Settings of section <c>Messages</c>: which channels can send by themselves.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messages";

    /// <summary>SMTP host; e-mail is used only when this is set and the recipient has an address.</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    public string? SmtpFrom { get; set; }

    /// <summary>True when an <c>IMessageGateway</c> (SMS/WhatsApp) is registered and should carry phone messages.</summary>
    public bool GatewayEnabled { get; set; }

    /// <summary>Attempts before a message is marked failed.</summary>
    public int MaxAttempts { get; set; } = 8;
}

/// <summary>
/// Stores messages in the caller's unit of work (transactional outbox): the caller's <c>SaveChanges</c> stores the
/// change and its messages together, and the sender picks them up afterwards. A message whose key is already
/// stored (or already added in this unit of work) is not added again, so a retried request never sends twice.
/// </summary>
public sealed class Outbox(TunasDb db, TimeProvider clock, IOptions<MessagingOptions> options)
{
    /// <summary>Adds the message without saving; false when nothing can reach the recipient or the key exists.</summary>
    public async Task<bool> AddAsync(MessageDraft draft, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var channel = ChooseChannel(draft);
        if (channel is null)
        {
            return false;
        }
        if (db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.DedupeKey == draft.DedupeKey)
            || await db.OutboxMessages.AnyAsync(m => m.DedupeKey == draft.DedupeKey, ct))
        {
            return false;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        db.OutboxMessages.Add(new OutboxMessage
        {
            AgencyId = draft.AgencyId,
            DedupeKey = draft.DedupeKey,
            Kind = draft.Kind,
            Channel = channel.Value,
            Recipient = channel == MessageChannel.Email ? draft.Email! : draft.Phone!,
            RecipientName = draft.RecipientName,
            Subject = draft.Subject,
            Body = draft.Body,
            ApplicationId = draft.ApplicationId,
            ProgramId = draft.ProgramId,
            Status = MessageStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        });
        return true;
    }

    /// <summary>E-mail when SMTP is set up and there is an address, else the gateway, else a click-to-chat link.</summary>
    public MessageChannel? ChooseChannel(MessageDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var o = options.Value;
        if (!string.IsNullOrWhiteSpace(o.SmtpHost) && !string.IsNullOrWhiteSpace(draft.Email))
        {
            return MessageChannel.Email;
        }
        if (string.IsNullOrWhiteSpace(draft.Phone))
        {
            return null;
        }
        return o.GatewayEnabled ? MessageChannel.Gateway : MessageChannel.WhatsAppLink;
    }
}
