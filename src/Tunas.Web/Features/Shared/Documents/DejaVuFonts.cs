using PdfSharp.Fonts;

namespace Tunas.Web.Features.Shared.Documents;

/// <summary>
/// The fonts of every PDF the app makes: DejaVu Sans, regular and bold, built into the app from the npm package
/// <c>dejavu-fonts-ttf</c> (Tunas.Web.csproj). PDFsharp finds no system fonts on Linux, and a server may have none;
/// DejaVu covers Indonesian names and the rupiah and section signs. Italic is slanted by PDFsharp.
/// </summary>
public sealed class DejaVuFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly Lock Gate = new();

    /// <summary>Makes these the fonts of PDFsharp; once per process, as PDFsharp allows it only before first use.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not DejaVuFonts)
            {
                GlobalFontSettings.FontResolver = new DejaVuFonts();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans", mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(DejaVuFonts).Assembly.GetManifestResourceStream("Tunas.Fonts." + faceName + ".ttf");
        if (stream is null)
        {
            return null;
        }
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
