using Microsoft.Net.Http.Headers;

namespace Tunas.Web.Features.Shared.Exports;

/// <summary>
/// A download written straight onto the response as it is produced (an .xlsx row by row, a PDF), never held whole in
/// memory. Never cached: exports carry personal data. The status is sent with the first bytes, so whatever can refuse
/// (not found, not allowed) is decided before this result is returned.
/// </summary>
public sealed class StreamedFile(string contentType, string fileName, Func<Stream, CancellationToken, Task> write) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.ContentType = contentType;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.CacheControl = "no-store";
        await using var body = new DeferredWriteStream(response.Body);
        await write(body, httpContext.RequestAborted);
        await body.FlushAsync(httpContext.RequestAborted);
    }
}
