using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Tunas.Web.Features.Users;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Account;

public sealed record TokenRequest(string? Email, string? Password);

public sealed record TokenResponse(string AccessToken, DateTime ExpiresAt);

/// <summary>Bearer tokens for programs that call the API. A wrong e-mail, a wrong password and a locked
/// account all answer the same 401, so the answer does not tell which part was wrong.</summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/auth").WithTags("Auth").AllowAnonymous();

        api.MapPost("/token", IssueTokenAsync);
        return app;
    }

    internal static async Task<Results<Ok<TokenResponse>, UnauthorizedHttpResult>> IssueTokenAsync(
        TokenRequest request, UserManager<AppUser> users, SignInManager<AppUser> signIn, TokenIssuer issuer)
    {
        var user = string.IsNullOrWhiteSpace(request.Email) ? null : await users.FindByEmailAsync(request.Email.Trim());
        if (user is null || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.Unauthorized();
        }
        var check = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            return TypedResults.Unauthorized();
        }
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var (token, expiresAt) = issuer.Issue(principal);
        return TypedResults.Ok(new TokenResponse(token, expiresAt));
    }
}
