using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Tunas.Web.Features.Applications;

namespace Tunas.Web.Features.Businesses.Catalogue;

/// <summary>The public catalogue (<c>/Katalog</c>): search, filter by category and kelurahan, order on WhatsApp.</summary>
[AllowAnonymous]
[EnableRateLimiting(PublicRateLimits.Catalogue)]
public sealed class KatalogModel(PublicCatalogue catalogue) : PageModel
{
    public CataloguePage Found { get; private set; } = null!;
    public IReadOnlyList<CatalogueChoice> Categories { get; private set; } = [];
    public IReadOnlyList<CatalogueChoice> Villages { get; private set; } = [];

    public string? Q { get; private set; }
    public string? Category { get; private set; }
    public string? VillageCode { get; private set; }

    public async Task OnGetAsync(string? q, string? category, string? villageCode, int? page, CancellationToken ct)
    {
        (Q, Category, VillageCode) = (q, category, villageCode);
        Found = await catalogue.SearchAsync(new CatalogueFilter(q, category, villageCode, page ?? 1), ct);
        (Categories, Villages) = await catalogue.ChoicesAsync(ct);
    }

    public string PageUrl(int page) =>
        "/Katalog?" + string.Join("&", new[] { ("q", Q), ("category", Category), ("villageCode", VillageCode), ("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)) }
            .Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!)));
}
