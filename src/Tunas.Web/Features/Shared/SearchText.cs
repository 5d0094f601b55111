using System.Globalization;
using System.Text;

namespace Tunas.Web.Features.Shared;

/// <summary>Folds names for search, so that spelling variants of one name meet.</summary>
public static class SearchText
{
    /// <summary>
    /// The search key of a name: folded, with everything but letters and digits dropped, so that
    /// "Kepanjen Kidul", "KEPANJEN-KIDUL" and "Kepanjenkidul" all become "kepanjenkidul".
    /// </summary>
    public static string Key(string? text)
    {
        var folded = Fold(text);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>Lower case, no accents, one space between words ("  Kepanjen  KIDUL" → "kepanjen kidul").</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
