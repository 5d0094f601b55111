using System.Globalization;
using Microsoft.Extensions.Localization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Tunas.Web.Features.Shared.Documents;

namespace Tunas.Web.Features.Training.Sheets;

/// <summary>
/// The paper attendance sheet for a site without phones: A4 landscape, one row per participant (name and masked NIK),
/// one signature column per session with its date as the header. Sessions that do not fit go on further pages, as do
/// participants; the marks are typed in afterwards on the attendance page of each session.
/// </summary>
public sealed class AttendanceSheet(CohortReader reader, IStringLocalizer<SharedResource> L)
{
    private const double Margin = 28;
    private const double NumberWidth = 24;
    private const double NameWidth = 170;
    private const double NikWidth = 104;
    private const double SessionWidth = 62;
    private const double HeaderHeight = 34;
    private const double RowHeight = 24;

    internal static async Task<IResult> GetAsync(int id, AttendanceSheet sheet, CancellationToken ct) =>
        await sheet.WriteAsync(id, ct) is { } pdf
            ? TypedResults.File(pdf, "application/pdf", string.Create(CultureInfo.InvariantCulture, $"daftar-hadir-{id}.pdf"))
            : TypedResults.NotFound();

    /// <summary>The PDF, or null when the cohort is not the user's to see.</summary>
    public async Task<byte[]?> WriteAsync(int cohortId, CancellationToken ct = default)
    {
        if (await reader.ReadAsync(cohortId, ct) is not { } cohort)
        {
            return null;
        }
        DejaVuFonts.Register();
        using var document = new PdfDocument();
        document.Info.Title = L["Attendance sheet"] + " " + cohort.Name;
        document.Info.Creator = "Tunas";
        var regular = new XFont(DejaVuFonts.Family, 9, XFontStyleEx.Regular);
        var bold = new XFont(DejaVuFonts.Family, 9, XFontStyleEx.Bold);
        var title = new XFont(DejaVuFonts.Family, 12, XFontStyleEx.Bold);
        var people = cohort.Participants.Where(p => p.Status == "placed").ToList();
        var pageWidth = XUnit.FromMillimeter(297).Point;
        var pageHeight = XUnit.FromMillimeter(210).Point;
        var perPage = Math.Max(1, (int)((pageWidth - (2 * Margin) - NumberWidth - NameWidth - NikWidth) / SessionWidth));
        var rowsPerPage = Math.Max(1, (int)((pageHeight - (2 * Margin) - 60 - HeaderHeight) / RowHeight));
        var sessionChunks = cohort.Sessions.Chunk(perPage).ToList();
        if (sessionChunks.Count == 0)
        {
            sessionChunks.Add([]);
        }
        var peopleChunks = people.Chunk(rowsPerPage).ToList();
        if (peopleChunks.Count == 0)
        {
            peopleChunks.Add([]);
        }
        var pages = sessionChunks.Count * peopleChunks.Count;
        var number = 0;
        foreach (var sessions in sessionChunks)
        {
            var first = 0;
            foreach (var rows in peopleChunks)
            {
                number++;
                var page = document.AddPage();
                page.Size = PageSize.A4;
                page.Orientation = PageOrientation.Landscape;
                using var g = XGraphics.FromPdfPage(page);
                var width = page.Width.Point - (2 * Margin);
                var y = Margin;
                g.DrawString(L["Attendance sheet"] + " · " + cohort.Name, title, XBrushes.Black, new XRect(Margin, y, width, 16), XStringFormats.TopLeft);
                y += 18;
                g.DrawString($"{cohort.ProgramName} · {cohort.TrackName} · {cohort.ProviderName} · {cohort.Place}", regular, XBrushes.Black,
                    new XRect(Margin, y, width, 12), XStringFormats.TopLeft);
                y += 14;
                g.DrawString(L["Sign in the column of the day. Page {0} of {1}.", number, pages], regular, XBrushes.Black,
                    new XRect(Margin, y, width, 12), XStringFormats.TopLeft);
                y += 20;
                var x = Margin;
                Cell(g, bold, "No", x, y, NumberWidth, HeaderHeight);
                Cell(g, bold, L["Name"], x += NumberWidth, y, NameWidth, HeaderHeight);
                Cell(g, bold, "NIK", x += NameWidth, y, NikWidth, HeaderHeight);
                x += NikWidth;
                foreach (var s in sessions)
                {
                    Cell(g, bold, s.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), x, y, SessionWidth, HeaderHeight);
                    x += SessionWidth;
                }
                y += HeaderHeight;
                foreach (var p in rows)
                {
                    first++;
                    x = Margin;
                    Cell(g, regular, first.ToString(CultureInfo.InvariantCulture), x, y, NumberWidth, RowHeight);
                    Cell(g, regular, p.FullName, x += NumberWidth, y, NameWidth, RowHeight, left: true);
                    Cell(g, regular, p.MaskedNik, x += NameWidth, y, NikWidth, RowHeight);
                    x += NikWidth;
                    foreach (var _ in sessions)
                    {
                        Cell(g, regular, "", x, y, SessionWidth, RowHeight);
                        x += SessionWidth;
                    }
                    y += RowHeight;
                }
            }
        }
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static void Cell(XGraphics g, XFont font, string text, double x, double y, double w, double h, bool left = false)
    {
        g.DrawRectangle(XPens.Black, x, y, w, h);
        var fitted = text;
        while (fitted.Length > 1 && g.MeasureString(fitted, font).Width > w - 6)
        {
            fitted = fitted[..^1];
        }
        g.DrawString(fitted, font, XBrushes.Black, new XRect(x + 3, y, w - 6, h), left ? XStringFormats.CenterLeft : XStringFormats.Center);
    }
}
