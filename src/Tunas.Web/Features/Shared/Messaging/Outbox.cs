using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tunas.Web.Data;

namespace Tunas.Web.Features.Shared.Messaging;

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

/// <summary>
/// Stores messages in the caller's unit of work (transactional outbox): the caller's <c>SaveChanges</c> stores the
/// change and its messages together, and the sender picks them up afterwards. A message whose key is already
/// stored (or already added in this unit of work) is not added again, so a retried request never sends twice.
/// </summary>
public sealed class Outbox(TunasDb db, TimeProvider clock, IOptions<MessagingOptions> options, OutboxSignal signal)
{
    public const int MaxBodyLength = 4000;
    public const int MaxSubjectLength = 300;
    public const int MaxKeyLength = 200;

    private bool _wakesSender;

    /// <summary>Adds the message without saving; false when nothing can reach the recipient or the key exists.</summary>
    /// <exception cref="ArgumentException">The body or subject holds 16 digits in a row (a NIK never goes into a message).</exception>
    public async Task<bool> AddAsync(MessageDraft draft, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return await AddRangeAsync([draft], ct) == 1;
    }

    /// <summary>
    /// Adds many messages without saving, looking their keys up in one query (a publication tells every
    /// applicant at once); returns how many were added. Same rules as <see cref="AddAsync"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A body or subject holds 16 digits in a row, or a text is too long.</exception>
    public async Task<int> AddRangeAsync(IReadOnlyList<MessageDraft> drafts, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        foreach (var draft in drafts)
        {
            Check(draft);
        }
        // A key is unique within its agency (decision 0019); one query per agency, which is one query in practice.
        var taken = new HashSet<(int, string)>();
        foreach (var group in drafts.GroupBy(d => d.AgencyId))
        {
            var agency = group.Key;
            var keys = group.Select(d => d.DedupeKey).Distinct(StringComparer.Ordinal).ToList();
            taken.UnionWith((await db.OutboxMessages.AsNoTracking().Where(m => m.AgencyId == agency && keys.Contains(m.DedupeKey))
                .Select(m => m.DedupeKey).ToListAsync(ct)).Select(k => (agency, k)));
        }
        taken.UnionWith(db.ChangeTracker.Entries<OutboxMessage>().Select(e => (e.Entity.AgencyId, e.Entity.DedupeKey)));
        var now = clock.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var draft in drafts)
        {
            if (ChooseChannel(draft) is not { } channel || !taken.Add((draft.AgencyId, draft.DedupeKey)))
            {
                continue;
            }
            db.OutboxMessages.Add(new OutboxMessage
            {
                AgencyId = draft.AgencyId,
                DedupeKey = draft.DedupeKey,
                Kind = draft.Kind,
                Channel = channel,
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
            added++;
            if (channel != MessageChannel.WhatsAppLink && !_wakesSender)
            {
                // Once the caller's SaveChanges has stored it, the sender of this instance need not wait for its next poll.
                _wakesSender = true;
                db.SavedChanges += (_, _) => signal.Notify();
            }
        }
        return added;
    }

    /// <summary>True when the text holds 16 or more ASCII digits in a row, as a NIK or a family card number would.</summary>
    public static bool HasNikLikeNumber(string? text)
    {
        var run = 0;
        foreach (var c in text ?? "")
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run >= 16)
            {
                return true;
            }
        }
        return false;
    }

    private static void Check(MessageDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (HasNikLikeNumber(draft.Body) || HasNikLikeNumber(draft.Subject))
        {
            throw new ArgumentException("A message must not carry a NIK (16 digits in a row).", nameof(draft));
        }
        if (draft.Body.Length > MaxBodyLength || draft.Subject.Length > MaxSubjectLength || draft.DedupeKey.Length > MaxKeyLength)
        {
            throw new ArgumentException($"A message has at most {MaxBodyLength} characters of body, {MaxSubjectLength} of subject and {MaxKeyLength} of key.", nameof(draft));
        }
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
