using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Programs.Providers;

[Authorize(Policy = Policies.ManagePrograms)]
public sealed class IndexModel(ProgramReader reader) : PageModel
{
    public IReadOnlyList<ProviderRead> Providers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Providers = await reader.ProvidersAsync(ct);
}
