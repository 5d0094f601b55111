using System.Globalization;
using System.Text;

namespace Tunas.Web.Features.Training.Certificates;

/// <summary>A track's short code in a certificate number: three letters from its name (Menjahit → MNJ, Tata Boga → TBG).</summary>
public static class TrackCodes
{
    public static string Of(string trackName)
    {
        var words = (trackName ?? "").Normalize(NormalizationForm.FormD).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string([.. w.Where(char.IsAsciiLetter)]).ToUpperInvariant()).Where(w => w.Length > 0).ToList();
        if (words.Count == 0)
        {
            return "TRK";
        }
        var code = new StringBuilder();
        foreach (var w in words.Take(3))
        {
            code.Append(w[0]);
        }
        // Fewer than three words: the consonants after the last initial fill the code up.
        var last = words[Math.Min(words.Count, 3) - 1];
        foreach (var c in last.Skip(1).Where(c => !"AEIOU".Contains(c, StringComparison.Ordinal)).Concat(last.Skip(1)))
        {
            if (code.Length >= 3)
            {
                break;
            }
            code.Append(c);
        }
        return code.ToString().PadRight(3, 'X').ToUpper(CultureInfo.InvariantCulture);
    }
}
