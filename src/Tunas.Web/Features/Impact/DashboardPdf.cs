using System.Globalization;
using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;
using Tunas.Web.Features.Shared.Documents;

namespace Tunas.Web.Features.Impact;

/// <summary>
/// The report for the mayor: the funnel and the money as bar charts drawn on the server (PDFsharp's own drawing, the
/// fonts inside the app), every chart with its numbers, the outcomes and the comparison with its warnings.
/// </summary>
public static class DashboardPdf
{
    private static readonly XColor Green = XColor.FromArgb(25, 135, 84);

    public static byte[] Write(Dashboard d, string agencyName, IStringLocalizer L)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(L);
        var c = CultureInfo.GetCultureInfo("id-ID");
        string N(long? v) => v is { } x ? x.ToString("N0", c) : "–";
        string Rp(long? v) => v is { } x ? (x < 0 ? "−Rp" : "Rp") + Math.Abs(x).ToString("N0", c) : "–";
        using var pdf = new PdfWriter(L["Impact of the training"]);
        pdf.Title(L["Impact of the training"]);
        pdf.Centered(agencyName);
        pdf.Centered(L["Figures as of {0}, counted from the records at this moment.", d.AsOf.ToString("d MMMM yyyy", c)]);

        pdf.Heading(L["From the registry to jobs"]);
        var funnel = DashboardLabels.Funnel(d, L).ToList();
        Bars(pdf, [.. funnel.Select(f => (f.Label, (double)(f.Value ?? 0), N(f.Value)))]);

        pdf.Heading(L["Who was reached"]);
        var r = d.Reach;
        string Pct(double? v) => v is { } x ? x.ToString("P0", c) : "–";
        double[] widths = [pdf.Width * 0.6, pdf.Width * 0.2, pdf.Width * 0.2];
        pdf.Row([L["Participants"], L["People"], L["Share"]], widths, header: true);
        pdf.Row([L["Women"], N(r.Women.Count), Pct(r.Women.Ratio)], widths);
        pdf.Row([L["Youth ({0}-{1} years)", r.YouthMinAge, r.YouthMaxAge], N(r.Youth.Count), Pct(r.Youth.Ratio)], widths);
        pdf.Row([L["People with disabilities"], N(r.Disability.Count), Pct(r.Disability.Ratio)], widths);
        pdf.Paragraph(L["The darker the row, the more applicants. Kelurahan without any applicant: {0}.", N(r.VillagesWithoutApplicant.Count)]);

        pdf.Heading(L["What the training left behind"]);
        double[] three = [pdf.Width * 0.6, pdf.Width * 0.22, pdf.Width * 0.18];
        pdf.Row([L["Outcome"], L["Value"], L["Rests on (people)"]], three, header: true);
        foreach (var (label, value, n) in DashboardLabels.Outcomes(d, L))
        {
            pdf.Row([label, n is null ? N(value) : Rp(value), n is { } k ? N(k) : ""], three);
        }

        pdf.Heading(L["Money"]);
        var money = DashboardLabels.Money(d, L).ToList();
        Bars(pdf, [.. money.Take(4).Select(m => (m.Label, (double)(m.Value ?? 0), Rp(m.Value)))]);
        foreach (var (label, value) in money.Skip(4))
        {
            pdf.Row([label, Rp(value)], [pdf.Width * 0.6, pdf.Width * 0.4]);
        }

        pdf.Heading(L["Compared with applicants who were not trained"]);
        pdf.Paragraph(L["The comparison group are eligible applicants of the same program who were waitlisted or not selected and answered the same follow-up questions. They were not chosen at random: a difference is a hint, not proof that the training caused it (decision 0028)."]);
        foreach (var w in d.Comparison.Warnings)
        {
            pdf.Paragraph("⚠ " + w.Text, bold: true);
        }
        double[] five = [pdf.Width * 0.3, pdf.Width * 0.17, pdf.Width * 0.17, pdf.Width * 0.14, pdf.Width * 0.22];
        pdf.Row([L["Outcome"], L["Participants"], L["Comparison group"], L["Difference"], L["95% interval"]], five, header: true);
        foreach (var row in d.Comparison.Rows)
        {
            string V(double? v) => v is not { } x ? "–" : row.Kind == "share" ? (x * 100).ToString("0", c) + "%" : Rp((long)Math.Round(x));
            string D(double? v) => v is not { } x ? "–" : row.Kind == "share" ? (x * 100).ToString("+0;−0;0", c) + " pp" : Rp((long)Math.Round(x));
            pdf.Row([DashboardLabels.Outcome(row.Outcome, L), V(row.Participants) + " (n=" + N(row.ParticipantsN) + ")",
                V(row.ComparisonValue) + " (n=" + N(row.ComparisonN) + ")", D(row.Difference), row.Low is null ? "–" : D(row.Low) + " … " + D(row.High)], five);
        }
        return pdf.ToBytes((page, pages) => L["Page {0} of {1}", page, pages]);
    }

    /// <summary>A horizontal bar per line, scaled to the largest, with its label at the left and its number at the right.</summary>
    private static void Bars(PdfWriter pdf, IReadOnlyList<(string Label, double Value, string Text)> bars)
    {
        const double line = 16;
        var font = new XFont(DejaVuFonts.Family, 8, XFontStyleEx.Regular);
        var max = bars.Select(b => b.Value).DefaultIfEmpty(0).Max();
        pdf.Block((bars.Count * line) + 4, (g, _, area) =>
        {
            var labelWidth = area.Width * 0.42;
            var textWidth = area.Width * 0.18;
            var barWidth = area.Width - labelWidth - textWidth - 8;
            var brush = new XSolidBrush(Green);
            for (var i = 0; i < bars.Count; i++)
            {
                var y = area.Y + (i * line);
                g.DrawString(bars[i].Label, font, XBrushes.Black, new XRect(area.X, y, labelWidth - 4, line), XStringFormats.CenterLeft);
                var w = max <= 0 ? 0 : barWidth * Math.Max(0, bars[i].Value) / max;
                g.DrawRectangle(brush, area.X + labelWidth, y + 3, w, line - 6);
                g.DrawString(bars[i].Text, font, XBrushes.Black, new XRect(area.X + labelWidth + barWidth + 8, y, textWidth, line), XStringFormats.CenterRight);
            }
        });
    }
}
