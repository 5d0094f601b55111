using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Tunas.Web.Features.Shared;

/// <summary>Stored sentences (English, the localization key, with their arguments) in the user's language.</summary>
public static class LocalizedText
{
    /// <summary>The translation of <paramref name="message"/> with <paramref name="args"/>; the English when the translation does not fit them.</summary>
    public static string Format(IStringLocalizer L, string message, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(L);
        ArgumentNullException.ThrowIfNull(args);
        object?[] values = [.. args];
        try
        {
            return string.Format(CultureInfo.InvariantCulture, L[message].Value, values);
        }
        catch (FormatException)
        {
            try
            {
                return string.Format(CultureInfo.InvariantCulture, message, values);
            }
            catch (FormatException)
            {
                return message;
            }
        }
    }
}
