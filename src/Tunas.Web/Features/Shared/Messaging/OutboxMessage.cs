using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tunas.Web.Features.Shared.Messaging;

/// <summary>
/// A message to a resident, stored in the same transaction as the change it reports and sent afterwards
/// (transactional outbox): retried until sent, never sent twice (<see cref="DedupeKey"/> is unique).
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public int AgencyId { get; set; }

    /// <summary>What the message is about, unique: e.g. <c>selection:12:TNS-26-7K3Q-9MXD</c>.</summary>
    public required string DedupeKey { get; set; }

    public MessageKind Kind { get; set; }
    public MessageChannel Channel { get; set; }

    /// <summary>+62... for WhatsApp and SMS, an address for e-mail.</summary>
    public required string Recipient { get; set; }

    public string? RecipientName { get; set; }
    public string? Subject { get; set; }
    public required string Body { get; set; }

    /// <summary>The application it concerns, for the operator's lists.</summary>
    public long? ApplicationId { get; set; }

    public int? ProgramId { get; set; }

    public MessageStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>Who marked a click-to-chat message as sent (WhatsApp link list).</summary>
    public string? SentById { get; set; }

    public string? LastError { get; set; }

    /// <summary>The key the gateway saw as <c>Idempotency-Key</c>; null: <see cref="DedupeKey"/>. A resend on purpose gets a new one.</summary>
    public string? SendKey { get; set; }

    /// <summary>The gateway's own id of the message, from its answer or from a status lookup after a crash.</summary>
    public string? GatewayReference { get; set; }

    /// <summary>When a click-to-chat link was first opened from the list: "mark all as sent" only takes opened ones.</summary>
    public DateTime? OpenedAt { get; set; }

    /// <summary>The idempotency key to send: the same for every automatic attempt, so the gateway can drop a repeat.</summary>
    public string IdempotencyKey => SendKey ?? DedupeKey;
}

public enum MessageKind
{
    SelectionResult,
    AppealAnswer,
    Promotion,
    ApplicationReceived,

    /// <summary>A participant's cohort, place and first day (Training), and a move to another cohort.</summary>
    TrainingPlacement,
}

public enum MessageChannel
{
    /// <summary>A wa.me click-to-chat link the operator opens and sends by hand.</summary>
    WhatsAppLink,

    /// <summary>E-mail by SMTP, when configured.</summary>
    Email,

    /// <summary>An SMS/WhatsApp gateway behind <c>IMessageGateway</c>, when configured.</summary>
    Gateway,
}

public enum MessageStatus
{
    Pending,
    Sent,

    /// <summary>Gave up after the last retry; shown to the operator, who may retry it.</summary>
    Failed,

    /// <summary>
    /// Handed to the channel, answer not yet stored (committed before the send). Found so after its lease, the
    /// send is reconciled with the gateway instead of being repeated.
    /// </summary>
    Sending,

    /// <summary>A send was interrupted and the gateway cannot say whether it arrived: an officer checks and sends again on purpose.</summary>
    Unknown,
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        e.ToTable("OutboxMessages");
        e.Property(x => x.DedupeKey).HasMaxLength(200);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Recipient).HasMaxLength(256);
        e.Property(x => x.RecipientName).HasMaxLength(200);
        e.Property(x => x.Subject).HasMaxLength(300);
        e.Property(x => x.Body).HasMaxLength(4000);
        e.Property(x => x.SentById).HasMaxLength(450);
        e.Property(x => x.LastError).HasMaxLength(1000);
        e.Property(x => x.SendKey).HasMaxLength(200);
        e.Property(x => x.GatewayReference).HasMaxLength(200);
        e.Ignore(x => x.IdempotencyKey);
        // With the agency, as a distributed table's unique keys must be (decision 0019); the key names rows of one agency.
        e.HasIndex(x => new { x.DedupeKey, x.AgencyId }).IsUnique();
        e.HasIndex(x => new { x.Status, x.Channel, x.NextAttemptAt });
        e.HasIndex(x => new { x.AgencyId, x.ProgramId, x.Status });
    }
}
