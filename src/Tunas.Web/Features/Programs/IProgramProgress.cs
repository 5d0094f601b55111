namespace Tunas.Web.Features.Programs;

/// <summary>How far a program's selection has come: its runs, the published one, the appeals waiting.</summary>
public sealed record ProgramProgress(int Runs, int? LatestRun, DateTime? PublishedAt, int OpenAppeals)
{
    public static ProgramProgress None { get; } = new(0, null, null, 0);
}

/// <summary>
/// The selection's progress on a program page. The selection comes after programs in the feature order, so it
/// answers through this interface.
/// </summary>
public interface IProgramProgress
{
    Task<ProgramProgress> ForAsync(int programId, CancellationToken ct = default);
}
