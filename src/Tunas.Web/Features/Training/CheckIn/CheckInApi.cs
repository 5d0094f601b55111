using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using QRCoder;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Training.CheckIn;

public sealed record CheckInBody(string? Token);

public sealed record CheckedIn(string Status, string Message, long? SessionId, DateOnly? Date, string? Title);

/// <summary>The rotating-QR self check-in: the participant's scan, the trainer's live list and the QR itself.</summary>
public static class CheckInApi
{
    /// <summary>Checking oneself in: participants only, never staff.</summary>
    public const string SelfCheckInPolicy = "SelfCheckIn";

    public static IServiceCollection AddCheckIn(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(SelfCheckInPolicy, p => p.RequireRole(Roles.Participant));
        services.AddSingleton<CheckInTokens>();
        services.AddScoped<SelfCheckIn>();
        services.AddScoped<CheckInBoard>();
        services.AddScoped<Sheets.AttendanceSheet>();
        services.AddScoped<AbsenceWatch>();
        return services;
    }

    public static IEndpointRouteBuilder MapCheckIn(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/check-in", CheckInAsync).WithTags("Training").RequireAuthorization(SelfCheckInPolicy)
            .WithSummary("The signed-in participant checks in with the token of the trainer's QR {token}: present at today's session, once.");
        var trainers = app.MapGroup("/api/v1/cohorts/{id:int}").WithTags("Training").RequireAuthorization(TrainingPolicies.Cohorts);
        trainers.MapGet("/sessions/{sessionId:long}/check-ins", LiveAsync)
            .WithSummary("Who has checked in with the QR at today's session and who has not (poll it every few seconds).");
        trainers.MapGet("/sessions/{sessionId:long}/check-in.svg", QrAsync).WithSummary("The check-in QR of the current 30-second window, as SVG.");
        trainers.MapGet("/attendance-sheet.pdf", Sheets.AttendanceSheet.GetAsync)
            .WithSummary("A4 landscape paper attendance sheet: names with masked NIK, one signature column per session.");
        return app;
    }

    internal static async Task<Results<Ok<CheckedIn>, ProblemHttpResult>> CheckInAsync(
        CheckInBody? body, SelfCheckIn checkIn, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var result = await checkIn.CheckInAsync(body?.Token, ct);
        var message = L[SelfCheckIn.Message(result.Outcome)].Value;
        if (result.Present)
        {
            var status = result.Outcome == CheckInOutcome.Marked ? "present" : "alreadyCheckedIn";
            return TypedResults.Ok(new CheckedIn(status, message, null, result.SessionDate, result.SessionTitle));
        }
        var code = result.Outcome switch
        {
            CheckInOutcome.Expired => StatusCodes.Status410Gone,
            CheckInOutcome.NotToday => StatusCodes.Status409Conflict,
            CheckInOutcome.OtherCohort => StatusCodes.Status403Forbidden,
            // A participant account with no placement: nothing to check in to (the role itself was let in).
            CheckInOutcome.NotParticipant => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status400BadRequest,
        };
        return TypedResults.Problem(statusCode: code, title: message);
    }

    internal static async Task<IResult> LiveAsync(int id, long sessionId, CheckInBoard board, HttpContext http, CancellationToken ct)
    {
        if (await board.LiveAsync(id, sessionId, ct) is not { } live)
        {
            return TypedResults.NotFound();
        }
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(live);
    }

    internal static async Task<IResult> QrAsync(int id, long sessionId, CheckInBoard board, CheckInTokens tokens, HttpContext http, CancellationToken ct)
    {
        if (await board.TodayAsync(id, ct) is not { } today || today.All(s => s.Id != sessionId))
        {
            return TypedResults.NotFound();
        }
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Content(Svg(LinkOf(http.Request, await tokens.IssueAsync(id, sessionId, ct: ct))), "image/svg+xml");
    }

    public static string LinkOf(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}/hadir/{token}";

    /// <summary>
    /// The QR of a link as SVG that scales to its box, with the standard quiet zone of four modules. The link is also
    /// on the drawing (<c>data-link</c>), so the screen's own tests and assistive tools read it without decoding the image.
    /// </summary>
    public static string Svg(string link)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(data);
        var drawing = svg.GetGraphic(8, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
        var at = drawing.IndexOf("<svg", StringComparison.Ordinal);
        return at < 0 ? drawing : drawing.Insert(at + 4, $" data-link=\"{System.Net.WebUtility.HtmlEncode(link)}\"");
    }
}
