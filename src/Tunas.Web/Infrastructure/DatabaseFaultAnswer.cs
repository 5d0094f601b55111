using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace Tunas.Web.Infrastructure;

/// <summary>
/// An API request that meets a passing database fault (a full disk, a read-only or unreachable server, a lock held
/// too long: <see cref="DatabaseFaults"/>) answers 503 with Retry-After and the cause in the user's language, not a
/// bare 500: the officer's phone, or the client program, knows to send the same request again later. Nothing was
/// saved (each write and its audit entry are one transaction), and <c>/health</c> reports the fault meanwhile.
/// </summary>
public sealed class DatabaseFaultAnswer(IStringLocalizer<SharedResource> L, WriteFaults writes) : IExceptionHandler
{
    public const string RetrySeconds = "30";
    public const string NothingSavedMessage = "Nothing was saved. Please try again in a few minutes.";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (DatabaseFaults.PassingCause(exception) is not { } cause || !httpContext.Request.Path.StartsWithSegments("/api") || httpContext.Response.HasStarted)
        {
            return false;
        }
        writes.Report(exception);
        using var culture = LocalizationSetup.RequestUiCulture(httpContext);
        httpContext.Response.Headers.RetryAfter = RetrySeconds;
        await TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: L[cause] + " " + L[NothingSavedMessage])
            .ExecuteAsync(httpContext);
        return true;
    }
}
