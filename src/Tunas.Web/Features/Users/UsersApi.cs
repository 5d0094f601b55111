using Microsoft.AspNetCore.Http.HttpResults;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Users;

public sealed record CreateUserRequest(string? Email, string? Password, string? Role, string? VillageCode, int? ProviderId, string? FullName);

public sealed record CreatedId(string Id);

public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization(Policies.ManageUsers);

        api.MapGet("/", ListAsync);
        api.MapPost("/", CreateAsync);
        return app;
    }

    internal static async Task<Ok<List<UserSummary>>> ListAsync(UserAdmin admin, CancellationToken ct) =>
        TypedResults.Ok(await admin.ListAsync(ct));

    internal static async Task<Results<Created<CreatedId>, ValidationProblem>> CreateAsync(
        CreateUserRequest request, UserAdmin admin, CurrentUser me, CancellationToken ct)
    {
        var result = await admin.CreateAsync(
            new NewUser(request.Email, request.Password, request.Role, request.VillageCode, request.ProviderId, request.FullName),
            (me.Id, me.Name ?? ""), ct);
        if (result.Succeeded)
        {
            return TypedResults.Created($"/api/v1/users/{result.Id}", new CreatedId(result.Id!));
        }
        return TypedResults.ValidationProblem(result.Errors);
    }
}
