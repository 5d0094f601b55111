using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Selection;

/// <summary>
/// The score (decision 0006). Desil comes first: one desil step is worth more than every other factor together
/// (at most 10 + 8 + 6 + 5 + 20 + 20 = 69 points), so a poorer household always ranks above a richer one.
/// </summary>
public static class Scoring
{
    /// <summary>Desil d earns (11 - d) x 100: desil 1 earns 1,000, desil 10 earns 100, an unknown desil 0.</summary>
    public const int DesilStep = 100;

    public const int FemaleHeadedHouseholdPoints = 10;
    public const int DisabilityPoints = 8;
    public const int NoEarnerPoints = 6;

    /// <summary>One point per household member after the first, at most <see cref="HouseholdSizeMaxPoints"/>.</summary>
    public const int HouseholdSizeMaxPoints = 5;

    /// <summary>The youth and women weights of a program may each be 0 to 20, so desil still comes first.</summary>
    public const int MaxProgramWeight = 20;

    public const int YouthMinAge = 18;
    public const int YouthMaxAge = 29;

    /// <summary>Scores one applicant; ages are counted on <paramref name="ageReferenceDate"/>.</summary>
    public static ScoreBreakdown Score(Applicant applicant, ScoreWeights weights, DateOnly ageReferenceDate)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        ArgumentNullException.ThrowIfNull(weights);
        var age = Eligibility.AgeOn(applicant.BirthDate, ageReferenceDate);
        return new(
            Desil: applicant.WelfareDecile is { } d ? (11 - d) * DesilStep : 0,
            FemaleHeadedHousehold: applicant.FemaleHeadedHousehold ? FemaleHeadedHouseholdPoints : 0,
            Disability: applicant.Disability ? DisabilityPoints : 0,
            NoEarner: applicant.NoEarnerInHousehold ? NoEarnerPoints : 0,
            HouseholdSize: Math.Clamp(applicant.HouseholdSize - 1, 0, HouseholdSizeMaxPoints),
            Youth: age is >= YouthMinAge and <= YouthMaxAge ? weights.YouthWeight : 0,
            Women: applicant.Sex == Sex.Female ? weights.WomenWeight : 0);
    }

    internal static void Validate(ScoreWeights weights)
    {
        if (weights.YouthWeight is < 0 or > MaxProgramWeight || weights.WomenWeight is < 0 or > MaxProgramWeight)
        {
            throw new ArgumentException(
                $"The youth and women weights are 0 to {MaxProgramWeight}, not {weights.YouthWeight} and {weights.WomenWeight}.",
                nameof(weights));
        }
    }
}

/// <summary>
/// The last fair tie-break: the first 8 bytes of SHA-256 over the UTF-8 text <c>seed:registrationNumber</c>, read as
/// an unsigned big-endian number; the smaller comes first. Anyone can recompute it, e.g.
/// <c>printf '%s' 'seed:REG-1' | sha256sum</c> and compare the first 16 hex digits.
/// </summary>
public static class TieBreak
{
    public static ulong Hash(string seed, string registrationNumber)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(registrationNumber);
        var length = Encoding.UTF8.GetMaxByteCount(seed.Length + 1 + registrationNumber.Length);
        Span<byte> text = length <= 512 ? stackalloc byte[length] : new byte[length];
        var written = Encoding.UTF8.GetBytes(seed, text);
        text[written++] = (byte)':';
        written += Encoding.UTF8.GetBytes(registrationNumber, text[written..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(text[..written], hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }

    /// <summary>The hash as the 16 hex digits <c>sha256sum</c> starts with.</summary>
    public static string Hex(ulong hash) => hash.ToString("x16", CultureInfo.InvariantCulture);
}
