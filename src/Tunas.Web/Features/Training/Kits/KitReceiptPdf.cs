using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Shared.Documents;
using Tunas.Web.Features.Training.Allowances;

namespace Tunas.Web.Features.Training.Kits;

/// <summary>The printable receipt of one kit hand-over: who received what from whom on which day, with the masked NIK.</summary>
public sealed class KitReceiptPdf(TunasDb db, IStringLocalizer<SharedResource> L)
{
    public async Task<byte[]> CreateAsync(KitHandoverRead h, CohortRead cohort, int agencyId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(cohort);
        var id = CultureInfo.GetCultureInfo("id-ID");
        var agency = await db.Agencies.AsNoTracking().FirstAsync(a => a.Id == agencyId, ct);
        using var pdf = new PdfWriter(L["Starter kit receipt"]);
        pdf.Centered(agency.Name.ToUpper(id), bold: true);
        pdf.Space(8);
        pdf.Title(L["Starter kit receipt"].Value.ToUpper(id));
        pdf.Field(L["Program"], cohort.ProgramName);
        pdf.Field(L["Cohort"], $"{cohort.Name} · {cohort.TrackName}");
        pdf.Field(L["Provider"], cohort.ProviderName);
        pdf.Field(L["Received by"], $"{h.FullName} ({h.RegistrationNumber})");
        pdf.Field(L["NIK"], h.MaskedNik);
        pdf.Field(L["Date"], h.HandedOverOn.ToString("d MMMM yyyy", id));
        pdf.Field(L["Handed over by"], h.HandedOverBy);
        pdf.Field(L["Proof"], h.Proof == "photo" ? L["Photo of the hand-over"] : L["Signature drawn on the phone"]);
        if (h.VoidedAt is not null)
        {
            pdf.Paragraph(L["Voided: {0}", h.VoidReason ?? ""], bold: true);
        }
        pdf.Space(6);
        double[] widths = [25, 230, 50, 90, 100];
        pdf.Row([L["No."], L["Item"], L["Qty"], L["Per unit"], L["Value"]], widths, header: true);
        var n = 0;
        foreach (var item in h.Items)
        {
            pdf.Row([(++n).ToString(CultureInfo.InvariantCulture), item.Name, item.Quantity.ToString(CultureInfo.InvariantCulture),
                AllowanceSheetPdf.Money(item.UnitValue), AllowanceSheetPdf.Money(item.Value)], widths);
        }
        pdf.Space(4);
        pdf.Paragraph(L["Total value: {0}", AllowanceSheetPdf.Money(h.Value)], bold: true);
        pdf.Space(16);
        pdf.Signature([h.HandedOverOn.ToString("d MMMM yyyy", id), L["Received by,"]], [h.FullName, ""]);
        return pdf.ToBytes((page, pages) => L["Page {0} of {1}", page, pages]);
    }
}
