using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Tunas.Web.Data;
using Tunas.Web.Features.Businesses;
using Tunas.Web.Features.Businesses.Catalogue;

namespace Tunas.Bench;

/// <summary>
/// The public catalogue (issue 14) with 1,000 products over 250 businesses (four in five approved, one business in
/// ten without consent): what the <c>/Katalog</c> page asks of the database per request (<see cref="PublicCatalogue.SearchAsync"/>
/// and its filter choices), for a mix of first pages, text searches, category and kelurahan filters and later pages,
/// each page twice: with the filter choices read again (as right after a write) and kept (decision 0030); p95 beside the
/// same page of rows and count on a bare prepared command.
/// </summary>
internal static class CatalogueScenario
{
    private static readonly string[] Villages = ["35.72.01.1001", "35.72.01.1002", "35.72.01.1003", "35.72.01.1004", "35.72.02.1001", "35.72.02.1002", "35.72.03.1001"];
    private static readonly string[] Kinds = ["Kue", "Es", "Kemeja", "Tas", "Sabun", "Keripik"];

    public static async Task RunAsync(BenchOptions options)
    {
        if (!options.NoSqlite)
        {
            await RunOneAsync(options, null);
        }
        if (options.Postgres is not null)
        {
            await RunOneAsync(options, options.Postgres);
        }
    }

    private static async Task RunOneAsync(BenchOptions options, string? postgres)
    {
        await using var database = await BenchDatabase.CreateAsync(postgres, "catalogue", options.Keep);
        await using var services = database.Services(s => s.AddScoped<PublicCatalogue>().AddSingleton<CatalogueChoiceCache>());
        var agency = await BenchDatabase.PrepareAsync(services);
        var villages = await LoadAsync(services, agency, 250, 4);

        var filters = new Func<int, CatalogueFilter>[]
        {
            _ => new CatalogueFilter(null, null, null, 1),
            i => new CatalogueFilter("kue", null, null, 1 + i % 3),
            _ => new CatalogueFilter(null, "makanan", null, 1),
            i => new CatalogueFilter(null, null, villages[i % villages.Count], 1),
            i => new CatalogueFilter(null, null, null, 2 + i % 20),
        };
        var queries = Math.Min(options.Queries, 2_000);
        var app = new List<double>(queries);
        var cold = new List<double>(queries);
        var cache = services.GetRequiredService<CatalogueChoiceCache>();
        var raw = new List<double>(queries);
        await using var connection = database.OpenRaw();
        await using var list = connection.CreateCommand();
        list.CommandText = """
            SELECT p."Id", p."Name", p."PriceMin", p."PriceMax", p."Unit", b."Id", b."Name", b."VillageCode", b."WhatsApp"
            FROM "Products" p JOIN "Businesses" b ON b."AgencyId" = p."AgencyId" AND b."Id" = p."BusinessId"
            WHERE p."Status" = 'Approved' AND b."Status" = 'Active' AND b."CatalogueConsent" AND b."WhatsApp" IS NOT NULL
            ORDER BY p."CuratedAt" DESC, p."Id" DESC LIMIT 20 OFFSET @o
            """;
        var offset = list.CreateParameter();
        offset.ParameterName = "@o";
        offset.Value = 0;
        list.Parameters.Add(offset);
        await list.PrepareAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = """
            SELECT COUNT(*) FROM "Products" p JOIN "Businesses" b ON b."AgencyId" = p."AgencyId" AND b."Id" = p."BusinessId"
            WHERE p."Status" = 'Approved' AND b."Status" = 'Active' AND b."CatalogueConsent" AND b."WhatsApp" IS NOT NULL
            """;
        await count.PrepareAsync();
        for (var i = -50; i < queries; i++)
        {
            var filter = filters[(i + 50) % filters.Length](i + 50);
            // As a write (a curation, a consent) leaves it: the filter choices read again, as every page did before 0030.
            cache.Invalidate();
            var coldMs = await PageAsync(services, filter);
            var appMs = await PageAsync(services, filter);
            offset.Value = (filter.Page - 1) * PublicCatalogue.PageSize;
            var t = Stopwatch.GetTimestamp();
            _ = await count.ExecuteScalarAsync();
            await using (var reader = await list.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    _ = reader.GetInt64(0);
                }
            }
            var rawMs = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            if (i >= 0)
            {
                cold.Add(coldMs);
                app.Add(appMs);
                raw.Add(rawMs);
            }
        }
        Report.Line($"catalogue page queries p95, filter choices read again, 1,000 products ({database.Label})", P95(cold), P95(raw), "ms",
            string.Create(CultureInfo.InvariantCulture, $"{queries:N0} pages; median {Median(cold):F2} ms vs {Median(raw):F2} ms"));
        Report.Line($"catalogue page queries p95, 1,000 products ({database.Label})", P95(app), P95(raw), "ms",
            string.Create(CultureInfo.InvariantCulture,
                $"{queries:N0} pages; median {Median(app):F2} ms vs {Median(raw):F2} ms; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB"));
    }

    /// <summary>What <c>/Katalog</c> asks of the database for one page: the page of products with its count, and the filter choices.</summary>
    private static async Task<double> PageAsync(ServiceProvider services, CatalogueFilter filter)
    {
        var t = Stopwatch.GetTimestamp();
        using var scope = services.CreateScope();
        var catalogue = scope.ServiceProvider.GetRequiredService<PublicCatalogue>();
        await catalogue.SearchAsync(filter);
        await catalogue.ChoicesAsync();
        return Stopwatch.GetElapsedTime(t).TotalMilliseconds;
    }

    /// <summary>Businesses with their products, as rows; the kelurahan codes used.</summary>
    private static async Task<List<string>> LoadAsync(ServiceProvider services, int agency, int businesses, int perBusiness)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var now = DateTime.UtcNow;
        var categories = BusinessCategories.Defaults.Select(n => new BusinessCategory { AgencyId = agency, Name = n, CreatedAt = now }).ToList();
        db.AddRange(categories);
        await db.SaveChangesAsync();
        var villages = Villages.ToList();
        for (var i = 0; i < businesses; i++)
        {
            var business = new Business
            {
                AgencyId = agency,
                Name = "Usaha " + i.ToString(CultureInfo.InvariantCulture),
                CategoryId = categories[i % categories.Count].Id,
                VillageCode = villages[i % villages.Count],
                Status = BusinessStatus.Active,
                WhatsApp = "+62812" + (30000000 + i).ToString(CultureInfo.InvariantCulture),
                CatalogueConsent = i % 10 != 9,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Add(business);
            await db.SaveChangesAsync();
            for (var k = 0; k < perBusiness; k++)
            {
                var n = i * perBusiness + k;
                db.Add(new Product
                {
                    AgencyId = agency,
                    BusinessId = business.Id,
                    Name = Kinds[n % Kinds.Length] + " " + n.ToString(CultureInfo.InvariantCulture),
                    Description = "Produk lulusan pelatihan.",
                    PriceMin = 5_000 + n,
                    PriceMax = 7_500 + n,
                    Unit = "buah",
                    Status = n % 5 == 4 ? CurationStatus.NeedsWork : CurationStatus.Approved,
                    CuratedAt = now.AddMinutes(-n),
                    CreatedAt = now,
                    UpdatedAt = now,
                });
            }
        }
        await db.SaveChangesAsync();
        return villages;
    }

    private static double P95(List<double> values) => values.Order().ElementAt((int)Math.Ceiling(values.Count * 0.95) - 1);

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
