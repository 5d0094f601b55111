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

/// <summary>Settings of section <c>Messages</c>: which channels can send by themselves, and how the sender works.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messages";

    /// <summary>SMTP host; e-mail is used only when this is set and the recipient has an address.</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }

    /// <summary>The sender, e.g. <c>Dinas Sosial Kota Blitar &lt;noreply@example.go.id&gt;</c>; required with <see cref="SmtpHost"/>.</summary>
    public string? SmtpFrom { get; set; }

    /// <summary>Auto (TLS when the server offers it), None, StartTls or SslOnConnect.</summary>
    public SmtpSecurity SmtpSecurity { get; set; } = SmtpSecurity.Auto;

    /// <summary>True when an <c>IMessageGateway</c> (SMS/WhatsApp) is registered and should carry phone messages.</summary>
    public bool GatewayEnabled { get; set; }

    /// <summary>Address of the HTTP JSON webhook gateway (<see cref="WebhookGateway"/>).</summary>
    public string? GatewayUrl { get; set; }

    /// <summary>Bearer token the webhook gateway is called with, if it wants one.</summary>
    public string? GatewayToken { get; set; }

    /// <summary>Attempts before a message is marked failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>False stops the background sender (messages wait in the outbox); tests drive <see cref="OutboxDispatcher"/> themselves.</summary>
    public bool SenderEnabled { get; set; } = true;

    /// <summary>How often the sender looks for due messages when nothing wakes it earlier.</summary>
    public int PollSeconds { get; set; } = 15;

    /// <summary>Messages claimed in one pass.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a claimed message belongs to the instance that claimed it before another may take it over.</summary>
    public int LeaseSeconds { get; set; } = 300;

    /// <summary>The wait after the first failure; it doubles with each further failure up to <see cref="MaxRetrySeconds"/>.</summary>
    public int FirstRetrySeconds { get; set; } = 60;

    public int MaxRetrySeconds { get; set; } = 3600;

    /// <summary>Time allowed for one send (SMTP or gateway call).</summary>
    public int SendTimeoutSeconds { get; set; } = 30;

    /// <summary>The public site, e.g. <c>https://tunas.blitarkota.go.id</c>, for the status link in messages; empty: the path alone.</summary>
    public string? PublicBaseUrl { get; set; }

    public bool EmailConfigured => !string.IsNullOrWhiteSpace(SmtpHost);

    /// <summary>Whether any channel sends by itself (otherwise there is nothing for the sender to do).</summary>
    public bool HasAutomaticChannel => EmailConfigured || GatewayEnabled;

    /// <summary>The problems of these settings in words, empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (EmailConfigured && string.IsNullOrWhiteSpace(SmtpFrom))
        {
            problems.Add("Messages:SmtpFrom is required when Messages:SmtpHost is set.");
        }
        if (SmtpPort is < 1 or > 65535)
        {
            problems.Add("Messages:SmtpPort must be 1-65535.");
        }
        if (GatewayUrl is { Length: > 0 } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            problems.Add("Messages:GatewayUrl must be an absolute http(s) address.");
        }
        if (MaxAttempts < 1 || PollSeconds < 1 || BatchSize < 1 || LeaseSeconds < 1 || FirstRetrySeconds < 1
            || MaxRetrySeconds < FirstRetrySeconds || SendTimeoutSeconds < 1)
        {
            problems.Add("Messages: MaxAttempts, PollSeconds, BatchSize, LeaseSeconds, FirstRetrySeconds and SendTimeoutSeconds must be positive, MaxRetrySeconds at least FirstRetrySeconds.");
        }
        if (LeaseSeconds <= SendTimeoutSeconds)
        {
            problems.Add("Messages:LeaseSeconds must be longer than Messages:SendTimeoutSeconds, or a slow send could be taken over and sent twice.");
        }
        return problems;
    }
}

public enum SmtpSecurity
{
    Auto,
    None,
    StartTls,
    SslOnConnect,
}

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
        var keys = drafts.Select(d => d.DedupeKey).Distinct(StringComparer.Ordinal).ToList();
        var taken = (await db.OutboxMessages.AsNoTracking().Where(m => keys.Contains(m.DedupeKey)).Select(m => m.DedupeKey).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        taken.UnionWith(db.ChangeTracker.Entries<OutboxMessage>().Select(e => e.Entity.DedupeKey));
        var now = clock.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var draft in drafts)
        {
            if (ChooseChannel(draft) is not { } channel || !taken.Add(draft.DedupeKey))
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

    private static void Check(MessageDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (MessageTexts.HasNikLikeNumber(draft.Body) || MessageTexts.HasNikLikeNumber(draft.Subject))
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
