using SkiaSharp;

namespace Tunas.Web.Features.Businesses;

public sealed record ShrunkPhoto(byte[] Jpeg, int Width, int Height);

/// <summary>
/// Turns a phone photo (JPEG, PNG or WebP, up to <see cref="MaxUploadBytes"/>) into a JPEG under
/// <see cref="TargetBytes"/>: upright as the camera held it, at most <see cref="MaxSide"/> pixels on its long side, the
/// quality lowered, then the size, until it fits. Anything that does not decode as an image is refused (null).
/// </summary>
public static class PhotoShrinker
{
    public const long MaxUploadBytes = 12 * 1024 * 1024;
    public const int TargetBytes = 200 * 1024;
    public const int MaxSide = 1280;
    private static readonly int[] Qualities = [80, 70, 60];

    public static ShrunkPhoto? Shrink(byte[] data) => Shrink(data, MaxSide, TargetBytes);

    /// <summary>The same, to at most <paramref name="maxSide"/> pixels and <paramref name="targetBytes"/> (a catalogue's list size, a thumbnail).</summary>
    public static ShrunkPhoto? Shrink(byte[] data, int maxSide, int targetBytes)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var codec = SKCodec.Create(new SKMemoryStream(data));
        if (codec is null)
        {
            return null;
        }
        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null || decoded.Width == 0 || decoded.Height == 0)
        {
            return null;
        }
        using var upright = Orient(decoded, codec.EncodedOrigin);
        var side = maxSide;
        while (true)
        {
            using var scaled = Scale(upright, side);
            foreach (var quality in Qualities)
            {
                using var encoded = scaled.Encode(SKEncodedImageFormat.Jpeg, quality);
                if (encoded.Size < targetBytes || side <= Math.Min(320, maxSide))
                {
                    return new ShrunkPhoto(encoded.ToArray(), scaled.Width, scaled.Height);
                }
            }
            side = side * 3 / 4;
        }
    }

    private static SKBitmap Scale(SKBitmap source, int side)
    {
        var factor = Math.Min(1.0, (double)side / Math.Max(source.Width, source.Height));
        var info = new SKImageInfo(Math.Max(1, (int)(source.Width * factor)), Math.Max(1, (int)(source.Height * factor)), SKColorType.Rgba8888, SKAlphaType.Premul);
        return source.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear))
            ?? throw new InvalidOperationException("The photo could not be resized.");
    }

    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        var (degrees, swap) = origin switch
        {
            SKEncodedOrigin.BottomRight => (180, false),
            SKEncodedOrigin.RightTop => (90, true),
            SKEncodedOrigin.LeftBottom => (270, true),
            _ => (0, false),
        };
        var result = new SKBitmap(swap ? source.Height : source.Width, swap ? source.Width : source.Height);
        using var canvas = new SKCanvas(result);
        canvas.Clear(SKColors.White); // a transparent PNG becomes a JPEG on white, not on black
        canvas.Translate(result.Width / 2f, result.Height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-source.Width / 2f, -source.Height / 2f);
        canvas.DrawBitmap(source, 0, 0);
        return result;
    }
}
