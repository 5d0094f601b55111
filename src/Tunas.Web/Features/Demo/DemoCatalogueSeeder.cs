using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using Tunas.Web.Data;
using Tunas.Web.Features.Businesses;
using Tunas.Web.Features.Businesses.Catalogue;

namespace Tunas.Web.Features.Demo;

/// <summary>
/// The demo's catalogue: one or two products per demo business, each with a photo drawn here (a coloured card with the
/// product's initial) in the list size and a thumbnail; most approved, some sent back with a note, a few awaiting
/// curation; the businesses without consent stay unlisted. Two bulk orders of a city office: one taken after a
/// decline, one still offered. Rows are written directly.
/// </summary>
public sealed class DemoCatalogueSeeder(TunasDb db, BusinessFiles files, TimeProvider clock)
{
    // What a business of each default category sells, with its unit, so that a listing reads as a real one.
    private static readonly Dictionary<string, (string Name, string Unit)[]> Products = new(StringComparer.Ordinal)
    {
        ["makanan"] = [("Kue Lapis", "kotak"), ("Keripik Tempe", "bungkus"), ("Sambal Bawang", "botol")],
        ["minuman"] = [("Es Dawet", "gelas"), ("Wedang Jahe", "botol"), ("Jamu Kunyit Asam", "botol")],
        ["pakaian"] = [("Kaos Sablon", "potong"), ("Kemeja Batik", "potong"), ("Seragam Sekolah", "stel")],
        ["kerajinan"] = [("Tas Anyaman", "buah"), ("Keranjang Bambu", "buah"), ("Tikar Pandan", "lembar")],
        ["rumah tangga"] = [("Sabun Sereh", "batang"), ("Cairan Pencuci Piring", "botol"), ("Keset Kain Perca", "buah")],
        ["jasa"] = [("Servis Kipas Angin", "kali"), ("Permak Pakaian", "potong"), ("Sablon Kaos Pesanan", "potong")],
    };

