using System.Globalization;
using System.Text;

namespace Tunas.Web.Features.Shared;

/// <summary>
/// Cleans text as it comes in (a form, an API body, a file row), before it is checked, compared or stored:
/// names and free text keep what a person typed and lose what they cannot see. Pure.
/// </summary>
public static class TextInput
{
    /// <summary>
    /// One line of text: control characters and invisible format characters (direction overrides and isolates,
    /// zero-width spaces and joiners, the byte-order mark, soft hyphens) removed; typographic apostrophes and
    /// quotes made plain (’ ‘ ʼ ` ´ → ', “ ” → "); every run of white space, line breaks included, made one
    /// space; trimmed; composed (NFC). Null when nothing is left.
    /// </summary>
    public static string? Clean(string? text) => Clean(text, multiLine: false);

    /// <summary>
    /// The same for a field of several lines (an appeal, a motivation, a description): line breaks are kept
    /// (as \n, each line trimmed, at most one empty line in a row); everything else as <see cref="Clean(string?)"/>.
    /// </summary>
    public static string? CleanLines(string? text) => Clean(text, multiLine: true);

    private static string? Clean(string? text, bool multiLine)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (IsPlainAscii(text))
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        var pendingBreaks = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (multiLine && IsLineBreak(c))
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                pendingSpace = false;
                if (sb.Length > 0)
                {
                    pendingBreaks = Math.Min(pendingBreaks + 1, 2);
                }
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (char.IsSurrogate(c))
            {
                // A pair is one character (an emoji, a rare CJK name); half of one cannot be stored in PostgreSQL.
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    Flush(sb, ref pendingSpace, ref pendingBreaks);
                    sb.Append(c).Append(text[i + 1]);
                    i++;
                }
                continue;
            }
            if (char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }
            Flush(sb, ref pendingSpace, ref pendingBreaks);
            sb.Append(Fold(c));
        }
        return sb.Length == 0 ? null : sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Most names of a file: printable ASCII, single-spaced, trimmed. Nothing to do, nothing to allocate.</summary>
    private static bool IsPlainAscii(string text)
    {
        if (text[0] == ' ' || text[^1] == ' ')
        {
            return false;
        }
        var previousSpace = false;
        foreach (var c in text)
        {
            if (c is < ' ' or > '~' or '`' || (c == ' ' && previousSpace))
            {
                return false;
            }
            previousSpace = c == ' ';
        }
        return true;
    }

    private static void Flush(StringBuilder sb, ref bool pendingSpace, ref int pendingBreaks)
    {
        if (pendingBreaks > 0)
        {
            sb.Append('\n', pendingBreaks);
        }
        else if (pendingSpace)
        {
            sb.Append(' ');
        }
        pendingSpace = false;
        pendingBreaks = 0;
    }

    private static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

    /// <summary>The apostrophes and quotes that keyboards, Word and Excel put in place of the plain ones.</summary>
    private static char Fold(char c) => c switch
    {
        '\u2019' or '\u2018' or '\u201B' or '\u02BC' or '\u02BB' or '\u0060' or '\u00B4' or '\u2032' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' => '"',
        _ => c,
    };
}
