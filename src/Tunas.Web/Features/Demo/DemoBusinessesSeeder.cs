using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using Tunas.Web.Data;
using Tunas.Web.Features.Businesses;
using Tunas.Web.Features.Training;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Demo;

/// <summary>
/// The demo's businesses: about two thirds of the demo cohorts' participants run one (some with a partner of the same track),
/// some employ neighbours (several from desil 1-4 households of the demo registry), permits stand at every stage, and
/// each business has a small photo drawn here. Rows are written directly; half are assigned to the demo facilitator.
/// </summary>
public sealed class DemoBusinessesSeeder(TunasDb db, BusinessFiles files, TimeProvider clock)
{
    /// <summary>
    /// What a graduate of each demo track makes (<see cref="DemoProgramSeeder"/>), in the words a home business uses,
    /// and its category: a sewing graduate runs a tailoring business, not a soap one.
    /// </summary>
    private static readonly Dictionary<string, (string Kind, string Category)[]> Trades = new(StringComparer.Ordinal)
    {
        ["Jajanan"] = [("Kue", "makanan"), ("Keripik", "makanan"), ("Es", "minuman")],
        ["Menjahit Kaos Konveksi"] = [("Jahit", "pakaian"), ("Kaos", "pakaian"), ("Sablon", "jasa")],
        ["Produk Rumah Tangga"] = [("Sabun", "rumah tangga"), ("Deterjen", "rumah tangga"), ("Anyaman", "kerajinan")],
    };

    private static readonly (string Kind, string Category)[] OtherTrades = [("Servis", "jasa"), ("Anyaman", "kerajinan")];
    private static readonly string[] Names = ["Dapur", "Sari", "Berkah", "Mekar", "Rejeki", "Barokah", "Lestari", "Sumber"];

    private static (string Kind, string Category) Trade(string track, int i)
    {
        var trades = Trades.GetValueOrDefault(track, OtherTrades);
        return trades[i % trades.Length];
    }

    /// <summary>A name the way a home business is named (what it makes and a word for luck), each one different.</summary>
    private static string BusinessName(string kind, int i) =>
        $"{kind} {Names[i % Names.Length]}" + (i >= Names.Length ? " " + (i / Names.Length + 1).ToString(CultureInfo.InvariantCulture) : "");

    public async Task SeedAsync(int agencyId, TextWriter output, CancellationToken ct = default)
    {
        if (await db.Set<Business>().AnyAsync(b => b.AgencyId == agencyId, ct))
        {
            await output.WriteLineAsync("Demo businesses: already there; nothing added.");
            return;
        }
        var participants = await (
            from p in db.Set<CohortParticipant>()
            where p.AgencyId == agencyId
            join a in db.Applications on new { p.AgencyId, Id = p.ApplicationId } equals new { a.AgencyId, a.Id }
            join person in db.Persons on new { a.AgencyId, Id = a.PersonId } equals new { person.AgencyId, person.Id }
            join c in db.Set<Cohort>() on new { p.AgencyId, Id = p.CohortId } equals new { c.AgencyId, c.Id }
            join t in db.Tracks on c.TrackId equals t.Id
            orderby person.Id
            select new { person.Id, person.VillageCode, Track = t.Name }).ToListAsync(ct);
        if (participants.Count == 0)
        {
            await output.WriteLineAsync("Demo businesses: no cohort participants; nothing added.");
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var categories = BusinessCategories.Defaults.Select(n => new BusinessCategory { AgencyId = agencyId, Name = n, CreatedAt = now }).ToList();
        if (!await db.Set<BusinessCategory>().AnyAsync(c => c.AgencyId == agencyId, ct))
        {
            db.AddRange(categories);
            await db.SaveChangesAsync(ct);
        }
        var categoryIds = await db.Set<BusinessCategory>().Where(c => c.AgencyId == agencyId).ToDictionaryAsync(c => c.Name, c => c.Id, StringComparer.Ordinal, ct);
        var facilitator = await (from u in db.Users
                                 where u.AgencyId == agencyId
                                 join ur in db.UserRoles on u.Id equals ur.UserId
                                 join r in db.Roles on ur.RoleId equals r.Id
                                 where r.Name == Roles.Facilitator
                                 select u.Id).FirstOrDefaultAsync(ct);
        var owners = participants.Select(p => p.Id).ToHashSet();
        var poor = await db.Persons.AsNoTracking().Where(p => p.AgencyId == agencyId && p.WelfareDecile != null && p.WelfareDecile <= 4 && !owners.Contains(p.Id))
            .OrderBy(p => p.Id).Take(60).Select(p => new { p.FullName, p.Nik }).ToListAsync(ct);

        var random = new Random(14);
        var businesses = new List<Business>();
        var taken = participants.Count * 2 / 3;
        var named = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < taken; i++)
        {
            var owner = participants[i];
            // A partner learned the same trade: two people of one track run it together.
            var group = i % 7 == 6 && i + 1 < taken && participants[i + 1].Track == owner.Track;
            var (kind, category) = Trade(owner.Track, i);
            var sameKind = named.GetValueOrDefault(kind);
            named[kind] = sameKind + 1;
            var business = new Business
            {
                AgencyId = agencyId,
                Name = BusinessName(kind, sameKind),
                CategoryId = categoryIds.TryGetValue(category, out var categoryId) ? categoryId : categoryIds.Values.Min(),
                Description = "Usaha rumahan lulusan pelatihan Tunas.",
                VillageCode = owner.VillageCode,
                Address = $"Jl. Demo No. {(i + 1).ToString(CultureInfo.InvariantCulture)}",
                StartedOn = new DateOnly(2025, 11, 1).AddDays(i % 60),
                Status = (i % 10) switch { 7 => BusinessStatus.Planned, 8 => BusinessStatus.Paused, 9 when i % 20 == 19 => BusinessStatus.Closed, _ => BusinessStatus.Active },
                WhatsApp = "+62812" + (30000000 + i).ToString(CultureInfo.InvariantCulture),
                CatalogueConsent = i % 3 != 0,
                CatalogueConsentAt = i % 3 != 0 ? now : null,
                FacilitatorId = i % 2 == 0 ? facilitator : null,
                CreatedAt = now,
                UpdatedAt = now,
                Owners = [new BusinessOwner { AgencyId = agencyId, PersonId = owner.Id }],
            };
            if (business.Status == BusinessStatus.Closed)
            {
                business.ClosedReason = "Modal habis untuk biaya berobat keluarga.";
            }
            if (group)
            {
                business.Owners.Add(new BusinessOwner { AgencyId = agencyId, PersonId = participants[++i].Id });
            }
            businesses.Add(business);
        }
        db.AddRange(businesses);
        await db.SaveChangesAsync(ct);

        var workerIndex = 0;
        for (var i = 0; i < businesses.Count; i++)
        {
            var b = businesses[i];
            for (var w = 0; w < i % 4; w++)
            {
                var fromRegistry = workerIndex < poor.Count && w % 2 == 0;
                db.Add(new BusinessWorker
                {
                    AgencyId = agencyId,
                    BusinessId = b.Id,
                    FullName = fromRegistry ? poor[workerIndex].FullName : $"Tetangga {(i + 1).ToString(CultureInfo.InvariantCulture)}-{(w + 1).ToString(CultureInfo.InvariantCulture)}",
                    Nik = fromRegistry ? poor[workerIndex].Nik : null,
                    NikConsentAt = fromRegistry ? now : null,
                    HoursPerWeek = 10 + (random.Next(6) * 5),
                    PayBand = (PayBand)(1 + (w % 3)),
                    StartedOn = b.StartedOn!.Value.AddDays(14 * (w + 1)),
                    CreatedAt = now,
                    UpdatedAt = now,
                });
                workerIndex += fromRegistry ? 1 : 0;
            }
            foreach (var permit in Permits(b, i % 6, now))
            {
                db.Add(permit);
            }
            var name = await files.SaveAsync(agencyId, Photo(i), ".jpg", ct);
            db.Add(new BusinessPhoto { AgencyId = agencyId, BusinessId = b.Id, FileName = name, Width = 320, Height = 240, Bytes = new FileInfo(files.Find(agencyId, name)!).Length, AddedAt = now });
        }
        await db.SaveChangesAsync(ct);
        await output.WriteLineAsync($"Demo businesses: {businesses.Count} businesses of {participants.Count} participants, {workerIndex} workers from the registry.");
    }

