using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Template;

namespace Tunas.Web.Infrastructure;

/// <summary>
/// Routing drops an endpoint whose body type does not match the request's Content-Type, and then the catch-all
/// fallback (a 404) is the one left. The fallback asks this whether the address and method belong to an API endpoint
/// that takes a body, to answer 415 instead.
/// </summary>
public sealed class ApiBodyEndpoints(EndpointDataSource source)
{
    private readonly Lazy<(TemplateMatcher Matcher, IReadOnlyList<string> Methods, IAcceptsMetadata Accepts)[]> _endpoints = new(() =>
        [.. source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
            .Select(e => (Endpoint: e, Accepts: e.Metadata.GetMetadata<IAcceptsMetadata>()))
            .Where(e => e.Accepts is { ContentTypes.Count: > 0 })
            .Select(e => (new TemplateMatcher(new RouteTemplate(e.Endpoint.RoutePattern), new RouteValueDictionary()),
                e.Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [], e.Accepts!))]);

    /// <summary>What the endpoint at the request's address and method accepts, when there is one that takes a body.</summary>
    public IAcceptsMetadata? AcceptsFor(HttpRequest request)
    {
        if (!request.Path.StartsWithSegments("/api"))
        {
            return null;
        }
        foreach (var (matcher, methods, accepts) in _endpoints.Value)
        {
            if (methods.Contains(request.Method, StringComparer.OrdinalIgnoreCase) && matcher.TryMatch(request.Path, new RouteValueDictionary()))
            {
                return accepts;
            }
        }
        return null;
    }
}
