using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using Tunas.Web.Features.Businesses;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Businesses;

public sealed class PhotosTests(BusinessApp app) : IClassFixture<BusinessApp>
{
    [Fact]
    public async Task AFourMegabytePhonePhotoIsStoredUnder200KilobytesAndServedToStaff()
    {
        var id = await app.BusinessAsync();
        var jpeg = PhonePhoto();
        Assert.True(jpeg.Length >= 4_000_000, $"the generated photo has {jpeg.Length} bytes");
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);

        using var form = PermitsTests.Upload(jpeg, "IMG_20260301.jpg");
        var response = await officer.PostAsync($"/api/v1/businesses/{id}/photos", form);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var photo = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(photo.GetProperty("bytes").GetInt64() < PhotoShrinker.TargetBytes, $"stored {photo.GetProperty("bytes").GetInt64()} bytes");
        var served = await officer.GetAsync(photo.GetProperty("url").GetString());
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        var bytes = await served.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length < 200 * 1024);
        using var decoded = SKBitmap.Decode(bytes);
        Assert.Equal(PhotoShrinker.MaxSide, Math.Max(decoded.Width, decoded.Height));
    }

    [Fact]
    public async Task AFileThatIsNotAnImageIsRefusedAndNothingIsStored()
    {
        var id = await app.BusinessAsync();
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);

        using var form = PermitsTests.Upload("%PDF-1.4 bukan foto"u8.ToArray(), "foto.jpg");
        var response = await officer.PostAsync($"/api/v1/businesses/{id}/photos", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Foto harus berupa gambar", await BusinessesApiTests.Error(response, "file"), StringComparison.Ordinal);
        Assert.Equal(0, await app.DbAsync(db => db.Set<BusinessPhoto>().CountAsync(p => p.BusinessId == id)));
    }

    [Fact]
    public async Task AnOperatorCannotAddAPhoto()
    {
        var id = await app.BusinessAsync(Infrastructure.TunasFactory.OperatorVillage);
        var op = await app.ApiClientAsync(Roles.VillageOperator);

        using var form = PermitsTests.Upload(PhonePhoto(400, 300), "foto.jpg");
        Assert.Equal(HttpStatusCode.Forbidden, (await op.PostAsync($"/api/v1/businesses/{id}/photos", form)).StatusCode);
    }

    /// <summary>A photo as a phone takes it: 4000 x 3000 pixels of fine detail at high quality, about 4 MB or more.</summary>
    internal static byte[] PhonePhoto(int width = 4000, int height = 3000)
    {
        using var bitmap = new SKBitmap(width, height);
        var random = new Random(14);
        var pixels = new byte[width * height * 4];
        random.NextBytes(pixels);
        for (var i = 3; i < pixels.Length; i += 4)
        {
            pixels[i] = 255;
        }
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 60);
        return data.ToArray();
    }
}
