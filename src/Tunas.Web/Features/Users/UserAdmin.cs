using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Users;

public sealed record NewUser(string? Email, string? Password, string? Role, string? VillageCode, int? ProviderId, string? FullName);

public sealed record UserChange(string? Role, string? VillageCode, int? ProviderId, string? FullName, bool Locked, string? NewPassword);

public sealed record UserSummary(string Id, string Email, string? FullName, string Role, string? VillageCode, int? ProviderId, bool LockedOut);

/// <summary>Errors per field (camelCase, as the API names them); empty when it worked.</summary>
public sealed record UserResult(string? Id, Dictionary<string, string[]> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>Creating and changing users, shared by the admin pages, the API and start-up.</summary>
public sealed class UserAdmin(
    TunasDb db,
    UserManager<AppUser> users,
    AuditLog audit,
    AgencyService agencies,
    IProviderDirectory providers,
    TimeProvider clock,
    IStringLocalizer<SharedResource> L)
{
    /// <summary>The longest e-mail address Identity's column holds.</summary>
    public const int EmailMax = 256;
    public const int FullNameMax = 200;
    public const int PasswordMax = 256;

    public async Task<UserResult> CreateAsync(NewUser input, (string? Id, string Name)? actor, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var email = input.Email?.Trim() ?? "";
        if (email.Length == 0)
        {
            errors["email"] = [L["Fill in the e-mail address."]];
        }
        else if (email.Length > EmailMax)
        {
            errors["email"] = [L["The e-mail address may have at most {0} characters.", EmailMax]];
        }
        if (string.IsNullOrEmpty(input.Password))
        {
            errors["password"] = [L["Fill in a password."]];
        }
        var fullName = CheckTexts(input.FullName, input.Password, errors);
        var role = Roles.Normalize(input.Role);
        var agency = await agencies.CurrentAsync(ct);
        await CheckBindingsAsync(role, input.VillageCode, input.ProviderId, agency, errors, ct);
        if (errors.Count > 0)
        {
            return new UserResult(null, errors);
        }

        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = fullName,
            AgencyId = agency.Id,
            VillageCode = role == Roles.VillageOperator ? input.VillageCode!.Trim() : null,
            ProviderId = role == Roles.ProviderStaff ? input.ProviderId : null,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var created = await users.CreateAsync(user, input.Password!);
            if (!created.Succeeded)
            {
                return new UserResult(null, IdentityErrors(created));
            }
            await users.AddToRoleAsync(user, role!);
            audit.Record("user.created", "User", user.Id, new { user.Email, Role = role, user.VillageCode, user.ProviderId }, actor);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new UserResult(user.Id, []);
        });
    }

    public async Task<UserResult> ChangeAsync(string id, UserChange change, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return new UserResult(null, new() { ["id"] = [L["The user was not found."]] });
        }
        var errors = new Dictionary<string, string[]>();
        var fullName = CheckTexts(change.FullName, change.NewPassword, errors);
        var role = Roles.Normalize(change.Role);
        var agency = await agencies.CurrentAsync(ct);
        await CheckBindingsAsync(role, change.VillageCode, change.ProviderId, agency, errors, ct);
        if (errors.Count > 0)
        {
            return new UserResult(id, errors);
        }
        var wasAdmin = await users.IsInRoleAsync(user, Roles.Administrator);
        if (wasAdmin && (role != Roles.Administrator || change.Locked) && await ActiveAdministratorsAsync(ct) <= 1)
        {
            return new UserResult(id, new() { ["role"] = [L["This is the last active administrator; make another user administrator first."]] });
        }
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var before = new { Role = (await users.GetRolesAsync(user)).FirstOrDefault(), user.VillageCode, user.ProviderId, user.FullName, Locked = IsLocked(user) };
            if (!string.IsNullOrEmpty(change.NewPassword))
            {
                var token = await users.GeneratePasswordResetTokenAsync(user);
                var reset = await users.ResetPasswordAsync(user, token, change.NewPassword);
                if (!reset.Succeeded)
                {
                    return new UserResult(id, IdentityErrors(reset));
                }
            }
            user.FullName = fullName;
            user.VillageCode = role == Roles.VillageOperator ? change.VillageCode!.Trim() : null;
            user.ProviderId = role == Roles.ProviderStaff ? change.ProviderId : null;
            user.LockoutEnd = change.Locked ? clock.GetUtcNow().AddYears(100) : null;
            if (!change.Locked)
            {
                user.AccessFailedCount = 0;
            }
            var current = await users.GetRolesAsync(user);
            if (current.Count != 1 || current[0] != role)
            {
                await users.RemoveFromRolesAsync(user, current);
                await users.AddToRoleAsync(user, role!);
            }
            // A new role, binding or lock reaches the user's browser within a minute, not when the cookie expires.
            await users.UpdateSecurityStampAsync(user);
            var after = new { Role = role, user.VillageCode, user.ProviderId, user.FullName, Locked = change.Locked, PasswordReset = !string.IsNullOrEmpty(change.NewPassword) };
            audit.Record("user.changed", "User", user.Id, new { Before = before, After = after });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new UserResult(id, []);
        });
    }

    public async Task<List<UserSummary>> ListAsync(CancellationToken ct = default)
    {
        var rows = await (
            from u in db.Users.AsNoTracking()
            where u.Email != null // participant accounts have none and are listed with their cohort
            let role = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).FirstOrDefault()
            orderby u.Email
            select new { u.Id, u.Email, u.FullName, Role = role, u.VillageCode, u.ProviderId, u.LockoutEnd })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        return rows.Select(u => new UserSummary(u.Id, u.Email ?? "", u.FullName, u.Role ?? "", u.VillageCode, u.ProviderId,
            u.LockoutEnd is { } end && end > now)).ToList();
    }

    private async Task<int> ActiveAdministratorsAsync(CancellationToken ct)
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Administrator);
        var now = clock.GetUtcNow();
        return admins.Count(a => a.LockoutEnd is not { } end || end <= now);
    }

    private static bool IsLocked(AppUser user) => user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow;

    /// <summary>The name cleaned (optional), and the lengths Identity does not check.</summary>
    private string? CheckTexts(string? name, string? password, Dictionary<string, string[]> errors)
    {
        var fullName = TextInput.Clean(name);
        if (fullName is { Length: > FullNameMax })
        {
            errors["fullName"] = [L["The name may have at most {0} characters.", FullNameMax]];
        }
        if (password is { Length: > PasswordMax })
        {
            errors["password"] = [L["The password may have at most {0} characters.", PasswordMax]];
        }
        return fullName;
    }

    private async Task CheckBindingsAsync(string? role, string? villageCode, int? providerId, Agency agency, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (role is null)
        {
            errors["role"] = [L["Choose a role: {0}.", string.Join(", ", Roles.All)]];
            return;
        }
        if (role == Roles.ProviderStaff && providerId is { } provider && !await providers.ExistsAsync(agency.Id, provider, ct))
        {
            errors["providerId"] = [L["Training provider {0} does not exist; see the list of providers.", provider]];
            return;
        }
        if (role != Roles.VillageOperator)
        {
            return;
        }
        var code = villageCode?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            errors["villageCode"] = [L["A kelurahan operator needs a kelurahan/desa."]];
            return;
        }
        var village = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct);
        if (village is null || village.Level != RegionLevel.Village || !village.IsCurrent)
        {
            errors["villageCode"] = [L["'{0}' is not a kelurahan/desa code (e.g. 35.72.01.1001).", code]];
        }
        else if (agency.RegencyCode is { Length: > 0 } regency && !code.StartsWith(regency + ".", StringComparison.Ordinal))
        {
            errors["villageCode"] = [L["Kelurahan/desa {0} is outside the agency's regency/city.", village.Name]];
        }
    }

    private static Dictionary<string, string[]> IdentityErrors(IdentityResult result)
    {
        var errors = new Dictionary<string, List<string>>();
        foreach (var e in result.Errors)
        {
            var field = e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password"
                : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "email"
                : "";
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }
            list.Add(e.Description);
        }
        return errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
    }
}
