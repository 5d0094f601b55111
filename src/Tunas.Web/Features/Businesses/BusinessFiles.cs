using Microsoft.Extensions.Options;
using Tunas.Web.Data;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Businesses;

/// <summary>
/// Where business photos and permit documents live: <c>businesses/</c> under <c>Database:DataFolder</c>, one folder per
/// agency, each file named by a new GUID (never by what the sender called it).
/// </summary>
public sealed class BusinessFiles(IOptions<DatabaseOptions> database)
{
    public const long MaxDocumentBytes = 5 * 1024 * 1024;

    public string Folder => Path.Combine(Path.GetFullPath(database.Value.DataFolder, AppContext.BaseDirectory), "businesses");

    public async Task<string> SaveAsync(int agencyId, byte[] content, string extension, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var folder = Path.Combine(Folder, BusinessFields.Text(agencyId));
        Directory.CreateDirectory(folder);
        var name = Guid.NewGuid().ToString("N") + extension;
        await File.WriteAllBytesAsync(Path.Combine(folder, name), content, ct);
        return name;
    }

    /// <summary>The full path of a stored file, or null when the name is not one of ours or the file is gone.</summary>
    public string? Find(int agencyId, string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }
        var path = Path.Combine(Folder, BusinessFields.Text(agencyId), name);
        return File.Exists(path) ? path : null;
    }

    public void Delete(int agencyId, string? name)
    {
        if (Find(agencyId, name) is { } path)
        {
            File.Delete(path);
        }
    }

    /// <summary>The content type of a permit document by its first bytes: PDF, JPEG or PNG; null for anything else.</summary>
    public static (string Type, string Extension)? DocumentKind(ReadOnlySpan<byte> head) =>
        FileSignature.Of(head) is { } kind && kind != FileSignature.WebP ? (kind.ContentType, kind.Extension) : null;

    /// <summary>Reads an upload whole, or null when it is larger than <paramref name="max"/>.</summary>
    public static async Task<byte[]?> ReadAsync(IFormFile file, long max, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length > max)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        await using var stream = file.OpenReadStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
