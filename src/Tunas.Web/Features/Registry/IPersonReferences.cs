namespace Tunas.Web.Features.Registry;

/// <summary>
/// Rows of a later feature that point at a person (applications, cohort places, businesses). When two registry
/// records are merged, each such feature may refuse the merge, and then moves its rows to the kept person inside
/// the merge's transaction. The registry comes first in the feature order and knows them only through this.
/// </summary>
public interface IPersonReferences
{
    /// <summary>True when the two persons' rows cannot become one person's (e.g. both applied to one program).</summary>
    Task<bool> BlocksMergeAsync(long keptPersonId, long removedPersonId, CancellationToken ct = default);

    Task MoveAsync(long removedPersonId, long keptPersonId, CancellationToken ct = default);
}
