namespace Tunas.Web.Features.Shared.Messaging;

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

    /// <summary>Address of the HTTP JSON webhook gateway (<c>WebhookGateway</c>).</summary>
    public string? GatewayUrl { get; set; }

    /// <summary>
    /// Where the webhook gateway answers "did you get the message with this key?" (<c>GET {GatewayStatusUrl}/{key}</c>);
    /// empty: it cannot be asked, and a send interrupted by a crash is marked unknown for an officer to check.
    /// </summary>
    public string? GatewayStatusUrl { get; set; }

    /// <summary>Bearer token the webhook gateway is called with, if it wants one.</summary>
    public string? GatewayToken { get; set; }

    /// <summary>Attempts before a message is marked failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>False stops the background sender (messages wait in the outbox); tests drive <c>OutboxDispatcher</c> themselves.</summary>
    public bool SenderEnabled { get; set; } = true;

    /// <summary>How often the sender looks for due messages when nothing wakes it earlier.</summary>
    public int PollSeconds { get; set; } = 15;

    /// <summary>Messages claimed in one pass.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Sends under way at once within a pass (a publication's few hundred messages do not wait on each other's round trip).</summary>
    public int SendConcurrency { get; set; } = 4;

    /// <summary>How long a claimed message belongs to the instance that claimed it before another may take it over.</summary>
    public int LeaseSeconds { get; set; } = 300;

    /// <summary>The wait after the first failure; it doubles with each further failure up to <see cref="MaxRetrySeconds"/>.</summary>
    public int FirstRetrySeconds { get; set; } = 60;

    public int MaxRetrySeconds { get; set; } = 3600;

    /// <summary>Time allowed for one send (SMTP or gateway call).</summary>
    public int SendTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// The public site, e.g. <c>https://tunas.blitarkota.go.id</c>, for the links in messages; empty: the app warns once at
    /// start and takes the scheme and host of the request that composes the message.
    /// </summary>
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
        if (GatewayUrl is { Length: > 0 } url && !IsHttpUrl(url))
        {
            problems.Add("Messages:GatewayUrl must be an absolute http(s) address.");
        }
        if (GatewayStatusUrl is { Length: > 0 } statusUrl && !IsHttpUrl(statusUrl))
        {
            problems.Add("Messages:GatewayStatusUrl must be an absolute http(s) address.");
        }
        if (PublicBaseUrl is { Length: > 0 } publicUrl && !(IsHttpUrl(publicUrl) && new Uri(publicUrl).Query.Length == 0 && new Uri(publicUrl).Fragment.Length == 0))
        {
            problems.Add("Messages:PublicBaseUrl must be an absolute http(s) address without query, e.g. https://tunas.example.go.id.");
        }
        if (SendConcurrency is < 1 or > 32)
        {
            problems.Add("Messages:SendConcurrency must be 1-32.");
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

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0;
}

public enum SmtpSecurity
{
    Auto,
    None,
    StartTls,
    SslOnConnect,
}
