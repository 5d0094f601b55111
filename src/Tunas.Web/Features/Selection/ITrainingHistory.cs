namespace Tunas.Web.Features.Selection;

/// <summary>
/// When people last completed a training, as Training records it (a certificate issued on completion). Selection
/// defines it and reads it for the "not trained recently" rule; Training, later in the feature order, answers.
/// </summary>
public interface ITrainingHistory
{
    /// <summary>Person id → the last day of the latest training they completed in another program of the agency.</summary>
    Task<IReadOnlyDictionary<long, DateOnly>> LastCompletedAsync(int agencyId, int exceptProgramId, CancellationToken ct = default);
}

/// <summary>No completions recorded: the default until Training registers its own.</summary>
public sealed class NoTrainingHistory : ITrainingHistory
{
    public Task<IReadOnlyDictionary<long, DateOnly>> LastCompletedAsync(int agencyId, int exceptProgramId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyDictionary<long, DateOnly>>(new Dictionary<long, DateOnly>());
}
