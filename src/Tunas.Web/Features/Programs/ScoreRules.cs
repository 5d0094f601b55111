namespace Tunas.Web.Features.Programs;

/// <summary>The per-program weights of the score; the other weights are fixed (the selection's <c>Scoring</c>).</summary>
/// <param name="YouthWeight">Points for an age of 18 to 29 on the age reference date (0 to 20).</param>
/// <param name="WomenWeight">Points for a woman (0 to 20).</param>
public sealed record ScoreWeights(int YouthWeight = 5, int WomenWeight = 5)
{
    public static ScoreWeights Default { get; } = new();
}

/// <summary>Where seats that nobody in their own quota takes go (decision 0006).</summary>
public enum SpillOverRule
{
    /// <summary>Unused seats stay empty.</summary>
    None,

    /// <summary>Unused seats go to applicants of other regions who chose that track.</summary>
    SameTrack,

    /// <summary>As <see cref="SameTrack"/>; seats still free then go to the best-ranked applicants of any track.</summary>
    SameTrackThenAnyTrack,
}
