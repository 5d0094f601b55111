using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Registry;

namespace Tunas.Web.Features.Businesses.Catalogue;

/// <summary>A business's products (<c>/Usaha/{id}/Produk</c>): officers add and change them, add photos and curate them.</summary>
[Authorize(Policy = CataloguePolicies.Curate)]
public sealed class ProdukModel(BusinessScope scope, ProductBook book, OrderClickCounts clicks, IStringLocalizer<SharedResource> L) : PageModel
{
    public Business Business { get; private set; } = null!;
    public IReadOnlyList<ProductRead> Products { get; private set; } = [];
    public ClickCount Clicks { get; private set; } = ClickCount.None;
    public IReadOnlyDictionary<long, ClickCount> ProductClicks { get; private set; } = new Dictionary<long, ClickCount>();

    [BindProperty]
    public ProductInput Product { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } business)
        {
            return NotFound();
        }
        Business = business;
        Products = await book.ListAsync(business.AgencyId, [id], ct);
        var (byBusiness, byProduct) = await clicks.ForAsync(business.AgencyId, [id], ct);
        (Clicks, ProductClicks) = (byBusiness.GetValueOrDefault(id, ClickCount.None), byProduct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(long id, long? productId, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } business)
        {
            return NotFound();
        }
        var (values, errors) = ProductRules.Check(Product);
        if (values is null)
        {
            TempData["Error"] = string.Join(" ", errors.Select(e => PersonsApi.Text(e, L)));
        }
        else if (productId is { } existing)
        {
            if (await book.FindAsync(business, existing, ct) is not { } product)
            {
                return NotFound();
            }
            await book.UpdateAsync(business, product, values, ct);
            TempData["Message"] = L["The product was saved."].Value;
        }
        else
        {
            await book.AddAsync(business, values, ct);
            TempData["Message"] = L["The product was saved."].Value;
        }
        return Redirect($"/Usaha/{id}/Produk");
    }

    public async Task<IActionResult> OnPostPhotoAsync(long id, long productId, IFormFile? file, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } business || await book.FindAsync(business, productId, ct) is not { } product)
        {
            return NotFound();
        }
        var content = file is null ? null : await BusinessFiles.ReadAsync(file, PhotoShrinker.MaxUploadBytes, ct);
        var (photo, error) = await book.AddPhotoAsync(business, product, content, ct);
        TempData[photo is null ? "Error" : "Message"] = photo is null
            ? L[error!, error == ProductRules.TooManyPhotosMessage ? ProductRules.MaxPhotos : PhotoShrinker.MaxUploadBytes / (1024 * 1024)].Value
            : L["The photo was added."].Value;
        return Redirect($"/Usaha/{id}/Produk");
    }

    public async Task<IActionResult> OnPostCurateAsync(long id, long productId, string? status, string? note, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } business || await book.FindAsync(business, productId, ct) is not { } product)
        {
            return NotFound();
        }
        var (values, errors) = ProductRules.Curation(status, note);
        if (values is null)
        {
            TempData["Error"] = string.Join(" ", errors.Select(e => PersonsApi.Text(e, L)));
        }
        else
        {
            await book.CurateAsync(business, product, values, ct);
            TempData["Message"] = L["The curation was saved."].Value;
        }
        return Redirect($"/Usaha/{id}/Produk");
    }
}
