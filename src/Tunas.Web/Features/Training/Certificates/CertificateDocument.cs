using System.Globalization;
using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;
using Tunas.Web.Features.Shared;
using Tunas.Web.Features.Shared.Documents;
using Tunas.Web.Features.Shared.Messaging;

namespace Tunas.Web.Features.Training.Certificates;

/// <summary>What a certificate's page says besides the certificate itself: the cohort's modules and the agency's signatory.</summary>
public sealed record CertificateContext(IReadOnlyList<string> Modules, string AgencyName, string? SignatoryName, string? SignatoryTitle, string? SignatoryNumber);

/// <summary>
/// A certificate as an A4 PDF in the user's language (Indonesian first): holder, track, provider, dates, hours, modules,
/// the agency's signatory, and a QR code (3.7 cm with its quiet zone) that opens the public page <c>/verify/{code}</c>.
/// </summary>
public sealed class CertificateDocument(PublicAddress address, IStringLocalizer<SharedResource> L)
{
    /// <summary>The QR code with its quiet zone, in points (105 pt = 3.7 cm): at least 3 cm, as the issue asks.</summary>
    public const double QrSize = 105;

    public string VerifyUrl(string code) => address.Link("/verify/" + code);

    public static string FileName(Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return "sertifikat-" + certificate.Number.Replace('/', '-') + ".pdf";
    }

    public byte[] Render(Certificate certificate, CertificateContext context)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(context);
        var url = VerifyUrl(certificate.VerificationCode);
        using var pdf = new PdfWriter(L["Certificate"] + " " + certificate.Number);
        pdf.Space(30);
        pdf.Centered(context.AgencyName.ToUpper(CultureInfo.CurrentCulture), bold: true);
        pdf.Space(24);
        pdf.Block(34, (g, _, r) => g.DrawString(L["Certificate"].Value.ToUpper(CultureInfo.CurrentCulture), new XFont(DejaVuFonts.Family, 26, XFontStyleEx.Bold), XBrushes.DarkGreen, r, XStringFormats.TopCenter));
        pdf.Centered(L["Number: {0}", certificate.Number]);
        pdf.Space(24);
        pdf.Centered(L["is given to"]);
        pdf.Space(8);
        pdf.Block(26, (g, _, r) => g.DrawString(certificate.HolderName, new XFont(DejaVuFonts.Family, 18, XFontStyleEx.Bold), XBrushes.Black, r, XStringFormats.TopCenter));
        pdf.Space(8);
        pdf.Centered(L["for completing the {0} training", certificate.TrackName]);
        pdf.Centered(L["held by {0}", certificate.ProviderName]);
        pdf.Centered(L["from {0} to {1}, {2} lesson hours.", DateText.Written(certificate.StartsOn), DateText.Written(certificate.EndsOn), certificate.Hours]);
        if (context.Modules.Count > 0)
        {
            pdf.Space(10);
            pdf.Heading(L["Modules"]);
            foreach (var module in context.Modules)
            {
                pdf.Paragraph("• " + module, indent: 10);
            }
        }
        pdf.Space(16);
        pdf.Signature(
            [DateText.Written(certificate.EndsOn), context.SignatoryTitle ?? ""],
            [context.SignatoryName ?? "", context.SignatoryNumber is { } nip ? "NIP " + nip : ""]);
        pdf.Space(12);
        pdf.Block(QrSize, (g, page, r) => DrawQr(g, page, new XRect(r.X, r.Y, QrSize, QrSize), url));
        pdf.Paragraph(L["Check this certificate: scan the code or open {0}", url]);
        return pdf.ToBytes((_, _) => certificate.Number);
    }

    /// <summary>The code's dark modules as filled runs (no image: small and sharp at any zoom), with a link over it.</summary>
    private static void DrawQr(XGraphics g, PdfPage page, XRect area, string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        // QRCoder's matrix carries the four-module quiet zone on every side: it stays white inside the area.
        var rows = data.ModuleMatrix;
        var module = area.Width / rows.Count;
        g.DrawRectangle(XBrushes.White, area);
        for (var y = 0; y < rows.Count; y++)
        {
            var row = rows[y];
            for (var x = 0; x < row.Length; x++)
            {
                if (!row[x])
                {
                    continue;
                }
                var start = x;
                while (x + 1 < row.Length && row[x + 1])
                {
                    x++;
                }
                g.DrawRectangle(XBrushes.Black, area.X + (start * module), area.Y + (y * module), (x - start + 1) * module, module);
            }
        }
        // A link's rectangle is in PDF space, whose origin is the bottom left of the page.
        var height = page.Height.Point;
        page.AddWebLink(new PdfRectangle(new XPoint(area.X, height - area.Bottom), new XPoint(area.Right, height - area.Top)), url);
    }
}
