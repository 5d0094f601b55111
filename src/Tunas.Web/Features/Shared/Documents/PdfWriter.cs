using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Tunas.Web.Features.Shared.Documents;

/// <summary>
/// A plain A4 document written top to bottom: headings, paragraphs that wrap, table rows that cut what does not fit,
/// a new page when the current one is full, page numbers at the end. Enough for a berita acara or a certificate,
/// without a layout engine.
/// </summary>
public sealed class PdfWriter : IDisposable
{
    private const double Margin = 50;
    private readonly PdfDocument _document = new();
    private readonly XFont _regular;
    private readonly XFont _bold;
    private readonly XFont _small;
    private XGraphics _page = null!;
    private double _y;

    public PdfWriter(string title)
    {
        DejaVuFonts.Register();
        _document.Info.Title = title;
        _document.Info.Creator = "Tunas";
        _regular = new XFont(DejaVuFonts.Family, 10, XFontStyleEx.Regular);
        _bold = new XFont(DejaVuFonts.Family, 10, XFontStyleEx.Bold);
        _small = new XFont(DejaVuFonts.Family, 8, XFontStyleEx.Regular);
        NewPage();
    }

    public double Width => _page.PageSize.Width - (2 * Margin);

    public void Title(string text)
    {
        var font = new XFont(DejaVuFonts.Family, 13, XFontStyleEx.Bold);
        Room(24);
        _page.DrawString(text, font, XBrushes.Black, new XRect(Margin, _y, Width, 18), XStringFormats.TopCenter);
        _y += 22;
    }

    public void Centered(string text, bool bold = false)
    {
        Room(14);
        _page.DrawString(text, bold ? _bold : _regular, XBrushes.Black, new XRect(Margin, _y, Width, 14), XStringFormats.TopCenter);
        _y += 14;
    }

    public void Heading(string text)
    {
        Space(6);
        Room(30);
        _page.DrawString(text, _bold, XBrushes.Black, new XRect(Margin, _y, Width, 14), XStringFormats.TopLeft);
        _y += 16;
    }

    /// <summary>A paragraph, wrapped at word boundaries, indented by <paramref name="indent"/> points.</summary>
    public void Paragraph(string text, bool bold = false, double indent = 0)
    {
        var font = bold ? _bold : _regular;
        foreach (var line in Wrap(text, font, Width - indent))
        {
            Room(13);
            _page.DrawString(line, font, XBrushes.Black, new XRect(Margin + indent, _y, Width - indent, 13), XStringFormats.TopLeft);
            _y += 13;
        }
    }

    /// <summary>A label and its value on one line (the value wrapped under itself).</summary>
    public void Field(string label, string value, double labelWidth = 150)
    {
        var lines = Wrap(value, _regular, Width - labelWidth).ToList();
        Room(13 * Math.Min(lines.Count, 3));
        _page.DrawString(label, _regular, XBrushes.Black, new XRect(Margin, _y, labelWidth, 13), XStringFormats.TopLeft);
        foreach (var line in lines)
        {
            Room(13);
            _page.DrawString(line, _regular, XBrushes.Black, new XRect(Margin + labelWidth, _y, Width - labelWidth, 13), XStringFormats.TopLeft);
            _y += 13;
        }
    }

    /// <summary>One row of a table: cells in columns of the given widths (points), cut with "…" where too long.</summary>
    public void Row(IReadOnlyList<string> cells, IReadOnlyList<double> widths, bool header = false)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(widths);
        var font = header ? _bold : _small;
        Room(header ? 30 : 12);
        var x = Margin;
        for (var i = 0; i < cells.Count; i++)
        {
            _page.DrawString(Fit(cells[i], font, widths[i] - 4), font, XBrushes.Black, new XRect(x, _y, widths[i] - 4, 12), XStringFormats.TopLeft);
            x += widths[i];
        }
        _y += 12;
        if (header)
        {
            _page.DrawLine(XPens.Black, Margin, _y, Margin + widths.Sum(), _y);
            _y += 2;
        }
    }

    public void Space(double points) => _y += points;

    /// <summary>
    /// Room of <paramref name="height"/> points across the text width, drawn by <paramref name="draw"/> (a QR code, a
    /// seal); its page is given too, for a link over what is drawn.
    /// </summary>
    public void Block(double height, Action<XGraphics, PdfPage, XRect> draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        Room(height);
        draw(_page, _document.Pages[_document.PageCount - 1], new XRect(Margin, _y, Width, height));
        _y += height;
    }

    /// <summary>Keeps what follows on one page: a new page unless <paramref name="points"/> still fit.</summary>
    public void Room(double points)
    {
        if (_y + points > _page.PageSize.Height - Margin)
        {
            NewPage();
        }
    }

    /// <summary>The signature block at the right: place and date, title, room to sign, name, NIP.</summary>
    public void Signature(IReadOnlyList<string> above, IReadOnlyList<string> below)
    {
        ArgumentNullException.ThrowIfNull(above);
        ArgumentNullException.ThrowIfNull(below);
        Room((13 * (above.Count + below.Count)) + 60);
        var x = Margin + (Width / 2);
        foreach (var line in above)
        {
            _page.DrawString(line, _regular, XBrushes.Black, new XRect(x, _y, Width / 2, 13), XStringFormats.TopLeft);
            _y += 13;
        }
        _y += 55;
        foreach (var (line, i) in below.Select((l, i) => (l, i)))
        {
            _page.DrawString(line, i == 0 ? _bold : _regular, XBrushes.Black, new XRect(x, _y, Width / 2, 13), XStringFormats.TopLeft);
            _y += 13;
        }
    }

    /// <summary>The document with "page n of m" at the foot of every page.</summary>
    public byte[] ToBytes(Func<int, int, string> pageLabel)
    {
        ArgumentNullException.ThrowIfNull(pageLabel);
        _page.Dispose();
        var count = _document.PageCount;
        for (var i = 0; i < count; i++)
        {
            using var g = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
            g.DrawString(pageLabel(i + 1, count), _small, XBrushes.Gray,
                new XRect(Margin, g.PageSize.Height - Margin + 12, Width, 12), XStringFormats.TopCenter);
        }
        using var bytes = new MemoryStream();
        _document.Save(bytes, closeStream: false);
        return bytes.ToArray();
    }

    public void Dispose()
    {
        _page.Dispose();
        _document.Dispose();
    }

    private void NewPage()
    {
        _page?.Dispose();
        var page = _document.AddPage();
        page.Size = PageSize.A4;
        _page = XGraphics.FromPdfPage(page);
        _y = Margin;
    }

    private IEnumerable<string> Wrap(string text, XFont font, double width)
    {
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && _page.MeasureString(candidate, font).Width > width)
                {
                    yield return line;
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }
            yield return line;
        }
    }

    private string Fit(string text, XFont font, double width)
    {
        if (_page.MeasureString(text, font).Width <= width)
        {
            return text;
        }
        var cut = text;
        while (cut.Length > 1 && _page.MeasureString(cut + "…", font).Width > width)
        {
            cut = cut[..^1];
        }
        return cut + "…";
    }
}
