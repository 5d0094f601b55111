namespace Tunas.Web.Features.Selection;

/// <summary>
/// The training places that selected applicants hold, as Training keeps them. Selection defines it so that a
/// withdrawal before the training frees the place for the one promoted from the waitlist; Training, later in the
/// feature order, answers.
/// </summary>
public interface ITrainingPlaces
{
    /// <summary>True once the training of the application's place has begun: leaving is then a drop-out with a reason in Training.</summary>
    Task<bool> StartedAsync(int agencyId, long applicationId, CancellationToken ct = default);

    /// <summary>
    /// In the withdrawal's unit of work (the caller saves): gives up the withdrawn application's place and places the
    /// promoted applicant, if any, in that cohort when the track matches and a seat is free, telling them.
    /// </summary>
    Task HandOverAsync(int agencyId, long withdrawnApplicationId, long? promotedApplicationId, string? reason, CancellationToken ct = default);
}

/// <summary>No training places: the default until Training registers its own.</summary>
public sealed class NoTrainingPlaces : ITrainingPlaces
{
    public Task<bool> StartedAsync(int agencyId, long applicationId, CancellationToken ct = default) => Task.FromResult(false);

    public Task HandOverAsync(int agencyId, long withdrawnApplicationId, long? promotedApplicationId, string? reason, CancellationToken ct = default) =>
        Task.CompletedTask;
}
