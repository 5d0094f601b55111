using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Tunas.Web.Features.Users;

namespace Tunas.Web.Features.Account;

public enum SignInOutcome
{
    Succeeded,

    /// <summary>An unknown e-mail, or a wrong password (even one that has just locked the account).</summary>
    Refused,

    /// <summary>The right password for a locked account: only its owner learns that it is locked.</summary>
    LockedOut,
}

/// <summary>
/// The password check shared by the sign-in page and the token endpoint, so that both answer alike. An unknown
/// e-mail costs one password hash like a known one, so the answer's time does not tell which e-mails exist; a
/// wrong password always gets the same words; an account locked by wrong passwords gets a new security stamp, so
/// its cookies and tokens stop too.
/// </summary>
public sealed class SignInCheck(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IPasswordHasher<AppUser> hasher,
    DecoyPassword decoy,
    AccountStates states)
{
    public async Task<(SignInOutcome Outcome, AppUser? User)> CheckAsync(string? email, string? password)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null || string.IsNullOrEmpty(password))
        {
            hasher.VerifyHashedPassword(decoy.User, decoy.HashWith(hasher), password ?? "");
            return (SignInOutcome.Refused, null);
        }
        if (await users.IsLockedOutAsync(user))
        {
            // Identity answers "locked" before it looks at the password; here a wrong password learns nothing more.
            return (await users.CheckPasswordAsync(user, password) ? SignInOutcome.LockedOut : SignInOutcome.Refused, null);
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return (SignInOutcome.Succeeded, user);
        }
        if (result.IsLockedOut)
        {
            await users.UpdateSecurityStampAsync(user);
            states.Forget(user.Id);
        }
        return (SignInOutcome.Refused, null);
    }
}

/// <summary>A hash of a random password, made once with the app's hasher, to check unknown e-mails against.</summary>
public sealed class DecoyPassword
{
    private string? _hash;

    public AppUser User { get; } = new();

    public string HashWith(IPasswordHasher<AppUser> hasher) =>
        _hash ??= hasher.HashPassword(User, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
}
