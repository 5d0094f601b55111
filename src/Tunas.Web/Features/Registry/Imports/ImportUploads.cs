using System.Globalization;
using Microsoft.Extensions.Options;
using Tunas.Web.Data;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry.Imports;

/// <summary>Who starts an import; a kelurahan operator's <see cref="VillageCode"/> limits the rows they may bring in.</summary>
public sealed record ImportActor(string? Id, string Name, string? VillageCode)
{
    public const string CommandLineName = "command line";

    public static readonly ImportActor CommandLine = new(null, CommandLineName, null);

    public static ImportActor From(CurrentUser me) =>
        new(me.Id, me.Name ?? "", IsOperatorOnly(me) ? me.VillageCode ?? "-" : null);

    /// <summary>A kelurahan operator who is nothing more: sees their own jobs, imports their own kelurahan.</summary>
    public static bool IsOperatorOnly(CurrentUser me) =>
        me.IsInRole(Roles.VillageOperator) && !me.IsInRole(Roles.Administrator) && !me.IsInRole(Roles.ProgramOfficer);
}

/// <summary>Why an upload was refused: an English message (the localization key) and its arguments.</summary>
public sealed record ImportRefusal(string Message, params string[] Args)
{
    public string Format(string template) => string.Format(CultureInfo.InvariantCulture, template, [.. Args]);
}

public sealed record ImportUploadResult(ImportJob? Job, ImportRefusal? Refusal);

/// <summary>The first rows of an uploaded file as the mapping step shows them.</summary>
public sealed record ImportPreview(ColumnLayout Layout, IReadOnlyList<SheetRow> Rows);

