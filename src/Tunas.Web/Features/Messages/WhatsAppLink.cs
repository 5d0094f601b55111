using Tunas.Web.Features.Shared.Messaging;
namespace Tunas.Web.Features.Messages;

/// <summary>
/// WhatsApp click-to-chat links (<c>https://wa.me/6281234567890?text=...</c>): on a phone the link opens the app
/// with the text typed in, and the operator presses send. The number is the resident's phone (never a NIK).
/// </summary>
public static class WhatsAppLink
{
    public static string For(string phone, string body) =>
        $"https://wa.me/{Digits(phone)}?text={Uri.EscapeDataString(body)}";

    /// <summary>The number as wa.me wants it: country code and number, digits only (+62 812-... becomes 62812...).</summary>
    public static string Digits(string phone)
    {
        var digits = new string([.. (phone ?? "").Where(char.IsAsciiDigit)]);
        return digits.StartsWith('0') ? "62" + digits[1..] : digits;
    }
}

/// <summary>Recipients as lists and log lines show them: enough to tell them apart, not enough to reach them.</summary>
public static class RecipientMask
{
    /// <summary>"+6281234567890" becomes "+62•••••••7890": the last four digits stay.</summary>
    public static string Phone(string? phone)
    {
        var digits = WhatsAppLink.Digits(phone ?? "");
        if (digits.Length <= 6)
        {
            return new string('•', digits.Length);
        }
        return "+" + digits[..2] + new string('•', digits.Length - 6) + digits[^4..];
    }

    /// <summary>"siti.wahyuni@example.id" becomes "s•••@example.id".</summary>
    public static string Email(string? email)
    {
        var at = (email ?? "").LastIndexOf('@');
        return at <= 0 ? "•••" : email![0] + "•••" + email[at..];
    }

    public static string Of(MessageChannel channel, string recipient) =>
        channel == MessageChannel.Email ? Email(recipient) : Phone(recipient);
}
