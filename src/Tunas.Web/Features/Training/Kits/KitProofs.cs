using Microsoft.Extensions.Options;
using Tunas.Web.Data;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Training.Kits;

public sealed class KitOptions
{
    public const string Section = "Kits";

    /// <summary>Where receipt photos and signatures are kept; unset: <c>kits</c> in the data folder.</summary>
    public string? Folder { get; set; }

    /// <summary>The largest photo or signature accepted (a phone's photo is 2 to 4 MB).</summary>
    public long MaxProofBytes { get; set; } = 5 * 1024 * 1024;
}

/// <summary>A receipt proof as received: the bytes and whether it is a photo or a drawn signature.</summary>
public sealed record KitProofUpload(KitProof Kind, byte[] Content);

/// <summary>
/// Receipt proofs on disk, like the import uploads: files under the data folder, not rows in the database. Only JPEG,
/// PNG and WebP are taken, known by their first bytes (not by the name or type the phone claims).
/// </summary>
public sealed class KitProofs(IOptions<KitOptions> options, IOptions<DatabaseOptions> database)
{
    public const string NotImageMessage = "The proof must be a photo (JPEG, PNG or WebP) or a signature.";
    public const string TooLargeMessage = "The photo is larger than {0} MB.";
    public const string MissingMessage = "Add a photo of the hand-over or the participant's signature.";

    public long MaxBytes => options.Value.MaxProofBytes;

    public string Folder => string.IsNullOrWhiteSpace(options.Value.Folder)
        ? Path.Combine(Path.GetFullPath(database.Value.DataFolder, AppContext.BaseDirectory), "kits")
        : Path.GetFullPath(options.Value.Folder, AppContext.BaseDirectory);

    /// <summary>The image's extension by its first bytes (JPEG, PNG or WebP), or null when it is no image taken here.</summary>
    public static string? Extension(ReadOnlySpan<byte> content) =>
        FileSignature.Of(content) is { } kind && kind != FileSignature.Pdf ? kind.Extension : null;

    public static string ContentType(string file) => Path.GetExtension(file) switch
    {
        ".png" => FileSignature.Png.ContentType,
        ".webp" => FileSignature.WebP.ContentType,
        _ => FileSignature.Jpeg.ContentType,
    };

    /// <summary>A signature drawn on the canvas as its PNG data URL; null when it is not one.</summary>
    public static byte[]? FromDataUrl(string? dataUrl)
    {
        const string prefix = "data:image/png;base64,";
        if (dataUrl is null || !dataUrl.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var bytes = new byte[((dataUrl.Length - prefix.Length) * 3 / 4) + 3];
        return Convert.TryFromBase64String(dataUrl[prefix.Length..], bytes, out var written) ? bytes[..written] : null;
    }

    /// <summary>Writes the proof under a random name; its file name.</summary>
    public async Task<string> StoreAsync(KitProofUpload proof, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(proof);
        Directory.CreateDirectory(Folder);
        var name = Guid.NewGuid().ToString("N") + Extension(proof.Content);
        await File.WriteAllBytesAsync(Path.Combine(Folder, name), proof.Content, ct);
        return name;
    }

    public void Discard(string file)
    {
        var path = PathOf(file);
        if (path is not null && File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>The stored file's path; null for a name that is not one of ours.</summary>
    public string? PathOf(string file) =>
        file.Length is > 32 and <= 40 && Path.GetFileName(file) == file && file.All(c => char.IsAsciiLetterOrDigit(c) || c == '.')
            ? Path.Combine(Folder, file) : null;
}
