using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Users;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Demo;

/// <summary>
/// The Kota Blitar demo (`--demo`): Dinas Sosial Kota Blitar as the agency, one user per role, whose
/// passwords are printed once, when they are created, and a registry of synthetic residents (valid synthetic
/// NIKs, never real ones): the households of the 80 future trainees plus a few thousand residents of the 21
/// kelurahan. Safe to run again: what exists is left alone.
/// The program of the article with its applicants and published selection comes from <see cref="DemoProgramSeeder"/>;
/// the rounds dated from today (an open appeal window, an open registration) from <see cref="DemoRoundsSeeder"/>.
/// Later features add their own demo data here (cohorts, businesses).
/// </summary>
public sealed class DemoSeeder(TunasDb db, UserAdmin userAdmin, UserManager<AppUser> users, DemoProgramSeeder programs, DemoRoundsSeeder rounds, TimeProvider clock,
    DemoCohortsSeeder cohorts, DemoCertificatesSeeder certificates, DemoKitsSeeder kits, DemoBusinessesSeeder businesses,
    DemoCashbookSeeder cashbook, DemoFollowUpsSeeder followUps, DemoCatalogueSeeder catalogue)
{
    public const string Domain = "demo.tunas.test";

    /// <summary>Kelurahan Kauman, Kecamatan Kepanjenkidul, Kota Blitar.</summary>
    public const string DemoVillage = "35.72.01.1004";

    /// <summary>The demo registry is the same on every machine: one seed, one reference date.</summary>
    public const int RegistrySeed = 20251023;

    public const int Participants = 80;
    public const int OtherResidents = 4000;

    /// <summary>Kota Blitar's 21 kelurahan: Kepanjenkidul (35.72.01), Sukorejo (35.72.02), Sananwetan (35.72.03).</summary>
    public static readonly IReadOnlyList<string> KotaBlitarVillages =
    [
        .. Enumerable.Range(1, 3).SelectMany(d => Enumerable.Range(1, 7).Select(v =>
            string.Create(CultureInfo.InvariantCulture, $"35.72.{d:00}.{1000 + v}"))),
    ];

    private static readonly SyntheticOptions RegistryOptions = new()
    {
        VillageCodes = KotaBlitarVillages,
        Today = new DateOnly(2025, 10, 1),
        WelfareAsOf = new DateOnly(2025, 6, 30),
    };

    private static readonly (string Role, string Local, string Name)[] People =
    [
        (Roles.Administrator, "admin", "Admin Dinas Sosial"),
        (Roles.ProgramOfficer, "petugas", "Petugas Program"),
        (Roles.VillageOperator, "operator.kauman", "Operator Kelurahan Kauman"),
        (Roles.ProviderStaff, "instruktur", "Instruktur LPK"),
        (Roles.Facilitator, "pendamping", "Pendamping Usaha"),
        (Roles.Participant, "peserta", "Peserta Pelatihan"),
        (Roles.Leadership, "pimpinan", "Pimpinan Daerah"),
    ];

    public async Task SeedAsync(TextWriter output, CancellationToken ct = default)
    {
        var agency = await db.Agencies.OrderBy(a => a.Id).FirstAsync(ct);
        if (agency.RegencyCode is null)
        {
            agency.Name = "Dinas Sosial Kota Blitar";
            agency.RegencyCode = "35.72";
            agency.Address = "Kota Blitar, Jawa Timur";
            agency.HeadName = "Kepala Dinas Sosial (demo)";
            agency.HeadTitle = "Kepala Dinas Sosial Kota Blitar";
            agency.SignatoryName = "Kepala Dinas Sosial (demo)";
            agency.SignatoryTitle = "Kepala Dinas Sosial Kota Blitar";
            agency.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }

        var created = new List<(string Email, string Role, string Password)>();
        foreach (var (role, local, name) in People)
        {
            var email = $"{local}@{Domain}";
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }
            var password = NewPassword();
            var result = await userAdmin.CreateAsync(
                new NewUser(email, password, role, role == Roles.VillageOperator ? DemoVillage : null, null, name), (null, "demo"), ct);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo user {email}: " + string.Join(" ", result.Errors.SelectMany(e => e.Value)));
            }
            created.Add((email, role, password));
        }

        if (created.Count == 0)
        {
            await output.WriteLineAsync("Demo Kota Blitar: users already there (their passwords were shown when they were created).");
        }
        else
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync("Demo Kota Blitar loaded. Users (passwords are shown only this once):");
            foreach (var (email, role, password) in created)
            {
                await output.WriteLineAsync($"  {role,-16} {email,-36} {password}");
            }
            await output.WriteLineAsync();
        }
        await SeedRegistryAsync(agency, output, ct);
        await programs.SeedAsync(agency.Id, output, ct);
        await cohorts.SeedAsync(agency.Id, output, ct);
        await certificates.SeedAsync(agency.Id, output, ct);
        await kits.SeedAsync(agency.Id, output, ct);
        await businesses.SeedAsync(agency.Id, output, ct);
        await catalogue.SeedAsync(agency.Id, output, ct);
        await cashbook.SeedAsync(agency.Id, output, ct);
        await followUps.SeedAsync(agency.Id, output, ct);
        await rounds.SeedAsync(agency.Id, output, ct);
    }

    /// <summary>The NIKs of the 80 demo trainees, in the order they were drawn (later features make them applicants and participants).</summary>
    public static IReadOnlyList<string> ParticipantNiks() =>
        [.. BuildRegistry(KotaBlitarVillages).Trainees.Select(t => t.Nik)];

    /// <summary>The demo households, trainees' first: the same on every machine for the same villages.</summary>
    public static DemoRegistry BuildRegistry(IReadOnlyList<string> villages)
    {
        var generator = new SyntheticResidents(RegistrySeed, RegistryOptions with { VillageCodes = villages });
        var households = new List<SyntheticHousehold>();
        var trainees = new List<SyntheticResident>(Participants);
        for (var i = 0; i < Participants; i++)
        {
            var household = generator.NextHousehold(SyntheticHouseholdKind.Trainee, villages[i % villages.Count]);
            households.Add(household);
            trainees.Add(household.Members[household.TraineeIndex!.Value]);
        }
        var traineeHouseholds = households.Count;
        for (var persons = 0; persons < OtherResidents;)
        {
            var household = generator.NextHousehold();
            households.Add(household);
            persons += household.Members.Count;
        }
        return new DemoRegistry(households, traineeHouseholds, trainees);
    }

    /// <summary>
    /// Adds the demo registry to an agency without persons, in one transaction: households, then persons, then
    /// their name tokens and the households' heads, and one audit entry for the whole load.
    /// </summary>
    private async Task SeedRegistryAsync(Agency agency, TextWriter output, CancellationToken ct)
    {
        if (await db.Persons.AnyAsync(p => p.AgencyId == agency.Id, ct))
        {
            await output.WriteLineAsync("Demo registry: the agency already has residents; nothing added.");
            return;
        }
        var villages = await db.Regions.AsNoTracking()
            .Where(r => r.Level == RegionLevel.Village && r.IsCurrent && r.Code.StartsWith("35.72."))
            .OrderBy(r => r.Code).Select(r => r.Code).ToListAsync(ct);
        if (villages.Count == 0)
        {
            await output.WriteLineAsync("Demo registry: the regions of Kota Blitar (35.72) are not loaded; no residents added.");
            return;
        }
        var stopwatch = Stopwatch.StartNew();
        var registry = BuildRegistry(villages);
        var now = clock.GetUtcNow().UtcDateTime;
        var strategy = db.Database.CreateExecutionStrategy();
        var (persons, households) = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var rows = registry.Households.Select(h => new Household { AgencyId = agency.Id, FamilyCardNumber = h.FamilyCardNumber }).ToList();
                db.Households.AddRange(rows);
                await db.SaveChangesAsync(ct);

                var people = new List<(Person Person, Household Household, bool Head)>();
                for (var i = 0; i < rows.Count; i++)
                {
                    var origin = i < registry.TraineeHouseholds ? PersonOrigin.Entered : PersonOrigin.Imported;
                    foreach (var r in registry.Households[i].Members)
                    {
                        people.Add((ToPerson(r, agency.Id, rows[i].Id, origin, now), rows[i], r.HouseholdRelation == HouseholdRelation.Head));
                    }
                }
                db.Persons.AddRange(people.Select(p => p.Person));
                await db.SaveChangesAsync(ct);

                foreach (var (person, household, head) in people)
                {
                    if (head)
                    {
                        household.HeadPersonId = person.Id;
                        db.Entry(household).Property(h => h.HeadPersonId).IsModified = true;
                    }
                    db.PersonNameTokens.AddRange(PersonNames.TokenRows(person));
                }
                db.AuditEntries.Add(new AuditEntry
                {
                    At = now,
                    AgencyId = agency.Id,
                    ActorName = "demo",
                    Action = "registry.demo-loaded",
                    EntityType = "Agency",
                    EntityId = agency.Id.ToString(CultureInfo.InvariantCulture),
                    Details = JsonSerializer.Serialize(new { persons = people.Count, households = rows.Count, seed = RegistrySeed, synthetic = true }),
                });
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return (people.Count, rows.Count);
            }
            finally
            {
                db.ChangeTracker.Clear();
                db.ChangeTracker.AutoDetectChangesEnabled = tracking;
            }
        });
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Demo registry: {persons} synthetic residents in {households} households of {villages.Count} kelurahan, {Participants} of them future trainees ({stopwatch.ElapsedMilliseconds} ms)."));
    }

    private static Person ToPerson(SyntheticResident r, int agencyId, long householdId, PersonOrigin origin, DateTime now) => new()
    {
        AgencyId = agencyId,
        Nik = r.Nik,
        FamilyCardNumber = r.FamilyCardNumber,
        HouseholdId = householdId,
        FullName = r.FullName,
        NameKey = PersonNames.Key(r.FullName),
        Sex = r.Sex,
        BirthPlace = r.BirthPlace,
        BirthDate = r.BirthDate,
        Address = r.Address,
        Rt = r.Rt,
        Rw = r.Rw,
        VillageCode = r.VillageCode,
        Phone = Features.Shared.PhoneNumber.TryNormalize(r.Phone, out var phone) ? phone : null,
        Education = r.Education,
        Occupation = r.Occupation,
        EmploymentStatus = r.EmploymentStatus,
        MaritalStatus = r.MaritalStatus,
        HouseholdRelation = r.HouseholdRelation,
        Disability = r.Disability,
        WelfareDecile = r.WelfareDecile,
        WelfareSource = r.WelfareSource,
        WelfareAsOf = r.WelfareAsOf,
        Origin = origin,
        Verified = true,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>12 characters from an alphabet without look-alikes (no 0/O, 1/l/I), with a letter and a digit.</summary>
    internal static string NewPassword()
    {
        const string letters = "abcdefghjkmnpqrstuvwxyz";
        const string digits = "23456789";
        const string all = letters + digits;
        var chars = new char[12];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }
        chars[RandomNumberGenerator.GetInt32(6)] = letters[RandomNumberGenerator.GetInt32(letters.Length)];
        chars[6 + RandomNumberGenerator.GetInt32(6)] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        return new string(chars);
    }
}

/// <summary>The demo registry: every household (the trainees' first), and the 80 trainees themselves.</summary>
public sealed record DemoRegistry(IReadOnlyList<SyntheticHousehold> Households, int TraineeHouseholds, IReadOnlyList<SyntheticResident> Trainees)
{
    public int PersonCount => Households.Sum(h => h.Members.Count);
}
