using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace Tunas.Web.Features.Selection;

/// <summary>
/// Every applicant's input of a run in one compressed blob (<see cref="SelectionRun.InputsBlob"/>): one JSON line
/// per applicant (<see cref="DecisionJson.Options"/>) in application order, gzipped. <see cref="SelectionRun.InputsHash"/>
/// is the SHA-256 of exactly these lines, so <c>zcat inputs.gz | sha256sum</c> gives the run's hash.
/// </summary>
public static class FrozenInputs
{
    public static (byte[] Blob, string Hash) Freeze(IEnumerable<Applicant> applicants)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            foreach (var a in applicants.OrderBy(a => a.ApplicationId))
            {
                var line = JsonSerializer.SerializeToUtf8Bytes(a, DecisionJson.Options);
                hash.AppendData(line);
                hash.AppendData("\n"u8);
                zip.Write(line);
                zip.Write("\n"u8);
            }
        }
        return (buffer.ToArray(), Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>The applicants of a blob, in application order.</summary>
    public static IEnumerable<Applicant> Read(byte[] blob)
    {
        ArgumentNullException.ThrowIfNull(blob);
        using var zip = new GZipStream(new MemoryStream(blob), CompressionMode.Decompress);
        using var reader = new StreamReader(zip);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return JsonSerializer.Deserialize<Applicant>(line, DecisionJson.Options)!;
            }
        }
    }

    /// <summary>The SHA-256 of the blob's lines: equal to the run's <see cref="SelectionRun.InputsHash"/>.</summary>
    public static string Hash(byte[] blob)
    {
        ArgumentNullException.ThrowIfNull(blob);
        using var zip = new GZipStream(new MemoryStream(blob), CompressionMode.Decompress);
        return Convert.ToHexStringLower(SHA256.HashData(zip));
    }
}
