using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Registry;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Businesses.Catalogue;

public sealed record BulkOrderBody(string? Office, string? Category, int? Quantity, string? NeededOn, string? Description, decimal? Budget)
{
    public BulkOrderInput ToInput() => new() { Office = Office, Category = Category, Quantity = Quantity, NeededOn = NeededOn, Description = Description, Budget = Budget };
}

public sealed record AnswerBody(bool? Accept);

public sealed record MyOffer(BulkOfferRead Offer, string Office, string Category, int Quantity, DateOnly NeededOn, string Description, long Budget);

/// <summary>
/// Bulk orders: officers enter them for a city office and follow who took them (<c>/api/v1/bulk-orders</c>), and answer
/// an offer for an owner after a phone call; an owner answers her own offers (<c>/api/v1/me/bulk-offers</c>); the
/// monthly city spending that reached graduates' businesses.
/// </summary>
public static class BulkOrdersApi
{
    public static IEndpointRouteBuilder MapBulkOrdersApi(this IEndpointRouteBuilder app)
    {
        var officers = app.MapGroup("/api/v1/bulk-orders").WithTags("Catalogue").RequireAuthorization(CataloguePolicies.Curate);
        officers.MapGet("/", ListAsync).WithSummary("The agency's bulk orders (latest 100) with their offers and who took them.");
        officers.MapPost("/", CreateAsync).WithSummary("Enters a bulk order {office, category, quantity, neededOn, description, budget} and offers it to the first business in turn.");
        officers.MapGet("/{id:long}", GetAsync).WithSummary("A bulk order with its offers.");
        officers.MapPost("/{id:long}/offers/{offerId:long}/answer", AnswerForOwnerAsync).WithSummary("Answers an offer {accept} for the owner after a phone call (audited).");
        app.MapGet("/api/v1/catalogue/spending", SpendingAsync).WithTags("Catalogue").RequireAuthorization(CataloguePolicies.Curate)
            .WithSummary("City spending that reached graduates' businesses per month (from, to = yyyy-MM; the last 12 months by default).");
        var own = app.MapGroup("/api/v1/me/bulk-offers").WithTags("Catalogue").RequireAuthorization(CataloguePolicies.Own);
        own.MapGet("/", MyOffersAsync).WithSummary("The open bulk-order offers to the signed-in owner's businesses.");
        own.MapPost("/{offerId:long}/answer", AnswerOwnAsync).WithSummary("Accepts or declines an offer {accept}.");
        return app;
    }

    internal static async Task<Ok<IReadOnlyList<BulkOrderRead>>> ListAsync(BulkOrderDesk desk, CurrentUser me, CancellationToken ct) =>
        TypedResults.Ok(await desk.ListAsync(me.AgencyId ?? 0, null, ct));

    internal static async Task<Results<Ok<BulkOrderRead>, NotFound>> GetAsync(long id, BulkOrderDesk desk, CurrentUser me, CancellationToken ct) =>
        (await desk.ListAsync(me.AgencyId ?? 0, id, ct)) is [var order] ? TypedResults.Ok(order) : TypedResults.NotFound();

    internal static async Task<Results<Created<Created>, ValidationProblem>> CreateAsync(
        BulkOrderBody body, BulkOrderDesk desk, BusinessCategories categories, CurrentUser me, TimeProvider clock, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var (values, errors) = BulkOrderRules.Check(body.ToInput(), await categories.ActiveAsync(ct), clock.TodayInIndonesia());
        if (values is null)
        {
            return TypedResults.ValidationProblem(PersonsApi.Errors(errors, L));
        }
        var id = await desk.CreateAsync(me.AgencyId ?? 0, values, me.Id, ct);
        return TypedResults.Created($"/api/v1/bulk-orders/{id}", new Created(id));
    }

    internal static async Task<Results<Ok<BulkOrderRead>, NotFound, ValidationProblem>> AnswerForOwnerAsync(
        long id, long offerId, AnswerBody body, BulkOrderDesk desk, CurrentUser me, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var agency = me.AgencyId ?? 0;
        await desk.SettleAsync(agency, ct);
        if (await desk.OfferAsync(agency, offerId, ct) is not { } offer || offer.BulkOrderId != id)
        {
            return TypedResults.NotFound();
        }
        if (Answered(body, L) is { } problem)
        {
            return problem;
        }
        if (!await desk.AnswerAsync(offer, body.Accept!.Value, onBehalf: true, ct))
        {
            return Closed(L);
        }
        return TypedResults.Ok((await desk.ListAsync(agency, id, ct)).Single());
    }

    internal static async Task<Ok<IReadOnlyList<MyOffer>>> MyOffersAsync(BulkOrderDesk desk, ProductBook book, CurrentUser me, CancellationToken ct)
    {
        var own = await book.OwnBusinessIdsAsync(ct);
        var open = own.Count == 0 ? [] : await desk.OpenOffersAsync(me.AgencyId ?? 0, own, ct);
        return TypedResults.Ok<IReadOnlyList<MyOffer>>([.. open.Select(o => new MyOffer(o.Offer, o.Order.Office, o.Order.Category, o.Order.Quantity, o.Order.NeededOn, o.Order.Description, o.Order.Budget))]);
    }

    internal static async Task<Results<Ok, NotFound, ValidationProblem>> AnswerOwnAsync(
        long offerId, AnswerBody body, BulkOrderDesk desk, ProductBook book, CurrentUser me, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var agency = me.AgencyId ?? 0;
        var own = await book.OwnBusinessIdsAsync(ct);
        await desk.SettleAsync(agency, ct);
        if (await desk.OfferAsync(agency, offerId, ct) is not { } offer || !own.Contains(offer.BusinessId))
        {
            return TypedResults.NotFound();
        }
        if (Answered(body, L) is { } problem)
        {
            return problem;
        }
        return await desk.AnswerAsync(offer, body.Accept!.Value, onBehalf: false, ct) ? TypedResults.Ok() : Closed(L);
    }

    internal static async Task<Results<Ok<IReadOnlyList<MonthlySpending>>, ValidationProblem>> SpendingAsync(
        string? from, string? to, CitySpending spending, CurrentUser me, TimeProvider clock, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var today = clock.TodayInIndonesia();
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var first = from is null ? thisMonth.AddMonths(-11) : Month(from);
        var last = to is null ? thisMonth : Month(to);
        if (first is null || last is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = [L["A month is written yyyy-MM."].Value] });
        }
        return TypedResults.Ok(await spending.MonthlyAsync(me.AgencyId ?? 0, first.Value, last.Value.AddMonths(1).AddDays(-1), ct));
    }

    private static DateOnly? Month(string text) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;

    private static ValidationProblem? Answered(AnswerBody body, IStringLocalizer L) => body.Accept is null
        ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["accept"] = [L["Say whether the business accepts (true) or declines (false)."].Value] })
        : null;

    private static ValidationProblem Closed(IStringLocalizer L) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["offer"] = [L[BulkOrderRules.AnswerClosedMessage].Value] });
}
