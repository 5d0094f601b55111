using System.Security.Cryptography;

namespace Tunas.Web.Features.Applications;

/// <summary>
/// Registration numbers like <c>TNS-7K3Q-9MXD</c>: 40 random bits in Crockford's base32 (no I, L, O or U, so
/// nothing is misread on a small screen or over the phone), in two groups of four. They are unguessable, so the
/// number with the birth date is enough to open an application's status.
/// </summary>
public static class RegistrationNumbers
{
    public const string Prefix = "TNS-";

    /// <summary>Characters of the code part (the 8 after the prefix).</summary>
    public const int CodeLength = 8;

    /// <summary>"TNS-" + 4 + "-" + 4.</summary>
    public const int Length = 13;

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        Span<byte> random = stackalloc byte[5];
        RandomNumberGenerator.Fill(random);
        ulong bits = 0;
        foreach (var b in random)
        {
            bits = (bits << 8) | b;
        }
        return From(bits);
    }

    /// <summary>The number written from the low 40 bits of <paramref name="bits"/> (the demo draws them from its seed).</summary>
    public static string From(ulong bits)
    {
        return string.Create(Length, bits, static (chars, value) =>
        {
            Prefix.AsSpan().CopyTo(chars);
            var code = chars[Prefix.Length..];
            code[4] = '-';
            for (var i = CodeLength - 1; i >= 0; i--)
            {
                code[i < 4 ? i : i + 1] = Alphabet[(int)(value & 31)];
                value >>= 5;
            }
        });
    }

    /// <summary>
    /// The number as stored, from what a person typed: any case, with or without the prefix, dashes or spaces,
    /// and with O for 0 and I or L for 1 (Crockford's reading). False when it cannot be a registration number.
    /// </summary>
    public static bool TryNormalize(string? text, out string number)
    {
        number = "";
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return false;
        }
        Span<char> code = stackalloc char[40];
        var n = 0;
        foreach (var raw in text)
        {
            if (raw is ' ' or '-' or '.' || char.IsWhiteSpace(raw))
            {
                continue;
            }
            if (!char.IsAsciiLetterOrDigit(raw))
            {
                return false;
            }
            code[n++] = char.ToUpperInvariant(raw);
        }
        var chars = code[..n];
        if (chars.Length == CodeLength + 3 && chars.StartsWith("TNS"))
        {
            chars = chars[3..];
        }
        if (chars.Length != CodeLength)
        {
            return false;
        }
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                var c => c,
            };
            if (!Alphabet.Contains(chars[i], StringComparison.Ordinal))
            {
                return false;
            }
        }
        number = string.Concat(Prefix, chars[..4], "-", chars[4..]);
        return true;
    }
}
