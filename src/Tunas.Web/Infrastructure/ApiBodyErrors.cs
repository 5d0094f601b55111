using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Localization;

namespace Tunas.Web.Infrastructure;

/// <summary>
/// A body the API cannot read (malformed JSON, a value of the wrong kind, an empty body, a parameter that does not
/// parse) answers 400 with a problem whose <c>errors</c> name the field (its JSON path) and say what it must hold,
/// in the user's language. Minimal-API binding throws these (RouteHandlerOptions.ThrowOnBadRequest), this answers.
/// </summary>
public sealed partial class ApiBodyErrors(IStringLocalizer<SharedResource> L) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || !httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }
        using var culture = LocalizationSetup.RequestUiCulture(httpContext);
        var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        var accepts = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>();
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            await UnsupportedMediaType(L, accepts).ExecuteAsync(httpContext);
            return true;
        }
        var (field, message) = Describe(bad, httpContext.Request, accepts?.RequestType);
        var result = bad.StatusCode == StatusCodes.Status400BadRequest
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: L["The request could not be read."], detail: message)
            : (IResult)TypedResults.Problem(statusCode: bad.StatusCode, title: L["The request could not be read."]);
        await result.ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>415 for a body in a content type the endpoint does not take, naming the one it does.</summary>
    public static IResult UnsupportedMediaType(IStringLocalizer L, IAcceptsMetadata? accepts)
    {
        var types = accepts?.ContentTypes is { Count: > 0 } list ? string.Join(", ", list) : "application/json";
        return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: L["Send the request body as {0} (Content-Type header).", types]);
    }

    private (string Field, string Message) Describe(BadHttpRequestException bad, HttpRequest request, Type? bodyType)
    {
        if (bad.InnerException is JsonException json)
        {
            return DescribeJson(json, bodyType);
        }
        if (BindFailure().Match(bad.Message) is { Success: true } bind)
        {
            return (bind.Groups["name"].Value, L["The value of {0} is not valid.", bind.Groups["name"].Value]);
        }
        if (RequiredFailure().Match(bad.Message) is { Success: true } required && required.Groups["source"].Value != "body")
        {
            return (required.Groups["name"].Value, L["A value for {0} was not provided.", required.Groups["name"].Value]);
        }
        if (bodyType is not null)
        {
            var shape = MustBe(bodyType);
            return ("$", request.ContentLength is null or 0 ? L["The request body is empty."] + " " + shape : shape);
        }
        return ("$", L["The request is not valid."]);
    }

    private (string Field, string Message) DescribeJson(JsonException json, Type? bodyType)
    {
        var path = json.Path ?? "$";
        var field = path == "$" ? "$" : path.TrimStart('$').TrimStart('.');
        if (json.InnerException is JsonException)
        {
            // The text is not JSON at all (unterminated string, trailing comma): where it broke is the useful part.
            var line = (json.LineNumber ?? 0) + 1;
            var position = (json.BytePositionInLine ?? 0) + 1;
            return (field, field == "$"
                ? L["The request body is not valid JSON (line {0}, position {1}).", line, position]
                : L["The request body is not valid JSON near the field {0} (line {1}, position {2}).", field, line, position]);
        }
        if (field == "$")
        {
            return (field, bodyType is null ? L["The request is not valid."] : MustBe(bodyType));
        }
        return (field, JsonBodyPath.Resolve(bodyType, path) is { } type
            ? L["The field {0} must hold {1}.", field, Kind(type)]
            : L["The field {0} holds a value of the wrong kind.", field]);
    }

    private string MustBe(Type bodyType) =>
        JsonBodyPath.IsList(bodyType) ? L["The request body must be a JSON list ([...])."] : L["The request body must be a JSON object ({...})."];

    private string Kind(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return L["one of: {0}", string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName))];
        }
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32
                or TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Single or TypeCode.Double or TypeCode.Decimal => L["a number"],
            TypeCode.String or TypeCode.Char => L["text"],
            TypeCode.Boolean => L["true or false"],
            TypeCode.DateTime => L["a date and time (ISO 8601)"],
            _ when type == typeof(DateOnly) => L["a date (YYYY-MM-DD)"],
            _ when type == typeof(TimeOnly) => L["a time (HH:MM)"],
            _ when JsonBodyPath.IsList(type) => L["a list ([...])"],
            _ => L["an object ({...})"],
        };
    }

    // The framework's own wording for a route or query value that does not parse, and for one that is missing.
    [GeneratedRegex("^Failed to bind parameter \"(?<type>.+) (?<name>[^ \"]+)\" from \"")]
    private static partial Regex BindFailure();

    [GeneratedRegex("^Required parameter \"(?<type>.+) (?<name>[^ \"]+)\" was not provided from (?<source>[a-z ]+)\\.")]
    private static partial Regex RequiredFailure();
}
