using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Registry;

namespace Tunas.Web.Features.Businesses.Catalogue;

public sealed record OwnCatalogue(Business Business, ClickCount Clicks, IReadOnlyList<ProductRead> Products);

/// <summary>
/// The owner's own catalogue on her phone (<c>/me/produk</c>): her businesses' products with their curation and the
/// officer's note, a product added or changed (back to curation), a photo from the phone's camera, her consent to the
/// public catalogue, and the order clicks. Her businesses come from her sign-in (<see cref="ProductBook.OwnBusinessIdsAsync"/>);
/// a business id in a form is only ever checked against them.
/// </summary>
[Authorize(Policy = CataloguePolicies.Own)]
public sealed class MeProdukModel(ProductBook book, OrderClickCounts clicks, IStringLocalizer<SharedResource> L) : PageModel
{
    public IReadOnlyList<OwnCatalogue> Businesses { get; private set; } = [];
    public IReadOnlyDictionary<long, ClickCount> ProductClicks { get; private set; } = new Dictionary<long, ClickCount>();

    /// <summary>The refusal of the last post, shown above the forms; the new product's form keeps what was typed.</summary>
    public string? Error { get; private set; }

    public long? ErrorBusiness { get; private set; }

    [BindProperty]
    public ProductInput Product { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSaveAsync(long businessId, long? productId, CancellationToken ct)
    {
        if (await book.EditableAsync(businessId, ct) is not { } business)
        {
            return NotFound();
        }
        var existing = productId is { } id ? await book.FindAsync(business, id, ct) : null;
        if (productId is not null && existing is null)
        {
            return NotFound();
        }
        var (values, errors) = ProductRules.Check(Product);
        if (values is null)
        {
            return await RefusedAsync(string.Join(" ", errors.Select(e => PersonsApi.Text(e, L))), existing is null ? businessId : null, ct);
        }
        if (existing is null)
        {
            await book.AddAsync(business, values, ct);
        }
        else
        {
            await book.UpdateAsync(business, existing, values, ct);
        }
        TempData["Message"] = L["The product was saved. An officer looks at it before it shows in the catalogue."].Value;
        return Redirect("/me/produk");
    }

    public async Task<IActionResult> OnPostPhotoAsync(long businessId, long productId, IFormFile? file, CancellationToken ct)
    {
        if (await book.EditableAsync(businessId, ct) is not { } business || await book.FindAsync(business, productId, ct) is not { } product)
        {
            return NotFound();
        }
        var content = file is null ? null : await BusinessFiles.ReadAsync(file, PhotoShrinker.MaxUploadBytes, ct);
        var (photo, error) = await book.AddPhotoAsync(business, product, content, ct);
        if (photo is null)
        {
            return await RefusedAsync(L[error!, error == ProductRules.TooManyPhotosMessage ? ProductRules.MaxPhotos : PhotoShrinker.MaxUploadBytes / (1024 * 1024)].Value, null, ct);
        }
        TempData["Message"] = L["The photo was added."].Value;
        return Redirect("/me/produk");
    }

    public async Task<IActionResult> OnPostConsentAsync(long businessId, bool consent, CancellationToken ct)
    {
        if (await book.EditableAsync(businessId, ct) is not { } business)
        {
            return NotFound();
        }
        await book.SetConsentAsync(business, consent, ct);
        TempData["Message"] = consent
            ? L["Your business may now show in the public catalogue."].Value
            : L["Your business no longer shows in the public catalogue."].Value;
        return Redirect("/me/produk");
    }

    private async Task<IActionResult> RefusedAsync(string error, long? newProductOf, CancellationToken ct)
    {
        (Error, ErrorBusiness) = (error, newProductOf);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var own = await book.OwnBusinessesAsync(ct);
        if (own.Count == 0)
        {
            return;
        }
        var ids = own.Select(b => b.Id).ToList();
        var agency = own[0].AgencyId;
        var products = (await book.ListAsync(agency, ids, ct)).ToLookup(p => p.BusinessId);
        var (byBusiness, byProduct) = await clicks.ForAsync(agency, ids, ct);
        ProductClicks = byProduct;
        Businesses = [.. own.Select(b => new OwnCatalogue(b, byBusiness.GetValueOrDefault(b.Id, ClickCount.None), [.. products[b.Id]]))];
    }
}
