using SkiaSharp;

namespace Tunas.BrowserTests.Infrastructure;

/// <summary>A small phone photo made on the spot: a JPEG of two colours.</summary>
public static class TestPhoto
{
    public static byte[] Jpeg(int width = 400, int height = 300)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(200, 160, 90));
            using var paint = new SKPaint { Color = new SKColor(40, 120, 60) };
            canvas.DrawRect(width / 4f, height / 4f, width / 2f, height / 2f, paint);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 80);
        return data.ToArray();
    }
}
