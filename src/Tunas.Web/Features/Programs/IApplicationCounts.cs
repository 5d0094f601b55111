namespace Tunas.Web.Features.Programs;

/// <summary>
/// How many applications a program or a track has. Applications come after programs in the feature order, so a
/// program asks them through this (a track that applicants chose cannot be deleted).
/// </summary>
public interface IApplicationCounts
{
    Task<IReadOnlyDictionary<int, int>> PerProgramAsync(IReadOnlyCollection<int> programIds, CancellationToken ct = default);

    /// <summary>Applications that chose the track first or second.</summary>
    Task<int> ForTrackAsync(int trackId, CancellationToken ct = default);
}
