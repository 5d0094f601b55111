using Microsoft.AspNetCore.Identity;

namespace Tunas.Web.Features.Users;

/// <summary>
/// Staff sign in with an e-mail address, which Identity checks and keeps unique. A participant account has none: its
/// user name (the registration number) is its login, because phones are shared within a household (issue 13). Such a
/// user name must still be present, of the allowed characters and unique.
/// </summary>
internal sealed class AppUserValidator(IdentityErrorDescriber errors) : UserValidator<AppUser>(errors)
{
    public override async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user)
    {
        if (user.Email is not null)
        {
            return await base.ValidateAsync(manager, user);
        }
        var name = await manager.GetUserNameAsync(user);
        var allowed = manager.Options.User.AllowedUserNameCharacters;
        if (string.IsNullOrWhiteSpace(name) || (!string.IsNullOrEmpty(allowed) && name.Any(c => !allowed.Contains(c))))
        {
            return IdentityResult.Failed(Describer.InvalidUserName(name));
        }
        var owner = await manager.FindByNameAsync(name);
        return owner is not null && owner.Id != user.Id
            ? IdentityResult.Failed(Describer.DuplicateUserName(name))
            : IdentityResult.Success;
    }
}
