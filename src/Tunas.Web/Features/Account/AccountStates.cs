using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tunas.Web.Data;

namespace Tunas.Web.Features.Account;

/// <summary>What a bearer token is checked against: the user's security stamp (as <see cref="AccountStates.StampOf"/>),
/// the end of a lock and the roles, as the database held them at most <see cref="AuthOptions.AccountCheckSeconds"/> ago.</summary>
public sealed record AccountState(string Stamp, DateTimeOffset? LockoutEnd, string[] Roles);

/// <summary>
/// Makes a bearer token stop within a minute of its user being locked (by an administrator or by wrong passwords),
/// given another role, or given a new password, as the cookie does through Identity's security stamp validator. The
/// state of each user is read once per <see cref="AuthOptions.AccountCheckSeconds"/> and kept in memory, so that a
/// busy API client costs one small query a minute, not one a request.
/// </summary>
public sealed class AccountStates(IOptions<AuthOptions> options, TimeProvider clock)
{
    /// <summary>The claim holding <see cref="StampOf"/> of the user's security stamp when the token was issued.</summary>
    public const string StampClaim = "tunas:stamp";

    // Bounded by the users who hold a token with a valid signature: an unsigned or forged token never gets here.
    private readonly ConcurrentDictionary<string, (AccountState? State, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    /// <summary>A hash of the security stamp: the stamp itself also keys Identity's e-mail and phone codes, so it
    /// stays out of a token that its holder can read.</summary>
    public static string StampOf(string? securityStamp) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(securityStamp ?? "")));

    /// <summary>For <see cref="JwtBearerEvents.OnTokenValidated"/>: refuses a token whose user is gone, locked,
    /// has another security stamp, or has other roles than the token says.</summary>
    public async Task CheckTokenAsync(TokenValidatedContext context)
    {
        var principal = context.Principal;
        var id = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = principal?.FindFirstValue(StampClaim);
        if (id is null || stamp is null)
        {
            context.Fail("The token names no user or security stamp.");
            return;
        }
        var state = await GetAsync(id, () => context.HttpContext.RequestServices.GetRequiredService<TunasDb>(), context.HttpContext.RequestAborted);
        if (!IsCurrent(state, stamp, principal!.FindAll(ClaimTypes.Role).Select(c => c.Value)))
        {
            context.Fail("The account changed since the token was issued.");
        }
    }

    public bool IsCurrent(AccountState? state, string stamp, IEnumerable<string> roles) =>
        state is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(state.Stamp), Encoding.UTF8.GetBytes(stamp))
        && !(state.LockoutEnd is { } end && end > clock.GetUtcNow())
        && roles.Order(StringComparer.Ordinal).SequenceEqual(state.Roles, StringComparer.Ordinal);

    /// <summary>The user's state, from memory when read recently enough; null for a user who no longer exists.</summary>
    public async Task<AccountState?> GetAsync(string userId, Func<TunasDb> db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(userId, out var cached) && cached.Until > now)
        {
            return cached.State;
        }
        var state = await ReadAsync(db(), userId, ct);
        var seconds = Math.Clamp(options.Value.AccountCheckSeconds, 0, 60);
        if (seconds > 0)
        {
            _cache[userId] = (state, now.AddSeconds(seconds));
        }
        return state;
    }

    /// <summary>Drops what this server remembers of a user, for a change made here (other servers see it within the interval).</summary>
    public void Forget(string userId) => _cache.TryRemove(userId, out _);

    private static async Task<AccountState?> ReadAsync(TunasDb db, string userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd })
            .FirstOrDefaultAsync(ct);
        if (user is null)
        {
            return null;
        }
        var roles = await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            where ur.UserId == userId
            select r.Name).ToListAsync(ct);
        return new AccountState(StampOf(user.SecurityStamp), user.LockoutEnd,
            [.. roles.OfType<string>().Order(StringComparer.Ordinal)]);
    }
}
