using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Shared.Documents;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Training.Allowances;

/// <summary>
/// The printable payout list (SPJ) of a cohort's transport allowance: one row per participant with the masked NIK only,
/// a signature place each, the total in figures, and the "Mengetahui" block of the agency's signatory.
/// </summary>
public sealed class AllowanceSheetPdf(TunasDb db, TimeProvider clock, IStringLocalizer<SharedResource> L)
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public async Task<byte[]> CreateAsync(AllowanceSheet sheet, int agencyId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var agency = await db.Agencies.AsNoTracking().FirstAsync(a => a.Id == agencyId, ct);
        using var pdf = new PdfWriter(L["Transport allowance payout list"]);
        pdf.Centered(agency.Name.ToUpper(Indonesian), bold: true);
        if (agency.Address is { } address)
        {
            pdf.Centered(address);
        }
        pdf.Space(8);
        pdf.Title(L["Transport allowance payout list"].Value.ToUpper(Indonesian));
        pdf.Field(L["Program"], sheet.ProgramName);
        pdf.Field(L["Cohort"], $"{sheet.CohortName} · {sheet.TrackName}");
        pdf.Field(L["Provider"], $"{sheet.ProviderName}, {sheet.Place}");
        pdf.Field(L["Dates"], $"{Written(sheet.StartsOn)} – {Written(sheet.EndsOn)}");
        pdf.Field(L["Amount per attended day"], Money(sheet.PerDay));
        pdf.Space(6);

        double[] widths = [22, 128, 92, 32, 62, 70, 89];
        pdf.Row([L["No."], L["Name"], L["NIK"], L["Days"], L["Per day"], L["Amount"], L["Signature"]], widths, header: true);
        foreach (var r in sheet.Rows)
        {
            // Signatures alternate left and right, as on a paper SPJ, so neighbours do not write over each other.
            var number = r.Number.ToString(CultureInfo.InvariantCulture);
            var sign = r.Number % 2 == 1 ? number + ". ........" : "        " + number + ". ........";
            pdf.Row([number, r.FullName, r.MaskedNik, r.Days.ToString(CultureInfo.InvariantCulture), Money(r.PerDay), Money(r.Amount), sign], widths);
            pdf.Space(9);
        }
        pdf.Space(4);
        pdf.Paragraph(L["Total: {0} attended days, {1}", sheet.TotalDays, Money(sheet.Total)], bold: true);
        if (sheet.Paid is { } paid)
        {
            pdf.Paragraph(L["Paid on {0}: {1}", Written(paid.PaidOn), Money(paid.Amount)]);
        }
        pdf.Space(16);
        var today = Written(clock.TodayInIndonesia());
        pdf.Signature(
            [today, L["Acknowledged by,"], agency.SignatoryTitle ?? agency.HeadTitle ?? ""],
            [agency.SignatoryName ?? agency.HeadName ?? "(.................................)",
                agency.SignatoryEmployeeNumber is { Length: > 0 } nip ? "NIP " + nip : ""]);
        return pdf.ToBytes((page, pages) => L["Page {0} of {1}", page, pages]);
    }

    /// <summary>Rupiah written the Indonesian way whatever the reader's language: <c>Rp 150.000</c>.</summary>
    public static string Money(long amount) => Rupiah.Format(amount, Indonesian);

    private static string Written(DateOnly date) => date.ToString("d MMMM yyyy", Indonesian);
}
