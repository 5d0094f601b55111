using System.Security.Cryptography;
using System.Text;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Tunas.Web.Features.Shared.Messaging;

namespace Tunas.Web.Features.Messages;

/// <summary>A message for <see cref="SmtpMailer"/>; <see cref="Reference"/> is the outbox key.</summary>
public sealed record EmailMessage(string To, string? ToName, string Subject, string Body, string Reference);

/// <summary>Sends e-mail through the SMTP server of <c>Messages:SmtpHost</c> (MailKit), one connection per message.</summary>
public sealed class SmtpMailer(IOptions<MessagingOptions> options, TimeProvider clock)
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var o = options.Value;
        if (!o.EmailConfigured || string.IsNullOrWhiteSpace(o.SmtpFrom))
        {
            throw new InvalidOperationException("E-mail is not set up (Messages:SmtpHost and Messages:SmtpFrom).");
        }
        var from = MailboxAddress.Parse(o.SmtpFrom);
        using var mail = new MimeMessage();
        mail.From.Add(from);
        mail.To.Add(new MailboxAddress(message.ToName ?? "", message.To));
        mail.Subject = message.Subject;
        mail.Date = clock.GetUtcNow();
        // The same outbox message always has the same Message-ID, so a mail system can drop a repeat.
        mail.MessageId = ReferenceId(message.Reference, from.Domain);
        mail.Body = new TextPart("plain") { Text = message.Body };

        using var client = new MailKit.Net.Smtp.SmtpClient { Timeout = o.SendTimeoutSeconds * 1000 };
        await client.ConnectAsync(o.SmtpHost!, o.SmtpPort, Socket(o.SmtpSecurity), ct);
        if (!string.IsNullOrWhiteSpace(o.SmtpUser))
        {
            await client.AuthenticateAsync(o.SmtpUser, o.SmtpPassword ?? "", ct);
        }
        await client.SendAsync(mail, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    /// <summary>A Message-ID from the outbox key, without the key itself (it holds a registration number).</summary>
    public static string ReferenceId(string reference, string? domain)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(reference)))[..32];
        return $"{hash}@{(string.IsNullOrWhiteSpace(domain) ? "tunas.local" : domain)}";
    }

    private static SecureSocketOptions Socket(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
