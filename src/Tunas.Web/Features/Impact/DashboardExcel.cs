using Microsoft.Extensions.Localization;
using SpreadCheetah;
using Tunas.Web.Features.Shared.Exports;

namespace Tunas.Web.Features.Impact;

/// <summary>The dashboard as an .xlsx for officers: aggregates only, numbers as numbers, rupiah as rupiah, the date as a date.</summary>
public static class DashboardExcel
{
    public static async Task WriteAsync(Stream body, Dashboard d, IStringLocalizer L, CancellationToken ct)
    {
        await using var book = await SheetWriter.CreateAsync(body, ct);
        await book.StartSheetAsync(L["Impact"], [new(L["Stage"], 60), new(L["Value"], 18), new(L["Rests on (people)"], 18)], ct);
        await book.AddRowAsync([SheetWriter.Text(L["Figures as of"]), book.Date(d.AsOf)], ct);
        foreach (var (label, value) in DashboardLabels.Funnel(d, L))
        {
            await book.AddRowAsync([SheetWriter.Text(label), SheetWriter.Number(value)], ct);
        }
        foreach (var (label, value, n) in DashboardLabels.Outcomes(d, L))
        {
            await book.AddRowAsync([SheetWriter.Text(label), new Cell((double?)value), SheetWriter.Number(n)], ct);
        }
        foreach (var (label, value) in DashboardLabels.Money(d, L))
        {
            await book.AddRowAsync([SheetWriter.Text(label), book.Rupiah(value)], ct);
        }

        await book.StartSheetAsync(L["Decile"], [new(L["Decile"], 20), new(L["Participants"], 14), new(L["Eligible population"], 22)], ct);
        foreach (var row in d.Reach.Desil)
        {
            await book.AddRowAsync([SheetWriter.Text(row.Desil is { } x ? L["Desil {0}", x] : L["desil unknown"]),
                SheetWriter.Number(row.Participants), SheetWriter.Number(row.Eligible)], ct);
        }

        await book.StartSheetAsync(L["Kelurahan"], [new(L["Kelurahan"], 30), new(L["Applied"], 14), new(L["Started training"], 16)], ct);
        foreach (var v in d.Reach.Villages)
        {
            await book.AddRowAsync([SheetWriter.Text(v.Name), SheetWriter.Number(v.Applied), SheetWriter.Number(v.Started)], ct);
        }

        await book.StartSheetAsync(L["Comparison group"],
            [new(L["Outcome"], 36), new(L["Participants"], 16), new("n", 8), new(L["Comparison group"], 18), new("n", 8), new(L["Difference"], 16),
                new(L["95% interval"], 16), new(L["95% interval"], 16)], ct);
        foreach (var r in d.Comparison.Rows)
        {
            await book.AddRowAsync([SheetWriter.Text(DashboardLabels.Outcome(r.Outcome, L)), new Cell(r.Participants), SheetWriter.Number(r.ParticipantsN),
                new Cell(r.ComparisonValue), SheetWriter.Number(r.ComparisonN), new Cell(r.Difference), new Cell(r.Low), new Cell(r.High)], ct);
        }
        foreach (var w in d.Comparison.Warnings)
        {
            await book.AddRowAsync([SheetWriter.Text(w.Text)], ct);
        }
        await book.FinishAsync(ct);
    }
}
