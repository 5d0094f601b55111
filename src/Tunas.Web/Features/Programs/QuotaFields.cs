using System.Globalization;
using Tunas.Web.Features.Registry;

namespace Tunas.Web.Features.Programs;

/// <summary>One quota as typed or sent: a kelurahan, a track (null: any track) and a size in text.</summary>
public sealed record QuotaInput(string? VillageCode, int? TrackId, string? Size);

public sealed record QuotaValues(string VillageCode, int? TrackId, int Size);

/// <summary>What the quota check needs: which kelurahan codes are current, the program's area and its tracks.</summary>
/// <param name="IsCurrentVillage">Whether a dotted code is a current kelurahan/desa.</param>
/// <param name="Area">The regency (or province) the kelurahan must lie in; null: anywhere.</param>
/// <param name="TrackIds">The program's tracks.</param>
public sealed record QuotaContext(Func<string, bool> IsCurrentVillage, string? Area, IReadOnlySet<int> TrackIds);

/// <summary>The rules of a program's quota list, checked as a whole (it replaces the stored list or nothing).</summary>
public static class QuotaFields
{
    public const int MaxSize = 10_000;

    /// <summary>Errors name their entry as the API's list does: <c>[3].size</c>.</summary>
    public static Checked<List<QuotaValues>> Check(IReadOnlyList<QuotaInput> quotas, QuotaContext context)
    {
        ArgumentNullException.ThrowIfNull(quotas);
        ArgumentNullException.ThrowIfNull(context);
        var errors = new List<FieldIssue>();
        var values = new List<QuotaValues>(quotas.Count);
        var seen = new Dictionary<string, (bool Any, bool PerTrack, HashSet<int?> Tracks)>(StringComparer.Ordinal);
        var inside = context.Area is { Length: > 0 } area ? area + "." : null;

        for (var i = 0; i < quotas.Count; i++)
        {
            var q = quotas[i];
            var prefix = "[" + i.ToString(CultureInfo.InvariantCulture) + "].";
            if (q is null)
            {
                errors.Add(Checks.Issue(prefix + "villageCode", "required", ProgramMessages.QuotaVillageRequiredMessage));
                continue;
            }
            var code = q.VillageCode?.Trim();
            var codeOk = false;
            if (string.IsNullOrEmpty(code))
            {
                errors.Add(Checks.Issue(prefix + "villageCode", "required", ProgramMessages.QuotaVillageRequiredMessage));
            }
            else if (!context.IsCurrentVillage(code))
            {
                errors.Add(Checks.Issue(prefix + "villageCode", "unknown", ProgramMessages.VillageInvalidMessage, code));
            }
            else if (inside is not null && !code.StartsWith(inside, StringComparison.Ordinal))
            {
                errors.Add(Checks.Issue(prefix + "villageCode", "outside", ProgramMessages.QuotaOutsideMessage, code, context.Area!));
            }
            else
            {
                codeOk = true;
            }
            if (q.TrackId is { } trackId && !context.TrackIds.Contains(trackId))
            {
                errors.Add(Checks.Issue(prefix + "trackId", "unknown", ProgramMessages.QuotaTrackUnknownMessage, Checks.Number(trackId)));
            }
            var size = Checks.Whole(q.Size, prefix + "size", 0, MaxSize, ProgramMessages.QuotaSizeRequiredMessage, ProgramMessages.QuotaSizeInvalidMessage, errors);
            if (!codeOk)
            {
                continue;
            }

            var entry = seen.TryGetValue(code!, out var e) ? e : (Any: false, PerTrack: false, Tracks: new HashSet<int?>());
            if (!entry.Tracks.Add(q.TrackId))
            {
                errors.Add(Checks.Issue(prefix + "trackId", "twice", ProgramMessages.QuotaTwiceMessage, code!));
            }
            else if ((q.TrackId is null && entry.PerTrack) || (q.TrackId is not null && entry.Any))
            {
                errors.Add(Checks.Issue(prefix + "trackId", "mixed", ProgramMessages.QuotaMixedMessage, code!));
            }
            seen[code!] = (entry.Any || q.TrackId is null, entry.PerTrack || q.TrackId is not null, entry.Tracks);
            if (size is { } s)
            {
                values.Add(new QuotaValues(code!, q.TrackId, s));
            }
        }
        return Checks.Of(values, errors);
    }
}
