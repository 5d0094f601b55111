using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Users;

namespace Tunas.Web.Features.Training.Participants;

/// <summary>A one-time sign-in code as the trainer's screen or the cohort sheet shows it.</summary>
public sealed record SignInCode(string Login, string Code, DateTime ExpiresAt);

/// <summary>
/// One-time sign-in codes: a participant sets (or, having forgotten it, sets again) the PIN with one. A code is 8
/// characters from an alphabet without look-alikes, so that it is typed on a phone from a printed sheet; it is kept
/// only as a hash, in Identity's own token table beside the account (no table of our own), lasts
/// <see cref="Lifetime"/>, works once, and a new one replaces the old.
/// </summary>
public sealed class SignInCodes(TunasDb db, TimeProvider clock)
{
    public const int Length = 8;

    /// <summary>No 0/O, 1/I/L: about 40 bits in 8 characters, with the per-account lockout and the sign-in throttle in front.</summary>
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private const string Provider = "Tunas";
    private const string Name = "sign-in-code";

    /// <summary>
    /// A fresh code for the account, replacing any earlier one. The trainer who hands it over has the person in front
    /// of her, so it also lifts a lockout left by forgotten PINs. Saved with the caller's next save.
    /// </summary>
    public async Task<SignInCode> IssueAsync(AppUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var code = New();
        var expires = clock.GetUtcNow().UtcDateTime.Add(Lifetime);
        var value = expires.Ticks.ToString(CultureInfo.InvariantCulture) + ":" + Hash(user.Id, code);
        var row = await db.UserTokens.FirstOrDefaultAsync(t => t.UserId == user.Id && t.LoginProvider == Provider && t.Name == Name, ct);
        if (row is null)
        {
            db.UserTokens.Add(new IdentityUserToken<string> { UserId = user.Id, LoginProvider = Provider, Name = Name, Value = value });
        }
        else
        {
            row.Value = value;
        }
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        return new SignInCode(user.UserName!, code, expires);
    }

    /// <summary>Whether <paramref name="typed"/> is the account's current, unexpired code; nothing changes.</summary>
    public async Task<bool> MatchesAsync(AppUser user, string? typed, CancellationToken ct = default) =>
        await FindAsync(user, typed, ct) is not null;

    /// <summary>Uses the code up: true when it matched and is now gone. Saved with the caller's next save.</summary>
    public async Task<bool> RedeemAsync(AppUser user, string? typed, CancellationToken ct = default)
    {
        if (await FindAsync(user, typed, ct) is not { } row)
        {
            return false;
        }
        db.UserTokens.Remove(row);
        return true;
    }

    /// <summary>What a person typed, as issued: any case, spaces and dashes ignored.</summary>
    public static string Normalize(string? typed) =>
        new([.. (typed ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant)]);

    private async Task<IdentityUserToken<string>?> FindAsync(AppUser user, string? typed, CancellationToken ct)
    {
        var code = Normalize(typed);
        if (code.Length != Length)
        {
            return null;
        }
        var row = await db.UserTokens.FirstOrDefaultAsync(t => t.UserId == user.Id && t.LoginProvider == Provider && t.Name == Name, ct);
        var parts = row?.Value?.Split(':', 2);
        if (row is null || parts is not [var ticks, var hash] || !long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return null;
        }
        if (clock.GetUtcNow().UtcDateTime.Ticks >= expires)
        {
            return null;
        }
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(Hash(user.Id, code))) ? row : null;
    }

    private static string New()
    {
        var chars = new char[Length];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return new string(chars);
    }

    /// <summary>Salted by the account, so that one code's hash says nothing about another account's.</summary>
    private static string Hash(string userId, string code) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(userId + ":" + code)));
}
