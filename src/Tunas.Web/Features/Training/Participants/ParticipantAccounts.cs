using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Users;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Training.Participants;

/// <summary>
/// A participant's own account: an Identity user in the Participant role whose user name is the application's
/// registration number and which has no e-mail (phones are shared within a household, so the login names the
/// application, not the phone). One account per placement; the placement row points at it.
/// </summary>
public sealed class ParticipantAccounts(TunasDb db, UserManager<AppUser> users, TimeProvider clock)
{
    /// <summary>The account of the placement, created the first time; the placement is saved with it.</summary>
    public async Task<AppUser> EnsureAsync(CohortParticipant participant, CancellationToken ct = default)
    {
        if (participant.UserId is { } id && await users.FindByIdAsync(id) is { } existing)
        {
            return existing;
        }
        var login = await db.Applications.AsNoTracking()
            .Where(a => a.Id == participant.ApplicationId && a.AgencyId == participant.AgencyId)
            .Select(a => new { a.RegistrationNumber, Name = db.Persons.Where(p => p.Id == a.PersonId && p.AgencyId == a.AgencyId).Select(p => p.FullName).FirstOrDefault() })
            .SingleAsync(ct);
        var user = await users.FindByNameAsync(login.RegistrationNumber);
        if (user is null)
        {
            user = new AppUser
            {
                UserName = login.RegistrationNumber,
                FullName = login.Name,
                AgencyId = participant.AgencyId,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                LockoutEnabled = true,
            };
            Check(await users.CreateAsync(user));
            Check(await users.AddToRoleAsync(user, Roles.Participant));
        }
        participant.UserId = user.Id;
        if (db.Entry(participant).State == EntityState.Detached)
        {
            db.Attach(participant).Property(p => p.UserId).IsModified = true;
        }
        await db.SaveChangesAsync(ct);
        return user;
    }

    /// <summary>
    /// The accounts of many placements at once (a placement run, the demo): written in one save, past the user
    /// manager's one-by-one checks, which hold here by construction (a registration number is unique and of allowed
    /// characters). A login already taken by an account of another agency or of staff is left without one.
    /// </summary>
    public async Task<int> EnsureAllAsync(IReadOnlyCollection<CohortParticipant> participants, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(participants);
        var missing = participants.Where(p => p.UserId is null).ToList();
        if (missing.Count == 0)
        {
            return 0;
        }
        var roleId = await db.Roles.Where(r => r.Name == Roles.Participant).Select(r => r.Id).SingleAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var created = 0;
        foreach (var ofAgency in missing.GroupBy(p => p.AgencyId))
        {
            var agency = ofAgency.Key;
            var ids = ofAgency.Select(p => p.ApplicationId).ToList();
            var logins = await db.Applications.AsNoTracking()
                .Where(a => a.AgencyId == agency && ids.Contains(a.Id))
                .Select(a => new { a.Id, a.RegistrationNumber, Name = db.Persons.Where(p => p.Id == a.PersonId && p.AgencyId == a.AgencyId).Select(p => p.FullName).FirstOrDefault() })
                .ToDictionaryAsync(a => a.Id, ct);
            var names = logins.Values.Select(l => users.NormalizeName(l.RegistrationNumber)).ToList();
            var existing = await db.Users.Where(u => names.Contains(u.NormalizedUserName!)).ToDictionaryAsync(u => u.NormalizedUserName!, StringComparer.Ordinal, ct);
            foreach (var participant in ofAgency)
            {
                if (!logins.TryGetValue(participant.ApplicationId, out var login))
                {
                    continue;
                }
                var normalized = users.NormalizeName(login.RegistrationNumber);
                if (existing.TryGetValue(normalized, out var user))
                {
                    if (user.AgencyId != agency || user.Email is not null)
                    {
                        continue;
                    }
                }
                else
                {
                    user = new AppUser
                    {
                        UserName = login.RegistrationNumber,
                        NormalizedUserName = normalized,
                        FullName = login.Name,
                        AgencyId = agency,
                        CreatedAt = now,
                        LockoutEnabled = true,
                        SecurityStamp = Guid.NewGuid().ToString("N"),
                    };
                    db.Users.Add(user);
                    db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
                    existing[normalized] = user;
                    created++;
                }
                participant.UserId = user.Id;
                if (db.Entry(participant).State == EntityState.Detached)
                {
                    db.Attach(participant).Property(p => p.UserId).IsModified = true;
                }
            }
        }
        await db.SaveChangesAsync(ct);
        return created;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("A participant account could not be created: " + string.Join(" ", result.Errors.Select(e => e.Code)));
        }
    }
}