/// <summary>
/// Takes a file in (API, page or command line): checks it, keeps it under the data folder, and creates its job.
/// A file that cannot be imported is refused here, before anything is stored.
/// </summary>
public sealed class ImportUploads(
    TunasDb db, RegionDirectory regions, AgencyService agencies, IOptions<ImportOptions> options, IOptions<DatabaseOptions> database, TimeProvider clock,
    ILogger<ImportUploads> log)
{
    public const int PreviewRows = 5;

    /// <summary>Where uploaded files wait for their job.</summary>
    public string Folder
    {
        get
        {
            var configured = options.Value.Folder;
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return Path.GetFullPath(configured, AppContext.BaseDirectory);
            }
            return Path.Combine(Path.GetFullPath(database.Value.DataFolder, AppContext.BaseDirectory), "imports");
        }
    }

    public long MaxBytes => options.Value.MaxFileBytes;

    /// <summary>
    /// Stores an upload and creates its job: <see cref="ImportStatus.Queued"/> with the guessed (or given) mapping,
    /// or <see cref="ImportStatus.AwaitingMapping"/> when the user confirms the mapping first.
    /// </summary>
    public async Task<ImportUploadResult> CreateAsync(Stream? content, string? fileName, long length, string? regencyCode, string? columns,
        ImportActor actor, bool awaitMapping, CancellationToken ct = default)
    {
        if (content is null || string.IsNullOrWhiteSpace(fileName))
        {
            return Refused(ImportMessages.NoFileMessage);
        }
        fileName = Path.GetFileName(fileName.Trim());
        if (!SheetReader.IsSupported(fileName))
        {
            return Refused(ImportMessages.WrongExtensionMessage);
        }
        if (length == 0)
        {
            return Refused(ImportMessages.EmptyFileMessage);
        }
        if (length > MaxBytes)
        {
            return TooLarge();
        }
        var (regency, mapping, refusal) = await SettingsAsync(regencyCode, columns, actor, ct);
        if (refusal is not null)
        {
            return new ImportUploadResult(null, refusal);
        }

        var id = Guid.NewGuid();
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, id.ToString("N") + Path.GetExtension(fileName).ToLowerInvariant());
        try
        {
            await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                var copied = await CopyAsync(content, target, ct);
                if (copied == 0)
                {
                    refusal = new ImportRefusal(ImportMessages.EmptyFileMessage);
                }
                else if (copied > MaxBytes)
                {
                    refusal = TooLarge().Refusal;
                }
            }
            refusal ??= await CheckAsync(path, fileName, mapping, actor.VillageCode, awaitMapping, ct);
            if (refusal is not null)
            {
                File.Delete(path);
                return new ImportUploadResult(null, refusal);
            }
            var job = await AddJobAsync(id, fileName, path, regency, columns is null ? null : mapping, actor, awaitMapping, ct);
            return new ImportUploadResult(job, null);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>A job for a file that stays where it is (the command line): nothing is copied, and the file is kept.</summary>
    public async Task<ImportUploadResult> CreateForFileAsync(string path, string? regencyCode, ImportActor actor, CancellationToken ct = default)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            return Refused(ImportMessages.NoFileMessage);
        }
        if (!SheetReader.IsSupported(full))
        {
            return Refused(ImportMessages.WrongExtensionMessage);
        }
        var (regency, _, refusal) = await SettingsAsync(regencyCode, null, actor, ct);
        refusal ??= await CheckAsync(full, full, null, actor.VillageCode, awaitMapping: false, ct);
        if (refusal is not null)
        {
            return new ImportUploadResult(null, refusal);
        }
        return new ImportUploadResult(await AddJobAsync(Guid.NewGuid(), Path.GetFileName(full), full, regency, null, actor, false, ct), null);
    }

    /// <summary>The header and first rows of a job's file, with the stored mapping applied.</summary>
    public static ImportPreview Preview(ImportJob job, ColumnMapping? mapping = null)
    {
        using var sheet = SheetReader.Open(job.StoredPath!, job.FileName);
        var first = sheet.ReadFirst(ColumnLayout.HeaderSearchRows + PreviewRows);
        var layout = ColumnLayout.Find(first, mapping ?? ColumnMapping.Stored(job.ColumnMap));
        return new ImportPreview(layout, first.Where(r => r.Number > layout.HeaderRowNumber && !r.IsEmpty).Take(PreviewRows).ToList());
    }

    /// <summary>The first column a job cannot do without that the layout lacks (as a message), or null.</summary>
    public static string? Missing(ColumnLayout layout, string? operatorVillage) =>
        !layout.Has(ImportField.Nik) ? ImportMessages.NoNikColumnMessage
        : !layout.Has(ImportField.FullName) ? ImportMessages.NoNameColumnMessage
        : !layout.Has(ImportField.VillageCode) && operatorVillage is null ? ImportMessages.NoVillageColumnMessage
        : null;

    /// <summary>Whether a file is the removable copy of an upload (a command-line file is the user's own).</summary>
    public bool IsUploadCopy(string? path) =>
        path is not null && Path.GetFullPath(path).StartsWith(Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Deletes an upload whose job is over: it holds personal data. A file that cannot be deleted is logged, not thrown.</summary>
    public void Discard(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.LogWarning(e, "Could not delete an import file");
        }
    }

    /// <summary>
    /// Checks a stored file before its job exists: its size and shape first (<see cref="XlsxInspector"/>, the row and
    /// column limits), then its header. One file at a time: a large legitimate .xlsx holds its shared strings in memory
    /// while it is checked, and uploads in parallel must not add those up.
    /// </summary>
    private async Task<ImportRefusal?> CheckAsync(string path, string fileName, ColumnMapping? mapping, string? operatorVillage, bool awaitMapping, CancellationToken ct)
    {
        await Checking.WaitAsync(ct);
        try
        {
            return Check(path, fileName, mapping, operatorVillage, awaitMapping, options.Value.Limits);
        }
        finally
        {
            Checking.Release();
        }
    }

    private static readonly SemaphoreSlim Checking = new(1, 1);

    private static ImportRefusal? Check(string path, string fileName, ColumnMapping? mapping, string? operatorVillage, bool awaitMapping, SheetLimits limits)
    {
        try
        {
            var extension = Path.GetExtension(fileName).ToLowerInvariant();
            if (extension != ".csv" && XlsxInspector.IsZip(path))
            {
                // ExcelDataReader goes by the content, not the name: an .xlsx renamed .xls is read as one.
                XlsxInspector.Check(path, limits);
            }
            else if (extension == ".csv")
            {
                // Rows cost little to count in a CSV; an .xlsx was counted above, an .xls holds at most 65,536.
                using var all = SheetReader.Open(path, fileName, limits);
                all.SkipToEnd();
            }
            using var sheet = SheetReader.Open(path, fileName, limits);
            var first = sheet.ReadFirst(ColumnLayout.HeaderSearchRows + 1);
            var layout = ColumnLayout.Find(first, mapping);
            if (layout.HeaderRowNumber == 0)
            {
                return new ImportRefusal(ImportMessages.EmptyFileMessage);
            }
            if (!awaitMapping && Missing(layout, operatorVillage) is { } missing)
            {
                return new ImportRefusal(missing);
            }
            var hasRow = first.Exists(r => r.Number > layout.HeaderRowNumber && !r.IsEmpty);
            while (!hasRow && sheet.Read() is { } next)
            {
                hasRow = !next.IsEmpty;
            }
            return hasRow ? null : new ImportRefusal(ImportMessages.NoRowsMessage);
        }
        catch (ImportFileException e)
        {
            return new ImportRefusal(e.Message, [.. e.Args]);
        }
    }

    private async Task<(string? Regency, ColumnMapping? Mapping, ImportRefusal? Refusal)> SettingsAsync(string? regencyCode, string? columns, ImportActor actor, CancellationToken ct)
    {
        var regency = regencyCode?.Trim();
        if (string.IsNullOrEmpty(regency))
        {
            // An operator's file is about their own city; everyone else's about the agency's.
            regency = actor.VillageCode is { Length: > 5 } village ? village[..5] : (await agencies.CurrentAsync(ct)).RegencyCode;
        }
        var upper = await regions.UpperLevelsAsync(ct);
        if (regency is null || !upper.TryGetValue(regency, out var r) || r.Level != RegionLevel.Regency)
        {
            return (null, null, new ImportRefusal(ImportMessages.RegencyUnknownMessage, regency ?? ""));
        }
        if (!ColumnMapping.TryParse(columns, out var mapping, out var unknown))
        {
            return (null, null, unknown is null
                ? new ImportRefusal(ImportMessages.ColumnsInvalidMessage)
                : new ImportRefusal(ImportMessages.FieldUnknownMessage, unknown));
        }
        return (regency, mapping, null);
    }

    private async Task<ImportJob> AddJobAsync(Guid id, string fileName, string path, string? regency, ColumnMapping? mapping, ImportActor actor, bool awaitMapping, CancellationToken ct)
    {
        var job = new ImportJob
        {
            Id = id,
            AgencyId = (await agencies.CurrentAsync(ct)).Id,
            Status = awaitMapping ? ImportStatus.AwaitingMapping : ImportStatus.Queued,
            FileName = fileName.Length > 260 ? fileName[^260..] : fileName,
            StoredPath = path,
            RegencyCode = regency,
            VillageCode = actor.VillageCode,
            CreatedById = actor.Id,
            CreatedByName = actor.Name,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        // The mapping a caller gave is kept as it came; without one the runner stores its guess.
        if (mapping is not null)
        {
            job.ColumnMap = System.Text.Json.JsonSerializer.Serialize(mapping.Fields.ToDictionary(f => ImportFields.Name(f.Key), f => f.Value));
        }
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        return job;
    }

    private async Task<long> CopyAsync(Stream source, Stream target, CancellationToken ct)
    {
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > MaxBytes)
            {
                break;
            }
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        return total;
    }

    private ImportUploadResult TooLarge() =>
        Refused(ImportMessages.TooLargeMessage, ((MaxBytes + (1024 * 1024) - 1) / (1024 * 1024)).ToString(CultureInfo.InvariantCulture));

    private static ImportUploadResult Refused(string message, params string[] args) => new(null, new ImportRefusal(message, args));
}
