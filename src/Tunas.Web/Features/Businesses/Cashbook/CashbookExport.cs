using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using SpreadCheetah;
using Tunas.Web.Features.Shared.Exports;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Businesses.Cashbook;

/// <summary>Her whole cashbook as an .xlsx: dates as date cells, amounts as numbers, one line per entry.</summary>
public static class CashbookExport
{
    internal static async Task<Results<StreamedFile, NotFound>> ExportAsync(
        CashbookBook book, TimeProvider clock, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (!await book.OpenAsync(ct))
        {
            return TypedResults.NotFound();
        }
        var entries = await book.EntriesAsync(DateOnly.MinValue, DateOnly.MaxValue, ct);
        return new StreamedFile(SheetWriter.ContentType, SheetWriter.FileName("buku-kas", clock.TodayInIndonesia(), "xlsx"),
            (body, token) => WriteAsync(body, entries, L, token));
    }

    public static async Task WriteAsync(Stream output, IEnumerable<EntryRead> entries, IStringLocalizer L, CancellationToken ct)
    {
        await using var book = await SheetWriter.CreateAsync(output, ct);
        await book.StartSheetAsync(L["Cashbook"], [
            new(L["Date"], 12), new(L["Kind"], 14), new(L["Item"], 28), new(L["Quantity"], 10), new(L["Amount (Rp)"], 16),
            new(L["Customer"], 22), new(L["Paid"], 8), new(L["Category"], 14), new(L["Due date"], 12)], ct);
        foreach (var e in entries)
        {
            await book.AddRowAsync([
                book.Date(e.OccurredOn), SheetWriter.Text(L[KindLabel(e.Kind)]), SheetWriter.Text(e.Item), SheetWriter.Number(e.Quantity),
                book.Rupiah(e.Amount), SheetWriter.Text(e.Customer), SheetWriter.Text(e.Kind == "sale" ? L[e.Paid ? "Yes" : "No"].Value : null),
                SheetWriter.Text(e.Category is { } c ? L[CategoryLabel(c)].Value : null), book.Date(e.DueOn)], ct);
        }
        await book.FinishAsync(ct);
    }

    public static string KindLabel(string kind) => kind switch
    {
        "sale" => "Sale",
        "expense" => "Expense",
        _ => "Debt payment",
    };

    public static string CategoryLabel(string category) => category switch
    {
        "materials" => "Materials",
        "equipment" => "Equipment",
        "transport" => "Transport",
        "wages" => "Wages",
        _ => "Other",
    };
}
