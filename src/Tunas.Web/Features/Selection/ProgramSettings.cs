using System.Collections.Frozen;
using Tunas.Web.Features.Programs;

namespace Tunas.Web.Features.Selection;

/// <summary>What the selection engine takes from a program: its eligibility rules, score weights and quotas.</summary>
public static class ProgramSettings
{
    /// <summary>The program's eligibility rules for the selection engine; the women-only tracks from <paramref name="tracks"/>.</summary>
    public static EligibilitySettings ToSettings(TrainingProgram program, IEnumerable<Track> tracks)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(tracks);
        return new EligibilitySettings
        {
            MinAge = program.MinAge,
            MaxAge = program.MaxAge,
            AgeReferenceDate = program.AgeReferenceDate,
            MaxDesil = program.MaxDesil,
            DomicileRegencyCode = program.DomicileRegencyCode,
            MaxPerHousehold = program.MaxPerHousehold,
            ExcludeTrainedWithinYears = program.ExcludeTrainedWithinYears,
            WomenOnlyTrackIds = tracks.Where(t => t.WomenOnly && t.ProgramId == program.Id).Select(t => (long)t.Id).ToFrozenSet(),
        };
    }

    public static ScoreWeights ToWeights(TrainingProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        return new ScoreWeights(program.YouthWeight, program.WomenWeight);
    }

    /// <summary>The program's quotas for the selection engine (the region of a city program is the kelurahan).</summary>
    public static IReadOnlyList<Quota> ToQuotas(IEnumerable<ProgramQuota> quotas)
    {
        ArgumentNullException.ThrowIfNull(quotas);
        return [.. quotas.Select(q => new Quota(q.RegionCode, q.TrackId, q.Size))];
    }
}
