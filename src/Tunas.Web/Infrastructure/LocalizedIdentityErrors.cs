using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Tunas.Web.Infrastructure;

/// <summary>Identity's messages (password rules, duplicate e-mail) in the user's language.</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> L) : IdentityErrorDescriber
{
    private static IdentityError Error(string code, LocalizedString text) => new() { Code = code, Description = text };

    public override IdentityError DefaultError() => Error(nameof(DefaultError), L["An unknown error occurred."]);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), L["The password is wrong."]);
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), L["The link or code is no longer valid."]);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), L["'{0}' is not a valid e-mail address.", email ?? ""]);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), L["'{0}' is not a valid e-mail address.", userName ?? ""]);
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), L["The e-mail address '{0}' is already used by another user.", email]);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), L["The e-mail address '{0}' is already used by another user.", userName]);
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), L["The user already has this role."]);
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), L["The user does not have this role."]);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), L["The password must be at least {0} characters long.", length]);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), L["The password must use at least {0} different characters.", uniqueChars]);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), L["The password must contain a symbol."]);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), L["The password must contain a digit (0-9)."]);
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), L["The password must contain a lower-case letter (a-z)."]);
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), L["The password must contain an upper-case letter (A-Z)."]);
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), L["Lockout is not enabled for this user."]);
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), L["Someone else changed this record at the same time. Reload and try again."]);
}
