using System.Globalization;
using Tunas.Web.Features.Shared.Messaging;

namespace Tunas.Web.Features.Training;

/// <summary>What a placement message tells, read from the cohort, its track, provider and program.</summary>
public sealed record PlacementFacts(string ProgramName, string CohortName, string TrackName, string ProviderName, string Place, DateOnly StartsOn, DateOnly EndsOn, string? WhatToBring);

/// <summary>Which of what a participant was told changed.</summary>
public sealed record CohortChanges(bool Dates, bool Place, bool Bring);

/// <summary>
/// The training messages to participants, in plain Bahasa Indonesia whatever the staff's language (the outbox keeps
/// them as sent): the cohort, the place, the first day as people write it, what to bring; never a NIK.
/// </summary>
public sealed class TrainingTexts(PublicAddress address)
{
    public const string DefaultBring = "KTP, alat tulis, dan nomor pendaftaran ini";

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public (string Subject, string Body) Placement(PlacementFacts facts, string registrationNumber, bool moved = false)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var opening = moved
            ? $"Tempat pelatihan Anda di {facts.ProgramName} kami pindahkan ke angkatan {facts.CohortName} ({facts.TrackName})."
            : $"Anda kami tempatkan di angkatan {facts.CohortName} ({facts.TrackName}), {facts.ProgramName}.";
        var body = $"{opening} Tempat: {facts.Place}, {facts.ProviderName}. Hari pertama: {Day(facts.StartsOn)}; selesai {Written(facts.EndsOn)}. "
            + $"Yang dibawa: {(string.IsNullOrWhiteSpace(facts.WhatToBring) ? DefaultBring : facts.WhatToBring.TrimEnd('.'))}. "
            + $"No. pendaftaran: {registrationNumber}. Cek jadwal di {address.Link("/Status")}";
        return ($"Jadwal pelatihan: {facts.ProgramName}", body);
    }

    /// <summary>A correction after a cohort's days, place or what to bring changed: what changed first, then the whole schedule again.</summary>
    public (string Subject, string Body) Correction(PlacementFacts facts, string registrationNumber, CohortChanges changes)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(changes);
        string[] parts = [.. new[] { (changes.Dates, "tanggal"), (changes.Place, "tempat"), (changes.Bring, "barang yang dibawa") }.Where(c => c.Item1).Select(c => c.Item2)];
        var what = parts.Length switch
        {
            0 => "jadwal",
            1 => parts[0],
            _ => string.Join(", ", parts[..^1]) + " dan " + parts[^1],
        };
        var body = $"Perubahan {what} pelatihan angkatan {facts.CohortName} ({facts.TrackName}), {facts.ProgramName}. "
            + $"Tempat: {facts.Place}, {facts.ProviderName}. Hari pertama: {Day(facts.StartsOn)}; selesai {Written(facts.EndsOn)}. "
            + $"Yang dibawa: {(string.IsNullOrWhiteSpace(facts.WhatToBring) ? DefaultBring : facts.WhatToBring.TrimEnd('.'))}. "
            + $"No. pendaftaran: {registrationNumber}. Cek jadwal di {address.Link("/Status")}";
        return ($"Perubahan jadwal pelatihan: {facts.ProgramName}", body);
    }

    /// <summary>"Jumat, 24 Oktober 2025": the date with <see cref="Shared.DateText.Written"/> in Indonesian, whatever the staff's language.</summary>
    public static string Day(DateOnly date) => date.ToString("dddd", Indonesian) + ", " + Written(date);

    public static string Written(DateOnly date)
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = Indonesian;
            return Shared.DateText.Written(date);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
