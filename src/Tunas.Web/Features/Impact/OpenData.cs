using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Businesses;
using Tunas.Web.Features.Training.Certificates;

namespace Tunas.Web.Features.Impact;

/// <summary>One kelurahan and track of the open data: people at each stage.</summary>
public sealed record OpenDataRow(string VillageCode, string VillageName, string Track, int Applied, int Started, int Completed, int BusinessStarted);

/// <summary>
/// The open-data CSV: counts per kelurahan and track, safe to publish. Any count of 1 to 4 people reads <c>&lt;5</c>,
/// and the file holds no totals, so no suppressed cell can be worked back by subtracting; categories are words, so
/// no other cell is a bare number from 1 to 4. A zero reveals nobody and is shown.
/// </summary>
public static class OpenData
{
    public const int Threshold = 5;

    public static async Task<List<OpenDataRow>> ReadAsync(DashboardScope scope, VillageNames villages, CancellationToken ct)
    {
        var db = scope.Db;
        var agency = scope.AgencyId;
        var applied = await scope.Applications.Where(a => scope.Filter.TrackId == null || a.FirstTrackId == scope.Filter.TrackId)
            .GroupBy(a => new { a.VillageCode, TrackId = a.FirstTrackId }).Select(g => new { g.Key.VillageCode, g.Key.TrackId, N = g.Count() }).ToListAsync(ct);
        var placements = scope.Placements;
        var started = await placements.GroupBy(p => new { p.VillageCode, p.TrackId }).Select(g => new { g.Key.VillageCode, g.Key.TrackId, N = g.Count() }).ToListAsync(ct);
        var completed = await (from p in placements
                               join c in db.Set<Certificate>() on p.Id equals c.ParticipantId
                               where c.AgencyId == agency && c.RevokedAt == null
                               group p by new { p.VillageCode, p.TrackId } into g
                               select new { g.Key.VillageCode, g.Key.TrackId, N = g.Count() }).ToListAsync(ct);
        var owners = FunnelReader.OwnersOfStartedBusinesses(scope);
        var business = await placements.Where(p => owners.Contains(p.PersonId))
            .GroupBy(p => new { p.VillageCode, p.TrackId }).Select(g => new { g.Key.VillageCode, g.Key.TrackId, N = g.Count() }).ToListAsync(ct);
        var programs = scope.Programs.Select(p => p.Id);
        var tracks = await db.Tracks.AsNoTracking().Where(t => t.AgencyId == agency && programs.Contains(t.ProgramId))
            .Select(t => new { t.Id, t.Name }).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var names = await villages.AllAsync(ct);
        var keys = applied.Select(x => (x.VillageCode, x.TrackId)).Concat(started.Select(x => (x.VillageCode, x.TrackId))).Distinct();
        return [.. keys.Select(k => new OpenDataRow(k.VillageCode, names.TryGetValue(k.VillageCode, out var v) ? v.Name : k.VillageCode,
                tracks.GetValueOrDefault(k.TrackId, "-"),
                applied.FirstOrDefault(x => x.VillageCode == k.VillageCode && x.TrackId == k.TrackId)?.N ?? 0,
                started.FirstOrDefault(x => x.VillageCode == k.VillageCode && x.TrackId == k.TrackId)?.N ?? 0,
                completed.FirstOrDefault(x => x.VillageCode == k.VillageCode && x.TrackId == k.TrackId)?.N ?? 0,
                business.FirstOrDefault(x => x.VillageCode == k.VillageCode && x.TrackId == k.TrackId)?.N ?? 0))
            .OrderBy(r => r.VillageCode, StringComparer.Ordinal).ThenBy(r => r.Track, StringComparer.Ordinal)];
    }

    /// <summary>A count as published: <c>&lt;5</c> for 1 to 4 people.</summary>
    public static string Count(int n) => n is > 0 and < Threshold ? "<5" : n.ToString(CultureInfo.InvariantCulture);

    public static string Csv(IEnumerable<OpenDataRow> rows)
    {
        var sb = new StringBuilder();
        sb.Append("kode_kelurahan,kelurahan,kejuruan,mendaftar,mulai_pelatihan,lulus,memulai_usaha\r\n");
        foreach (var r in rows)
        {
            sb.Append(Field(r.VillageCode)).Append(',').Append(Field(r.VillageName)).Append(',').Append(Field(r.Track)).Append(',')
                .Append(Count(r.Applied)).Append(',').Append(Count(r.Started)).Append(',').Append(Count(r.Completed)).Append(',')
                .Append(Count(r.BusinessStarted)).Append("\r\n");
        }
        return sb.ToString();
    }

    /// <summary>Quoted always; a leading =, +, - or @ neutralised so a spreadsheet never runs it.</summary>
    private static string Field(string text)
    {
        var t = text.Length > 0 && text[0] is '=' or '+' or '-' or '@' ? "'" + text : text;
        return "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
