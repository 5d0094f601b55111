namespace Tunas.Web.Features.Users;

/// <summary>
/// Whether a training provider exists in an agency, for binding provider staff to it. Providers belong to the
/// programs, which come after users in the feature order (decision 0014); Programs answers.
/// </summary>
public interface IProviderDirectory
{
    Task<bool> ExistsAsync(int agencyId, int providerId, CancellationToken ct = default);
}
