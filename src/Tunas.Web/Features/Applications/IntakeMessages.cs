namespace Tunas.Web.Features.Applications;

/// <summary>
/// Sentences that the intake's checks share with the selection's rules (English, each its own localization key):
/// an applicant reads the same words when applying and in the published result.
/// </summary>
public static class IntakeMessages
{
    public const string DomicileInsideMessage = "Lives inside the program's area ({0}).";
    public const string DomicileOutsideMessage = "Lives in kelurahan/desa {0}, outside the program's area ({1}).";
    public const string DesilUnknownMessage = "The welfare decile (desil) is not known: the household is not in the social registry (DTSEN).";
    public const string TrackWomenOnlyMessage = "The chosen track is open to women only.";
}
