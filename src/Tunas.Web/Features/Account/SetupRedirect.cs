using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;

namespace Tunas.Web.Features.Account;

/// <summary>Remembers once that a user exists, so the check costs one query per process, not one per request.</summary>
public sealed class SetupState
{
    private volatile bool _hasUsers;

    public bool HasUsers => _hasUsers;

    public async Task<bool> HasUsersAsync(TunasDb db, CancellationToken ct)
    {
        if (!_hasUsers && await db.Users.AnyAsync(ct))
        {
            _hasUsers = true;
        }
        return _hasUsers;
    }

    public void UserCreated() => _hasUsers = true;
}

/// <summary>Until the first administrator exists, every page leads to the one-time setup page.</summary>
public sealed class SetupRedirect(RequestDelegate next)
{
    // The database is taken from the request's services only while no user is known: once one exists, a request
    // needs no DbContext made for it here.
    public async Task InvokeAsync(HttpContext context, SetupState state)
    {
        var path = context.Request.Path;
        var exempt = path.StartsWithSegments("/Setup") || path.StartsWithSegments("/api") || path.StartsWithSegments("/health")
            || path.StartsWithSegments("/lib") || path.StartsWithSegments("/css") || path.StartsWithSegments("/js")
            || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/docs") || path.StartsWithSegments("/Error");
        if (!exempt && HttpMethods.IsGet(context.Request.Method) && !state.HasUsers
            && !await state.HasUsersAsync(context.RequestServices.GetRequiredService<TunasDb>(), context.RequestAborted))
        {
            context.Response.Redirect("/Setup");
            return;
        }
        await next(context);
    }
}
