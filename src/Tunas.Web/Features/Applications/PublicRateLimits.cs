using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Applications;

/// <summary>
/// The rate limits of the public endpoints and pages (applying, checking a status, lodging an appeal), per client
/// address: a token bucket per IPv4 address or IPv6 /64 network, and a cap on public requests in progress. Only posts
/// count; signed-in staff (any role but Participant) are not limited per address, but lookups by registration number
/// are limited per number for everyone (<see cref="RegistrationNumberLimits"/>). A refusal is 429 with Retry-After and
/// a sentence in the user's language.
/// </summary>
public static class PublicRateLimits
{
    public const string Apply = "public-apply";
    public const string Status = "public-status";
    public const string Appeal = "public-appeal";

    /// <summary>Checking a certificate by its code: reads count too, since guessing codes is done with reads.</summary>
    public const string Verify = "public-verify";

    /// <summary>The public catalogue (issue 14): reads count, so that nobody pulls it down page by page in a loop.</summary>
    public const string Catalogue = "public-catalogue";

    public static IServiceCollection AddPublicRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.Section);
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((o, settings) =>
        {
            var s = settings.Value;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
            o.AddPolicy(Apply, ctx => PerAddress(ctx, s, Apply, s.ApplyPerMinute, s.ApplyBurst));
            o.AddPolicy(Status, ctx => PerAddress(ctx, s, Status, s.StatusPerMinute, s.StatusBurst));
            o.AddPolicy(Appeal, ctx => PerAddress(ctx, s, Appeal, s.AppealPerMinute, s.AppealBurst));
            o.AddPolicy(Verify, ctx => PerAddress(ctx, s, Verify, s.VerifyPerMinute, s.VerifyBurst, reads: true));
            o.AddPolicy(Catalogue, ctx => PerAddress(ctx, s, Catalogue, s.CataloguePerMinute, s.CatalogueBurst, reads: true));
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
                s.Enabled && IsPublic(ctx) && !IsStaff(ctx)
                    ? RateLimitPartition.GetConcurrencyLimiter("public", _ => new ConcurrencyLimiterOptions { PermitLimit = Math.Max(1, s.PublicConcurrency), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(""));
        });
        services.AddSingleton<RegistrationNumberLimits>();
        return services;
    }

    /// <summary>
    /// For the API, after the body is validated and before the lookup: null when the lookup of
    /// <paramref name="registrationNumber"/> may go ahead, otherwise the 429 to answer (Retry-After set).
    /// </summary>
    public static ProblemHttpResult? RefusedPerNumber(HttpContext http, string? registrationNumber, IStringLocalizer L)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(L);
        if (http.RequestServices.GetRequiredService<RegistrationNumberLimits>().TryTake(registrationNumber) is not { } wait)
        {
            return null;
        }
        var seconds = Seconds(wait);
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests,
            title: string.Format(CultureInfo.InvariantCulture, L[ApplicationMessages.NumberRateLimitedMessage], seconds));
    }

    /// <summary>
    /// For a page, after the form is validated and before the lookup: false when the lookup of
    /// <paramref name="registrationNumber"/> may go ahead; true when the refusal (429) has been written, and the
    /// handler must answer nothing more.
    /// </summary>
    public static async Task<bool> RefusedPerNumberAsync(HttpContext http, string? registrationNumber, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.RequestServices.GetRequiredService<RegistrationNumberLimits>().TryTake(registrationNumber) is not { } wait)
        {
            return false;
        }
        await RefuseAsync(http, wait, ApplicationMessages.NumberRateLimitedMessage, ct);
        return true;
    }

    private static RateLimitPartition<string> PerAddress(HttpContext ctx, RateLimitingOptions s, string policy, int perMinute, int burst, bool reads = false)
    {
        if (!s.Enabled || IsStaff(ctx) || (!reads && (HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method))))
        {
            return RateLimitPartition.GetNoLimiter("");
        }
        return RateLimitPartition.GetTokenBucketLimiter(policy + " " + ClientAddress.Key(ctx.Connection.RemoteIpAddress), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, burst),
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / Math.Max(1, perMinute),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    /// <summary>Signed in with a role of the agency's staff: a participant's account is a member of the public here.</summary>
    private static bool IsStaff(HttpContext ctx) =>
        ctx.User.Identity?.IsAuthenticated == true && Roles.All.Any(r => r != Roles.Participant && ctx.User.IsInRole(r));

    private static bool IsPublic(HttpContext ctx) =>
        ctx.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName is Apply or Status or Appeal or Verify or Catalogue;

    private static ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct) =>
        new(RefuseAsync(context.HttpContext,
            context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromSeconds(1), ApplicationMessages.RateLimitedMessage, ct));

    /// <summary>Writes the 429: Retry-After, and <paramref name="template"/> (its {0} the seconds) as a problem or a short page.</summary>
    private static async Task RefuseAsync(HttpContext http, TimeSpan wait, string template, CancellationToken ct)
    {
        var seconds = Seconds(wait);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var L = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var message = string.Format(CultureInfo.InvariantCulture, L[template], seconds);
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: message).ExecuteAsync(http);
            return;
        }
        // A page: a few lines that a phone shows at once, in the user's language, with the way back.
        http.Response.ContentType = "text/html; charset=utf-8";
        var lang = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        await http.Response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Tunas</title></head><body style="font-family:sans-serif;padding:1rem;max-width:40rem">
            <p style="font-size:1.2rem">{WebUtility.HtmlEncode(message)}</p><p><a href="{WebUtility.HtmlEncode(http.Request.PathBase + http.Request.Path)}">{WebUtility.HtmlEncode(L["Try again"])}</a> · <a href="/">Tunas</a></p>
            </body></html>
            """), ct);
    }
}