    public async Task SeedAsync(int agencyId, TextWriter output, CancellationToken ct = default)
    {
        if (await db.Set<Product>().AnyAsync(p => p.AgencyId == agencyId, ct))
        {
            await output.WriteLineAsync("Demo catalogue: already there; nothing added.");
            return;
        }
        var businesses = await db.Set<Business>().AsNoTracking().Where(b => b.AgencyId == agencyId).OrderBy(b => b.Id)
            .Select(b => new { b.Id, b.CategoryId, b.Status, b.CatalogueConsent }).ToListAsync(ct);
        var categories = await db.Set<BusinessCategory>().AsNoTracking().Where(c => c.AgencyId == agencyId).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var products = new List<Product>();
        for (var i = 0; i < businesses.Count; i++)
        {
            for (var k = 0; k < 1 + (i % 2); k++)
            {
                var n = i + k;
                var status = n % 9 == 4 ? CurationStatus.NeedsWork : n % 13 == 6 ? CurationStatus.Pending : CurationStatus.Approved;
                var price = 5_000L * (1 + (n % 8));
                var range = Products.TryGetValue(categories.GetValueOrDefault(businesses[i].CategoryId, ""), out var r) ? r : Products["makanan"];
                var (name, unit) = range[(i / 6 + k) % range.Length];
                products.Add(new Product
                {
                    AgencyId = agencyId,
                    BusinessId = businesses[i].Id,
                    Name = name,
                    Description = "Dibuat sendiri oleh lulusan pelatihan Tunas.",
                    PriceMin = price,
                    PriceMax = price + (n % 3) * 2_500,
                    Unit = unit,
                    Status = status,
                    CurationNote = status == CurationStatus.NeedsWork ? "Foto kurang terang dan kemasan belum berlabel harga." : null,
                    CuratedAt = status == CurationStatus.Pending ? null : now.AddDays(-(n % 20)),
                    CreatedAt = now,
                    UpdatedAt = now,
                });
            }
        }
        db.AddRange(products);
        await db.SaveChangesAsync(ct);
        foreach (var (product, i) in products.Select((p, i) => (p, i)))
        {
            var list = Card(product.Name, i, 480, 360);
            var thumb = Card(product.Name, i, 160, 120);
            db.Add(new ProductPhoto
            {
                AgencyId = agencyId,
                ProductId = product.Id,
                FileName = await files.SaveAsync(agencyId, list, ".jpg", ct),
                Width = 480,
                Height = 360,
                ThumbFileName = await files.SaveAsync(agencyId, thumb, ".jpg", ct),
                ThumbWidth = 160,
                ThumbHeight = 120,
                Bytes = list.Length,
                AddedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
        var orders = await BulkOrdersAsync(agencyId, products, businesses.Where(b => b.Status == BusinessStatus.Active && b.CatalogueConsent).Select(b => (b.Id, b.CategoryId)).ToList(), now, ct);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Demo catalogue: {products.Count} products ({products.Count(p => p.Status == CurationStatus.Approved)} approved), {orders} bulk orders."));
    }

    private async Task<int> BulkOrdersAsync(int agencyId, List<Product> products, List<(long Id, int CategoryId)> listed, DateTime now, CancellationToken ct)
    {
        var approved = products.Where(p => p.Status == CurationStatus.Approved).Select(p => p.BusinessId).ToHashSet();
        var eligible = listed.Where(b => approved.Contains(b.Id)).GroupBy(b => b.CategoryId).Where(g => g.Count() >= 3).OrderByDescending(g => g.Count()).FirstOrDefault()?.ToList();
        if (eligible is null)
        {
            return 0;
        }
        var today = DateOnly.FromDateTime(now);
        var taken = new BulkOrder
        {
            AgencyId = agencyId,
            Office = "Bagian Umum Sekretariat Daerah",
            CategoryId = eligible[0].CategoryId,
            Quantity = 100,
            NeededOn = today.AddDays(-10),
            Description = "Kudapan rapat koordinasi 100 orang.",
            Budget = 2_500_000,
            Status = BulkOrderStatus.Taken,
            TakenByBusinessId = eligible[1].Id,
            TakenAt = now.AddDays(-14),
            CreatedAt = now.AddDays(-16),
        };
        var open = new BulkOrder
        {
            AgencyId = agencyId,
            Office = "Dinas Kesehatan",
            CategoryId = eligible[0].CategoryId,
            Quantity = 60,
            NeededOn = today.AddDays(7),
            Description = "Konsumsi posyandu keliling, 60 porsi.",
            Budget = 1_200_000,
            Status = BulkOrderStatus.Offering,
            CreatedAt = now.AddHours(-5),
        };
        db.AddRange(taken, open);
        await db.SaveChangesAsync(ct);
        db.AddRange(
            new BulkOrderOffer { AgencyId = agencyId, BulkOrderId = taken.Id, BusinessId = eligible[0].Id, OfferedAt = now.AddDays(-16), AnswerBy = now.AddDays(-14), Answer = OfferAnswer.Declined, AnsweredAt = now.AddDays(-15) },
            new BulkOrderOffer { AgencyId = agencyId, BulkOrderId = taken.Id, BusinessId = eligible[1].Id, OfferedAt = now.AddDays(-15), AnswerBy = now.AddDays(-13), Answer = OfferAnswer.Accepted, AnsweredAt = now.AddDays(-14) },
            new BulkOrderOffer { AgencyId = agencyId, BulkOrderId = open.Id, BusinessId = eligible[2].Id, OfferedAt = now.AddHours(-5), AnswerBy = now.AddHours(43), Answer = OfferAnswer.Pending });
        await db.SaveChangesAsync(ct);
        return 2;
    }

    /// <summary>A card of the product's colour with its initial: enough to see the catalogue's photos at work.</summary>
    private static byte[] Card(string name, int i, int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColor.FromHsl(i * 47 % 360, 45, 55));
        using var disc = new SKPaint { Color = SKColors.White.WithAlpha(200), IsAntialias = true };
        canvas.DrawCircle(width / 2f, height / 2f, height / 3f, disc);
        using var ink = new SKPaint { Color = SKColor.FromHsl(i * 47 % 360, 60, 30), IsAntialias = true };
        using var font = new SKFont(SKTypeface.Default, height / 3f);
        canvas.DrawText(name[..1], width / 2f, height / 2f + height / 9f, SKTextAlign.Center, font, ink);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 72);
        return data.ToArray();
    }
}
