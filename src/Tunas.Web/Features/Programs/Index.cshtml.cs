using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Programs;

/// <summary>The agency's programs with their calendar, size and counts.</summary>
[Authorize(Policy = Policies.ManagePrograms)]
public sealed class IndexModel(ProgramReader reader) : PageModel
{
    public IReadOnlyList<ProgramSummary> Programs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Programs = await reader.ListAsync(ct);
}
