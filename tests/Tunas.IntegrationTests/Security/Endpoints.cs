using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Tunas.IntegrationTests.Security;

/// <summary>One thing a client can ask for: a method on a route pattern, and for a page post its handler.</summary>
public sealed record EndpointKey(string Method, string Route)
{
    public override string ToString() => Method + " " + Route;
}

/// <summary>
/// Every endpoint the running app serves, read from its own <see cref="EndpointDataSource"/>: the minimal-API routes
/// with their methods, and every Razor page with the GET and POST handlers of its compiled model.
/// </summary>
public static class Endpoints
{
    public static async Task<IReadOnlyList<EndpointKey>> OfAsync(IServiceProvider services)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        var loader = services.GetRequiredService<PageLoader>();
        var keys = new List<EndpointKey>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                // Every page answers GET (a page without OnGet still renders); posts exist where a handler takes them.
                keys.Add(new EndpointKey("GET", route));
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                keys.AddRange(compiled.HandlerMethods
                    .Select(h => new EndpointKey(h.HttpMethod.ToUpperInvariant(), route + (string.IsNullOrEmpty(h.Name) ? "" : "?handler=" + h.Name))));
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"];
            keys.AddRange(methods.Select(m => new EndpointKey(m, route)));
        }
        return [.. keys.Distinct().OrderBy(k => k.Route, StringComparer.Ordinal).ThenBy(k => k.Method, StringComparer.Ordinal)];
    }
}

/// <summary>The endpoints the app serves without a row in the table, and the rows for endpoints it no longer serves.</summary>
public sealed record Coverage(IReadOnlyList<EndpointKey> WithoutRow, IReadOnlyList<EndpointKey> WithoutEndpoint)
{
    public static Coverage Of(IEnumerable<EndpointKey> served, IEnumerable<Expectation> rows)
    {
        var servedSet = served.ToHashSet();
        var rowSet = rows.Select(r => r.Key).ToHashSet();
        return new([.. servedSet.Except(rowSet)], [.. rowSet.Except(servedSet)]);
    }

    public bool Complete => WithoutRow.Count == 0 && WithoutEndpoint.Count == 0;

    public override string ToString() =>
        "Endpoints without a row in AccessTable: " + string.Join(", ", WithoutRow) + ". Rows without an endpoint: " + string.Join(", ", WithoutEndpoint) + ".";
}
