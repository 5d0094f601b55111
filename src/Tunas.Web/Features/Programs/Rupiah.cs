using System.Globalization;

namespace Tunas.Web.Features.Programs;

/// <summary>Whole rupiah as people type and read them: <c>150000000</c>, <c>150.000.000</c>, <c>Rp 150.000.000</c>.</summary>
public static class Rupiah
{
    /// <summary>A thousand trillion rupiah: more than any program's budget, far from overflowing a long.</summary>
    public const long Max = 1_000_000_000_000_000;

    /// <summary>
    /// Plain digits, or digits grouped by threes with dots (Indonesian), commas (English) or spaces; an optional
    /// "Rp" in front and ",-" or ",00" behind, as on invoices. No decimals, no minus sign.
    /// </summary>
    public static bool TryParse(string? text, out long amount)
    {
        amount = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var t = text.Trim();
        if (t.StartsWith("rp", StringComparison.OrdinalIgnoreCase))
        {
            t = t[2..].TrimStart('.', ' ');
        }
        foreach (var tail in (string[])[",-", ",00", ".-"])
        {
            if (t.EndsWith(tail, StringComparison.Ordinal))
            {
                t = t[..^tail.Length].TrimEnd();
            }
        }
        if (t.Length == 0)
        {
            return false;
        }
        var separator = t.FirstOrDefault(c => !char.IsAsciiDigit(c));
        if (separator != default)
        {
            if (separator is not ('.' or ',' or ' ') || !Grouped(t, separator))
            {
                return false;
            }
            t = t.Replace(separator.ToString(), "", StringComparison.Ordinal);
        }
        return long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out amount) && amount <= Max;
    }

    /// <summary><c>Rp 150.000.000</c> under id-ID, <c>Rp 150,000,000</c> under English.</summary>
    public static string Format(long amount, IFormatProvider? culture = null) =>
        "Rp " + amount.ToString("N0", culture ?? CultureInfo.CurrentCulture);

    /// <summary>1 to 3 digits, then groups of exactly 3 digits, each after one <paramref name="separator"/>.</summary>
    private static bool Grouped(string t, char separator)
    {
        var groups = t.Split(separator);
        return groups[0].Length is >= 1 and <= 3
            && groups.All(g => g.All(char.IsAsciiDigit))
            && groups.Skip(1).All(g => g.Length == 3);
    }
}
