using Microsoft.Extensions.Options;

namespace Tunas.Web.Features.Shared.Messaging;

/// <summary>
/// The public site's address for links in messages, always absolute: <c>Messages:PublicBaseUrl</c> when set; else the
/// scheme and host of the request composing the message (an officer publishing from https://tunas.kota.go.id gives
/// that), remembered for work done outside a request (a demo seeded at start-up); else the app's own address.
/// </summary>
public sealed class PublicAddress(IOptions<MessagingOptions> options, IConfiguration configuration, IHttpContextAccessor? http = null)
{
    public const string DefaultAddress = "http://localhost:5080";

    private string? _lastSeen;

    public bool Configured => !string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl);

    /// <summary>The base, without a trailing slash: <c>https://tunas.blitarkota.go.id</c>.</summary>
    public string BaseUrl
    {
        get
        {
            if (options.Value.PublicBaseUrl is { } configured && !string.IsNullOrWhiteSpace(configured))
            {
                return configured.Trim().TrimEnd('/');
            }
            if (http?.HttpContext?.Request is { Host.HasValue: true } request)
            {
                var seen = $"{request.Scheme}://{request.Host.Value}{request.PathBase.Value}".TrimEnd('/');
                Volatile.Write(ref _lastSeen, seen);
                return seen;
            }
            return Volatile.Read(ref _lastSeen) ?? OwnAddress();
        }
    }

    /// <summary>An absolute link to a path of the site: <c>/Status</c> becomes <c>https://…/Status</c>.</summary>
    public string Link(string path) => BaseUrl + "/" + (path ?? "").TrimStart('/');

    /// <summary>The first address the app listens on (ASPNETCORE_URLS), with a wildcard host read as localhost.</summary>
    private string OwnAddress()
    {
        var first = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is null)
        {
            return DefaultAddress;
        }
        var url = first.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal);
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : DefaultAddress;
    }
}
