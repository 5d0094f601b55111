using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Tunas.Web.Infrastructure;

/// <summary>
/// A 200 with JSON serialised beforehand (answers that are the same for every caller, kept in memory), described
/// in the OpenAPI document as <typeparamref name="T"/> like <c>Ok&lt;T&gt;</c>.
/// </summary>
public sealed class JsonBytes<T>(byte[] utf8) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    private const string Json = "application/json; charset=utf-8";

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => Json;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = Json;
        response.ContentLength = utf8.Length;
        return response.Body.WriteAsync(utf8, 0, utf8.Length, httpContext.RequestAborted);
    }

    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}
