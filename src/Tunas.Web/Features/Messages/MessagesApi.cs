using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Shared.Messaging;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Messages;

/// <summary>The outbox for staff: the list (with wa.me links for click-to-chat), marking sent, retrying.</summary>
public static class MessagesApi
{
    public const int PageSize = 50;

    public static IEndpointRouteBuilder MapMessagesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/messages").WithTags("Messages").RequireAuthorization(Policies.Messages);

        api.MapGet("/", ListAsync)
            .WithSummary("Messages to residents, pending first; a kelurahan operator sees those of their own kelurahan.");
        api.MapGet("/{id:long}", GetAsync);
        api.MapGet("/{id:long}/open", OpenAsync)
            .WithSummary("Opens a WhatsApp click-to-chat message: records that it was opened, then redirects to wa.me.");
        api.MapGet("/progress", ProgressAsync)
            .WithSummary("How far the system's own sending (e-mail, gateway) got: sent of total, failed, unknown, waiting.");
        api.MapPost("/{id:long}/sent", MarkSentAsync)
            .WithSummary("A WhatsApp click-to-chat message was sent by hand: stores when and by whom.");
        api.MapPost("/{id:long}/retry", RetryAsync)
            .WithSummary("A message that failed goes back into the queue with a fresh count of attempts.");
        return app;
    }

    internal static async Task<Results<Ok<MessagePage>, ValidationProblem>> ListAsync(
        string? status, string? kind, string? channel, int? programId, int? page, int? pageSize,
        MessageBoard board, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = new MessageFilter(
            Parse<MessageStatus>(status, "status", errors, L),
            Parse<MessageKind>(kind, "kind", errors, L),
            programId,
            Parse<MessageChannel>(channel, "channel", errors, L));
        if (page is < 1)
        {
            errors["page"] = [L["The page number starts at 1."]];
        }
        if (pageSize is < 1 or > MessageBoard.MaxPageSize)
        {
            errors["pageSize"] = [L["A page holds 1 to {0} messages.", MessageBoard.MaxPageSize]];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.Ok(await board.ListAsync(filter, page ?? 1, pageSize ?? PageSize, ct));
    }

    internal static async Task<Results<Ok<MessageRow>, NotFound>> GetAsync(long id, MessageBoard board, CancellationToken ct) =>
        await board.FindAsync(id, ct) is { } row ? TypedResults.Ok(row) : TypedResults.NotFound();

    internal static async Task<Results<RedirectHttpResult, NotFound>> OpenAsync(long id, MessageBoard board, CancellationToken ct) =>
        await board.OpenAsync(id, ct) is { } link ? TypedResults.Redirect(link) : TypedResults.NotFound();

    internal static async Task<Ok<MessageProgress>> ProgressAsync(int? programId, MessageBoard board, CancellationToken ct) =>
        TypedResults.Ok(await board.ProgressAsync(programId, ct));

    internal static async Task<Results<Ok<MessageRow>, NotFound, ProblemHttpResult>> MarkSentAsync(
        long id, MessageBoard board, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        await board.MarkSentAsync(id, ct) switch
        {
            MessageChange.Done => TypedResults.Ok((await board.FindAsync(id, ct))!),
            MessageChange.NotFound => TypedResults.NotFound(),
            _ => Conflict(L["Only a WhatsApp link message can be marked as sent by hand; e-mail and gateway messages are sent by the system."]),
        };

    internal static async Task<Results<Ok<MessageRow>, NotFound, ProblemHttpResult>> RetryAsync(
        long id, MessageBoard board, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        await board.RetryAsync(id, ct) switch
        {
            MessageChange.Done => TypedResults.Ok((await board.FindAsync(id, ct))!),
            MessageChange.NotFound => TypedResults.NotFound(),
            _ => Conflict(L["Only a message that failed can be sent again."]),
        };

    /// <summary>An enum value by its name in any letter case (as the API writes it: <c>whatsAppLink</c>), or an error.</summary>
    public static T? Parse<T>(string? text, string field, Dictionary<string, string[]> errors, IStringLocalizer L) where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var name = Enum.GetNames<T>().FirstOrDefault(n => n.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            errors[field] = [L["'{0}' is not one of: {1}.", text, string.Join(", ", Enum.GetNames<T>().Select(Camel))]];
            return null;
        }
        return Enum.Parse<T>(name);
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static ProblemHttpResult Conflict(string title) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title);
}
