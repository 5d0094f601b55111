namespace Tunas.Web.Features.Registry;

/// <summary>One application of a resident, as their registry page lists it; the status already in the user's words.</summary>
public sealed record PersonApplication(long ApplicationId, string RegistrationNumber, int ProgramId, string ProgramName, int Year, string Status, DateTime SubmittedAt);

/// <summary>
/// A resident's applications, the newest first, for their registry page. Applications come after the registry in the
/// feature order, so they answer through this interface.
/// </summary>
public interface IPersonApplications
{
    Task<IReadOnlyList<PersonApplication>> ForPersonAsync(long personId, CancellationToken ct = default);
}
