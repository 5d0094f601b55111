using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Regions;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry.Imports;

/// <summary>
/// The column-mapping step: which column of the file holds which field, as guessed from the column names, for the
/// user to correct before the import starts. The preview shows the first rows with NIKs masked.
/// </summary>
[Authorize(Policy = Policies.Registry)]
public sealed class MapModel(TunasDb db, CurrentUser me, ImportChannel channel, ImportUploads uploads, RegionDirectory regions, IStringLocalizer<SharedResource> L) : PageModel
{
    /// <summary>Per column of the file, the chosen field's API name, or empty to leave the column out.</summary>
    [BindProperty]
    public List<string?> Columns { get; set; } = [];

    public ImportJob Job { get; private set; } = null!;
    public ImportPreview Preview { get; private set; } = null!;
    public string RegencyName { get; private set; } = "";

    /// <summary>Column index → field, as shown in the selects.</summary>
    public Dictionary<int, ImportField> Chosen { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is { } redirect)
        {
            return redirect;
        }
        Chosen = Preview.Layout.Columns.ToDictionary(c => c.Value, c => c.Key);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is { } redirect)
        {
            return redirect;
        }
        var headers = Preview.Layout.Headers;
        Chosen = [];
        for (var i = 0; i < Math.Min(Columns.Count, headers.Count); i++)
        {
            if (!ImportFields.TryParse(Columns[i], out var field))
            {
                continue;
            }
            if (Chosen.ContainsValue(field))
            {
                ModelState.AddModelError("", L["{0} is chosen for more than one column; choose it for one column only.", ImportPages.FieldLabel(field, L)]);
            }
            Chosen[i] = field;
        }
        var mapping = new ColumnMapping(ImportFields.All.ToDictionary(f => f,
            f => Chosen.Where(c => c.Value == f).Select(c => headers[c.Key]).FirstOrDefault()));
        Preview = ImportUploads.Preview(Job, mapping);
        if (ModelState.IsValid && ImportUploads.Missing(Preview.Layout, Job.VillageCode) is { } missing)
        {
            ModelState.AddModelError("", L[missing]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var json = JsonSerializer.Serialize(mapping.Fields.ToDictionary(f => ImportFields.Name(f.Key), f => f.Value));
        // Only the request that moves the job out of waiting queues it (a second click finds it queued already).
        var queued = await db.ImportJobs.Where(j => j.Id == Job.Id && j.Status == ImportStatus.AwaitingMapping)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.ColumnMap, json).SetProperty(j => j.Status, ImportStatus.Queued), ct);
        if (queued == 1)
        {
            await channel.EnqueueAsync(Job.Id, ct);
        }
        return Redirect($"/Registry/Imports/{Job.Id}");
    }

    /// <summary>Gives the upload up: its file and its job are removed.</summary>
    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct)
    {
        var job = await ImportsApi.Visible(db, me).FirstOrDefaultAsync(j => j.Id == id && j.Status == ImportStatus.AwaitingMapping, ct);
        if (job is not null)
        {
            if (uploads.IsUploadCopy(job.StoredPath) && System.IO.File.Exists(job.StoredPath))
            {
                System.IO.File.Delete(job.StoredPath!);
            }
            db.ImportJobs.Remove(job);
            await db.SaveChangesAsync(ct);
        }
        return Redirect("/Registry/Imports");
    }

    private async Task<IActionResult?> FindAsync(Guid id, CancellationToken ct)
    {
        var job = await ImportsApi.Visible(db, me).AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null)
        {
            return NotFound();
        }
        if (job.Status != ImportStatus.AwaitingMapping || job.StoredPath is null)
        {
            return Redirect($"/Registry/Imports/{job.Id}");
        }
        Job = job;
        try
        {
            Preview = ImportUploads.Preview(job);
        }
        catch (ImportFileException)
        {
            return Redirect($"/Registry/Imports/{job.Id}");
        }
        var upper = await regions.UpperLevelsAsync(ct);
        RegencyName = job.RegencyCode is { } code && upper.TryGetValue(code, out var r) ? r.Name : job.RegencyCode ?? "";
        return null;
    }
}
