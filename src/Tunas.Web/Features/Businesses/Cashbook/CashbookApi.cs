using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared.Exports;
using Tunas.Web.Features.Training;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Businesses.Cashbook;

public sealed record EntryCreated(long Id);

public sealed record SharingBody(bool? ShareMonthlyTotals);

public sealed record SharingRead(bool ShareMonthlyTotals);

public sealed record StaffMonthlyTotals(bool ShareMonthlyTotals, IReadOnlyList<MonthlyTotal> Months);

/// <summary>
/// The participant's own cashbook under <c>/api/v1/me/cashbook</c> (the Participant role only; her placement from the
/// sign-in), and the consented monthly totals for officers.
/// </summary>
public static class CashbookApi
{
    public static IEndpointRouteBuilder MapCashbookApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/v1/me").WithTags("Cashbook").RequireAuthorization(CashbookPolicies.Own);
        me.MapPost("/cashbook/entries", AddAsync).WithSummary("Records a sale, an expense or a payment on a debt; the same clientId again answers 200 with the same id.");
        me.MapGet("/cashbook/entries", ListAsync).WithSummary("The month's entries (month=yyyy-MM, this month by default).");
        me.MapPut("/cashbook/entries/{clientId}", UpdateAsync).WithSummary("Changes an entry.");
        me.MapDelete("/cashbook/entries/{clientId}", DeleteAsync).WithSummary("Deletes an entry.");
        me.MapPost("/cashbook/sync", SyncAsync)
            .WithSummary("Stores a phone's queue [up to 500 entries, each with clientId, updatedAt and an optional deleted flag]; the latest change wins; one bad entry refuses the whole batch.");
        me.MapGet("/cashbook/summary", SummaryAsync).WithSummary("The month's sales, expenses, profit and receivables (month=yyyy-MM).");
        me.MapGet("/cashbook/debtors", DebtorsAsync).WithSummary("Who owes what: in all, due this week, overdue, with a WhatsApp reminder link.");
        me.MapGet("/cashbook/sharing", GetSharingAsync).WithSummary("Whether the monthly totals are shared with the Dinas.");
        me.MapPut("/cashbook/sharing", SetSharingAsync).WithSummary("Shares the monthly totals with the Dinas, or withdraws them (audited).");
        me.MapGet("/cashbook.xlsx", CashbookExport.ExportAsync).WithSummary("The whole cashbook as an Excel file.");

