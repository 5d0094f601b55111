using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Users;

namespace Tunas.Web.Features.Account;

public sealed record TokenRequest(string? Email, string? Password);

public sealed record TokenResponse(string AccessToken, DateTime ExpiresAt);

/// <summary>Bearer tokens for programs that call the API. A wrong e-mail and a wrong password answer the same 401,
/// so the answer does not tell which part was wrong; only the right password of a locked account learns that it is
/// locked (as on the sign-in page). Tries are limited per address with the sign-in page (<see cref="SignInThrottle"/>).</summary>
public static class AuthApi
{
    public const string LockedMessage = "Too many failed attempts. This account is locked for a while; try again later or ask the administrator.";

    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/auth").WithTags("Auth").AllowAnonymous();

        api.MapPost("/token", IssueTokenAsync).RequireRateLimiting(SignInThrottle.Policy);
        return app;
    }

    internal static async Task<Results<Ok<TokenResponse>, UnauthorizedHttpResult, ProblemHttpResult>> IssueTokenAsync(
        TokenRequest request, SignInCheck check, SignInManager<AppUser> signIn, TokenIssuer issuer, IStringLocalizer<SharedResource> L)
    {
        var (outcome, user) = await check.CheckAsync(request.Email, request.Password);
        if (outcome == SignInOutcome.LockedOut)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: L[LockedMessage]);
        }
        if (outcome != SignInOutcome.Succeeded || user is null)
        {
            return TypedResults.Unauthorized();
        }
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var (token, expiresAt) = issuer.Issue(principal);
        return TypedResults.Ok(new TokenResponse(token, expiresAt));
    }
}
