using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Account;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Users;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Training.Participants;

/// <summary>The PIN a participant chooses: exactly six digits, and not one of the first a guesser tries.</summary>
public static class PinRule
{
    public const int Length = 6;
    public const string FormatMessage = "The PIN is exactly 6 digits (numbers only).";
    public const string TrivialMessage = "This PIN is too easy to guess (such as 000000 or 123456); choose another.";

    /// <summary>The message key for a PIN of the wrong form, or null. <paramref name="choosing"/>: a new PIN is also refused when trivial.</summary>
    public static string? Problem(string? pin, bool choosing)
    {
        if (pin is not { Length: Length } || !pin.All(char.IsAsciiDigit))
        {
            return FormatMessage;
        }
        return choosing && Trivial(pin) ? TrivialMessage : null;
    }

    /// <summary>One digit six times, or a run up or down (123456, 987654, 890123 is not).</summary>
    private static bool Trivial(string pin)
    {
        var steps = Enumerable.Range(1, Length - 1).Select(i => pin[i] - pin[i - 1]).Distinct().ToList();
        return steps is [0] or [1] or [-1];
    }
}

public enum ParticipantSignInOutcome
{
    Succeeded,

    /// <summary>An unknown login, a wrong PIN or a wrong, used or expired code: the same answer for all.</summary>
    Refused,

    /// <summary>The right PIN (or a valid code) for a locked account: only its owner learns that it is locked.</summary>
    LockedOut,
}

public sealed record ParticipantSignInResult(ParticipantSignInOutcome Outcome, AppUser? User = null, string? PinProblem = null);

/// <summary>
/// A participant's sign-in with the login (the registration number) and the PIN, the first time (or after a forgotten
/// PIN) with a one-time code that sets the PIN. Answers like the staff check (<see cref="SignInCheck"/>): the same
/// refusal for every wrong part, one password hash's time for an unknown login as for a known one, wrong PINs and
/// wrong codes count towards Identity's lockout. The PIN is kept as the account's password hash but set here, past
/// the staff password rules (10 characters), which a six-digit PIN would never meet.
/// </summary>
public sealed class ParticipantSignIn(
    TunasDb db,
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IPasswordHasher<AppUser> hasher,
    DecoyPassword decoy,
    AccountStates states,
    SignInCodes codes,
    TimeProvider clock)
{
    public async Task<ParticipantSignInResult> CheckAsync(string? login, string? pin, string? code, CancellationToken ct = default)
    {
        var withCode = !string.IsNullOrWhiteSpace(code);
        // The form of the PIN says nothing about any account, so it is told plainly before anything is looked up.
        if (PinRule.Problem(pin, choosing: withCode) is { } problem)
        {
            return new ParticipantSignInResult(ParticipantSignInOutcome.Refused, PinProblem: problem);
        }
        var user = await FindAsync(login);
        if (user is null)
        {
            Decoy(pin);
            return Refused;
        }
        if (await users.IsLockedOutAsync(user))
        {
            var right = withCode ? await codes.MatchesAsync(user, code, ct) : user.PasswordHash is not null && await users.CheckPasswordAsync(user, pin!);
            if (withCode || user.PasswordHash is null)
            {
                Decoy(pin);
            }
            return right ? new ParticipantSignInResult(ParticipantSignInOutcome.LockedOut) : Refused;
        }
        if (withCode)
        {
            return await SetPinAsync(user, pin!, code, ct);
        }
        if (user.PasswordHash is null)
        {
            Decoy(pin);
            await FailAsync(user);
            return Refused;
        }
        var result = await signIn.CheckPasswordSignInAsync(user, pin!, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return new ParticipantSignInResult(ParticipantSignInOutcome.Succeeded, user);
        }
        if (result.IsLockedOut)
        {
            await LockedAsync(user);
        }
        return Refused;
    }

    private static ParticipantSignInResult Refused => new(ParticipantSignInOutcome.Refused);

    private async Task<ParticipantSignInResult> SetPinAsync(AppUser user, string pin, string? code, CancellationToken ct)
    {
        if (!await codes.RedeemAsync(user, code, ct))
        {
            Decoy(pin);
            await FailAsync(user);
            return Refused;
        }
        var reset = user.PasswordHash is not null;
        user.PasswordHash = hasher.HashPassword(user, pin);
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        // A new PIN ends every earlier sign-in of the account (a phone shared in the household keeps none).
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            AgencyId = user.AgencyId,
            ActorId = user.Id,
            ActorName = user.UserName ?? user.Id,
            Action = reset ? "participant.pin-reset" : "participant.pin-set",
            EntityType = "User",
            EntityId = user.Id,
        });
        var saved = await users.UpdateAsync(user);
        if (!saved.Succeeded)
        {
            throw new InvalidOperationException("The PIN could not be saved: " + string.Join(" ", saved.Errors.Select(e => e.Code)));
        }
        states.Forget(user.Id);
        return new ParticipantSignInResult(ParticipantSignInOutcome.Succeeded, user);
    }

    /// <summary>A participant account by its login; staff accounts (with an e-mail) never sign in here.</summary>
    private async Task<AppUser?> FindAsync(string? login)
    {
        if (!RegistrationNumbers.TryNormalize(login, out var number) || await users.FindByNameAsync(number) is not { } user)
        {
            return null;
        }
        return user.Email is null && await users.IsInRoleAsync(user, Roles.Participant) ? user : null;
    }

    private async Task FailAsync(AppUser user)
    {
        await users.AccessFailedAsync(user);
        if (await users.IsLockedOutAsync(user))
        {
            await LockedAsync(user);
        }
    }

    private async Task LockedAsync(AppUser user)
    {
        await users.UpdateSecurityStampAsync(user);
        states.Forget(user.Id);
    }

    private void Decoy(string? pin) => hasher.VerifyHashedPassword(decoy.User, decoy.HashWith(hasher), pin ?? "");
}
