namespace Tunas.Web.Features.Shared;

/// <summary>Indonesian mobile and landline numbers, normalised to +62… (what WhatsApp links need).</summary>
public static class PhoneNumber
{
    /// <summary>
    /// "0812-3456-7890", "62 812 3456 7890", "+62812…" and "812…" become "+6281234567890". Spaces, dashes,
    /// dots and brackets are dropped; anything else, or a length outside 9-13 national digits, is refused.
    /// </summary>
    public static bool TryNormalize(string? text, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        Span<char> digits = stackalloc char[32];
        var n = 0;
        var t = text.Trim();
        for (var i = 0; i < t.Length; i++)
        {
            var c = t[i];
            if (char.IsAsciiDigit(c))
            {
                if (n == digits.Length)
                {
                    return false;
                }
                digits[n++] = c;
            }
            else if (c == '+' && i == 0)
            {
                continue;
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')'))
            {
                return false;
            }
        }
        var all = new string(digits[..n]);
        var national = all.StartsWith("62", StringComparison.Ordinal) ? all[2..]
            : all.StartsWith('0') ? all[1..]
            : all;
        if (national.Length is < 9 or > 13 || national.StartsWith('0'))
        {
            return false;
        }
        normalized = "+62" + national;
        return true;
    }
}