        app.MapGet("/api/v1/cohorts/{cohortId:int}/participants/{participantId:long}/monthly-totals", StaffTotalsAsync)
            .WithTags("Cashbook").RequireAuthorization(CashbookPolicies.Totals)
            .WithSummary("A participant's monthly totals (from, to = yyyy-MM), only if she shares them; never a single entry.");
        return app;
    }

    internal static async Task<Results<Created<EntryCreated>, Ok<EntryCreated>, NotFound, ValidationProblem>> AddAsync(
        EntryBody body, CashbookBook book, TimeProvider clock, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (!await book.OpenAsync(ct))
        {
            return TypedResults.NotFound();
        }
        var (values, errors) = CashbookRules.Check(body, clock.TodayInIndonesia());
        if (values is null)
        {
            return TypedResults.ValidationProblem(PersonsApi.Errors(errors, L));
        }
        var (id, created) = await book.AddAsync(values, ct);
        return created
            ? TypedResults.Created($"/api/v1/me/cashbook/entries/{Uri.EscapeDataString(values.ClientId)}", new EntryCreated(id))
            : TypedResults.Ok(new EntryCreated(id));
    }

    internal static async Task<Results<Ok<IReadOnlyList<EntryRead>>, NotFound, ValidationProblem>> ListAsync(
        string? month, CashbookBook book, TimeProvider clock, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (!await book.OpenAsync(ct))
        {
            return TypedResults.NotFound();
        }
        if (Month(month, clock) is not { } first)
        {
            return MonthProblem(L);
        }
        return TypedResults.Ok(await book.EntriesAsync(first, first.AddMonths(1).AddDays(-1), ct));
    }

    internal static async Task<Results<Ok, NotFound, ValidationProblem>> UpdateAsync(
        string clientId, EntryBody body, CashbookBook book, TimeProvider clock, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (!await book.OpenAsync(ct))
        {
            return TypedResults.NotFound();
        }
        var (values, errors) = CashbookRules.Check(body with { ClientId = clientId, Deleted = null }, clock.TodayInIndonesia());
        if (values is null)
        {
            return TypedResults.ValidationProblem(PersonsApi.Errors(errors, L));
        }
        return await book.UpdateAsync(values, ct) ? TypedResults.Ok() : TypedResults.NotFound();
    }

    internal static async Task<Results<NoContent, NotFound>> DeleteAsync(string clientId, CashbookBook book, CancellationToken ct) =>
        await book.OpenAsync(ct) && await book.DeleteAsync(clientId, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    internal static async Task<Results<Ok<SyncResult>, NotFound, ValidationProblem>> SyncAsync(
        JsonElement body, CashbookBook book, TimeProvider clock, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (!await book.OpenAsync(ct))
        {
            return TypedResults.NotFound();
        }
        // Read by hand, so that a batch of the wrong shape gets the same Indonesian sentence as an empty one.
        List<EntryBody?>? batch;
        try
        {
            batch = body.ValueKind == JsonValueKind.Array ? body.Deserialize<List<EntryBody?>>(JsonSerializerOptions.Web) : null;
        }
        catch (JsonException)
        {
            batch = null;
        }
        var (entries, errors) = CashbookRules.CheckBatch(batch, clock.TodayInIndonesia());
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(PersonsApi.Errors(errors, L));
        }
        return TypedResults.Ok(await book.SyncAsync(entries, ct));
    }

    internal static async Task<Results<Ok<CashbookSummary>, NotFound, ValidationProblem>> SummaryAsync(
        string? month, CashbookBook book, TimeProvider clock, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (!await book.OpenAsync(ct))
        {
            return TypedResults.NotFound();
        }
        return Month(month, clock) is { } first ? TypedResults.Ok(await book.SummaryAsync(first, ct)) : MonthProblem(L);
    }

    internal static async Task<Results<Ok<IReadOnlyList<Debtor>>, NotFound>> DebtorsAsync(CashbookBook book, CancellationToken ct) =>
        await book.OpenAsync(ct) ? TypedResults.Ok(await book.DebtorsAsync(ct)) : TypedResults.NotFound();

    internal static async Task<Results<Ok<SharingRead>, NotFound>> GetSharingAsync(CashbookBook book, CancellationToken ct) =>
        await book.OpenAsync(ct) ? TypedResults.Ok(new SharingRead(await book.SharingAsync(ct))) : TypedResults.NotFound();

    internal static async Task<Results<Ok<SharingRead>, NotFound, ValidationProblem>> SetSharingAsync(
        SharingBody body, CashbookBook book, AuditLog audit, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (!await book.OpenAsync(ct))
        {
            return TypedResults.NotFound();
        }
        if (body.ShareMonthlyTotals is not { } share)
        {
            return TypedResults.ValidationProblem(PersonsApi.Errors([CashbookRules.Issue("shareMonthlyTotals", "required", SharingRequiredMessage)], L));
        }
        await book.SetSharingAsync(share, audit, ct);
        return TypedResults.Ok(new SharingRead(share));
    }

    internal static async Task<Results<Ok<StaffMonthlyTotals>, NotFound, ValidationProblem>> StaffTotalsAsync(
        int cohortId, long participantId, string? from, string? to, CurrentUser me, TunasDb db, CashbookTotals totals, TimeProvider clock,
        IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var agency = me.AgencyId ?? 0;
        if (!await db.Set<CohortParticipant>().AnyAsync(p => p.Id == participantId && p.CohortId == cohortId && p.AgencyId == agency, ct))
        {
            return TypedResults.NotFound();
        }
        var (first, last) = Range(from, to, clock);
        if (first is not { } f || last is not { } l)
        {
            return MonthProblem(L);
        }
        var shares = await totals.SharesAsync(agency, participantId, ct);
        return TypedResults.Ok(new StaffMonthlyTotals(shares, shares ? await totals.MonthlyAsync(agency, [participantId], f, l, ct) : []));
    }

    public const string MonthInvalidMessage = "Fill in the month as yyyy-MM.";
    public const string SharingRequiredMessage = "Say whether the monthly totals are shared: true or false.";

    private static DateOnly? Month(string? month, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(month))
        {
            var today = clock.TodayInIndonesia();
            return new DateOnly(today.Year, today.Month, 1);
        }
        return CashbookRules.Month(month);
    }

    /// <summary>The months asked for (yyyy-MM): by default the twelve up to this one; both null when either is malformed or reversed.</summary>
    internal static (DateOnly? First, DateOnly? Last) Range(string? from, string? to, TimeProvider clock)
    {
        var today = clock.TodayInIndonesia();
        var last = string.IsNullOrWhiteSpace(to) ? new DateOnly(today.Year, today.Month, 1) : CashbookRules.Month(to);
        var first = string.IsNullOrWhiteSpace(from) ? last?.AddMonths(-11) : CashbookRules.Month(from);
        return first is { } f && last is { } l && f <= l ? (f, l) : (null, null);
    }

    internal static ValidationProblem MonthProblem(IStringLocalizer L) =>
        TypedResults.ValidationProblem(PersonsApi.Errors([CashbookRules.Issue("month", "invalid", MonthInvalidMessage)], L));

    internal static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