    /// <summary>The permit path at one of six stages, in the order the law asks.</summary>
    private static IEnumerable<BusinessPermit> Permits(Business b, int stage, DateTime now)
    {
        BusinessPermit Step(PermitKind kind, PermitStatus status, string? number = null, string? blocked = null) => new()
        {
            AgencyId = b.AgencyId,
            BusinessId = b.Id,
            Kind = kind,
            Status = status,
            Number = number,
            IssuedOn = status == PermitStatus.Granted ? new DateOnly(2025, 12, 1).AddDays((int)(b.Id % 40)) : null,
            BlockedBy = blocked,
            UpdatedAt = now,
        };
        var nib = "91203" + (10000000 + b.Id).ToString(CultureInfo.InvariantCulture);
        var pirt = "2063572" + (10000000 + b.Id).ToString(CultureInfo.InvariantCulture);
        switch (stage)
        {
            case 0:
                yield break;
            case 1:
                yield return Step(PermitKind.Nib, PermitStatus.InProgress, blocked: "Belum punya akun OSS");
                break;
            case 2:
                yield return Step(PermitKind.Nib, PermitStatus.Granted, nib);
                yield return Step(PermitKind.FoodSafety, PermitStatus.InProgress);
                break;
            case 3:
                yield return Step(PermitKind.Nib, PermitStatus.Granted, nib);
                yield return Step(PermitKind.FoodSafety, PermitStatus.Granted);
                yield return Step(PermitKind.Pirt, PermitStatus.InProgress, blocked: "Menunggu kunjungan Dinas Kesehatan");
                break;
            case 4:
                yield return Step(PermitKind.Nib, PermitStatus.Granted, nib);
                yield return Step(PermitKind.FoodSafety, PermitStatus.Granted);
                yield return Step(PermitKind.Pirt, PermitStatus.Granted, pirt);
                yield return Step(PermitKind.Halal, PermitStatus.InProgress);
                break;
            default:
                yield return Step(PermitKind.Nib, PermitStatus.Granted, nib);
                yield return Step(PermitKind.FoodSafety, PermitStatus.Granted);
                yield return Step(PermitKind.Pirt, PermitStatus.Rejected, blocked: "Dapur belum memenuhi syarat");
                yield return Step(PermitKind.Halal, PermitStatus.Granted);
                break;
        }
    }

    /// <summary>A small picture of a product, drawn here: a coloured plate on a table.</summary>
    private static byte[] Photo(int i)
    {
        using var bitmap = new SKBitmap(320, 240);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColor.FromHsl(30 + (i * 37 % 60), 40, 80));
        using var plate = new SKPaint { Color = SKColors.White, IsAntialias = true };
        canvas.DrawOval(160, 130, 110, 70, plate);
        using var food = new SKPaint { Color = SKColor.FromHsl(i * 53 % 360, 60, 50), IsAntialias = true };
        for (var k = 0; k < 5; k++)
        {
            canvas.DrawCircle(110 + (k * 25), 125 + (k % 2 * 12), 18, food);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 75);
        return data.ToArray();
    }
}
