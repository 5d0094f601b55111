namespace Tunas.Web.Features.Shared;

/// <summary>An uploaded file's kind judged by its first bytes, never by its name or the type the browser declared.</summary>
public static class FileSignature
{
    public sealed record Kind(string ContentType, string Extension);

    public static readonly Kind Pdf = new("application/pdf", ".pdf");
    public static readonly Kind Jpeg = new("image/jpeg", ".jpg");
    public static readonly Kind Png = new("image/png", ".png");
    public static readonly Kind WebP = new("image/webp", ".webp");

    /// <summary>PDF, JPEG, PNG or WebP; null for anything else.</summary>
    public static Kind? Of(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF"u8))
        {
            return Pdf;
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }
        return head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8) ? WebP : null;
    }
}
