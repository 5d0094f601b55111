using System.Globalization;
using System.Security.Claims;

namespace Tunas.Web.Infrastructure;

/// <summary>
/// The signed-in user for row-level rules (own kelurahan, own provider, own business): queries read these
/// values instead of reaching into claims themselves.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;
    public string? Id => Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
    public string? Name => Principal?.FindFirstValue(ClaimTypes.Name);
    public string? VillageCode => Principal?.FindFirstValue(TunasClaims.VillageCode);

    public int? ProviderId => int.TryParse(Principal?.FindFirstValue(TunasClaims.ProviderId), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public int? AgencyId => int.TryParse(Principal?.FindFirstValue(TunasClaims.AgencyId), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;
}
