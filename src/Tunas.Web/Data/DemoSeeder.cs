using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Features.Users;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Data;

/// <summary>
/// The Kota Blitar demo (`--demo`): Dinas Sosial Kota Blitar as the agency and one user per role, whose
/// passwords are printed once, when they are created. Safe to run again: what exists is left alone.
/// Later features add their own demo data here (programs, applicants, cohorts, businesses).
/// </summary>
public sealed class DemoSeeder(TunasDb db, UserAdmin userAdmin, UserManager<AppUser> users, TimeProvider clock)
{
    public const string Domain = "demo.tunas.test";

    /// <summary>Kelurahan Kauman, Kecamatan Kepanjenkidul, Kota Blitar.</summary>
    public const string DemoVillage = "35.72.01.1004";

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
            await output.WriteLineAsync("Demo Kota Blitar: already loaded (the demo users' passwords were shown when they were created).");
            return;
        }
        await output.WriteLineAsync();
        await output.WriteLineAsync("Demo Kota Blitar loaded. Users (passwords are shown only this once):");
        foreach (var (email, role, password) in created)
        {
            await output.WriteLineAsync($"  {role,-16} {email,-36} {password}");
        }
        await output.WriteLineAsync();
    }

    /// <summary>12 characters from an alphabet without look-alikes (no 0/O, 1/l/I), with a letter and a digit.</summary>
    private static string NewPassword()
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
