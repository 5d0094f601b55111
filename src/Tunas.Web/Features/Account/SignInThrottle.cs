using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Account;

/// <summary>
/// A limit on password tries per client address, shared by the sign-in page and the token endpoint: it slows a
/// guesser spreading tries over many accounts, which the per-account lockout does not see. It allows
/// <see cref="AuthOptions.SignInPerMinute"/> tries a minute (at least 10, so that five wrong passwords still lock an
/// account), only posts count, and <c>RateLimiting:Enabled=false</c> switches it off with the other limits.
/// </summary>
public static class SignInThrottle
{
    public const string Policy = "sign-in";

    public const string RefusedMessage = "Too many sign-in attempts from your address. Please try again in {0} seconds.";

    public static IServiceCollection AddSignInThrottle(this IServiceCollection services)
    {
        services.Configure<RateLimiterOptions>(o => o.AddPolicy<string, PerAddress>(Policy));
        return services;
    }

    internal sealed class PerAddress(IOptions<AuthOptions> auth, IConfiguration configuration) : IRateLimiterPolicy<string>
    {
        private readonly bool _enabled = configuration.GetValue("RateLimiting:Enabled", true);
        private readonly int _perMinute = Math.Max(10, auth.Value.SignInPerMinute);

        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

        public RateLimitPartition<string> GetPartition(HttpContext httpContext)
        {
            if (!_enabled || !HttpMethods.IsPost(httpContext.Request.Method))
            {
                return RateLimitPartition.GetNoLimiter("");
            }
            // A sliding minute: each try is given back a minute after it was made, so no burst at a window's edge.
            return RateLimitPartition.GetSlidingWindowLimiter(ClientAddress.Key(httpContext.Connection.RemoteIpAddress), _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = _perMinute,
                Window = TimeSpan.FromMinutes(1),
                SegmentsPerWindow = 6,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        }
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        // Without a hint from the limiter: a try comes back at the latest when the next sixth of the minute begins.
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? (int)Math.Ceiling(retry.TotalSeconds) : 10;
        seconds = Math.Max(1, seconds);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var L = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var message = L[RefusedMessage, seconds].Value;
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: message).ExecuteAsync(http);
            return;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        var lang = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        await http.Response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Tunas</title></head><body style="font-family:sans-serif;padding:1rem;max-width:40rem">
            <p style="font-size:1.2rem">{WebUtility.HtmlEncode(message)}</p><p><a href="/Account/Login">{WebUtility.HtmlEncode(L["Sign in"])}</a></p>
            </body></html>
            """), ct);
    }
}
