using System.Security.Cryptography;

namespace Tunas.Web.Features.Training.Certificates;

/// <summary>
/// Verification codes: 16 characters of Crockford's base32 (no I, L, O or U, so a code read aloud or typed by hand is
/// not misread), 80 random bits from the system's cryptographic generator.
/// </summary>
public static class VerificationCodes
{
    public const int Length = 16;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>The code in its stored form (upper case), or null when it cannot be one.</summary>
    public static string? Normalize(string? text)
    {
        var t = text?.Trim().ToUpperInvariant();
        return t is { Length: Length } && t.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? t : null;
    }
}
