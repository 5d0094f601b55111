using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Regions;

public sealed record RegionDto(string Code, string Name, RegionLevel Level, string? ParentCode);

public sealed record RegionSearchHit(string Code, string Name, RegionLevel Level, string? ParentCode, string Path);

public sealed record RegionStats(int Provinces, int Regencies, int Districts, int Villages);

/// <summary>Official region codes, public and cacheable: the picker of every form and other systems read them.</summary>
public static class RegionsApi
{
    public static IEndpointRouteBuilder MapRegions(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/regions").WithTags("Regions").AllowAnonymous()
            .AddEndpointFilter(async (ctx, next) =>
            {
                ctx.HttpContext.Response.Headers.CacheControl = "public, max-age=3600";
                return await next(ctx);
            });

        api.MapGet("/stats", GetStatsAsync);
        api.MapGet("/{code}", GetAsync);
        api.MapGet("/{code}/children", GetChildrenAsync);
        api.MapGet("/", SearchAsync);
        return app;
    }

    internal static async Task<Ok<RegionStats>> GetStatsAsync(TunasDb db, CancellationToken ct)
    {
        var counts = await db.Regions.AsNoTracking().Where(r => r.IsCurrent)
            .GroupBy(r => r.Level).Select(g => new { Level = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Level, x => x.Count, ct);
        int Count(RegionLevel level) => counts.GetValueOrDefault(level);
        return TypedResults.Ok(new RegionStats(Count(RegionLevel.Province), Count(RegionLevel.Regency), Count(RegionLevel.District), Count(RegionLevel.Village)));
    }

    internal static async Task<Results<Ok<RegionDto>, NotFound>> GetAsync(string code, TunasDb db, CancellationToken ct)
    {
        var region = await db.Regions.AsNoTracking().Where(r => r.Code == code)
            .Select(r => new RegionDto(r.Code, r.Name, r.Level, r.ParentCode)).FirstOrDefaultAsync(ct);
        return region is null ? TypedResults.NotFound() : TypedResults.Ok(region);
    }

    /// <summary>Current children by name; the root (<c>-</c>) lists the provinces.</summary>
    internal static async Task<Results<Ok<List<RegionDto>>, NotFound>> GetChildrenAsync(string code, TunasDb db, CancellationToken ct)
    {
        string? parent = code == "-" ? null : code;
        if (parent is not null && !await db.Regions.AnyAsync(r => r.Code == parent, ct))
        {
            return TypedResults.NotFound();
        }
        var children = await db.Regions.AsNoTracking()
            .Where(r => r.ParentCode == parent && r.IsCurrent)
            .OrderBy(r => r.Name)
            .Select(r => new RegionDto(r.Code, r.Name, r.Level, r.ParentCode))
            .ToListAsync(ct);
        return TypedResults.Ok(children);
    }

    /// <summary>Name search, case and accent insensitive; optionally one level and inside one region (<c>within=35.72</c>).</summary>
    internal static async Task<Results<Ok<List<RegionSearchHit>>, ValidationProblem>> SearchAsync(
        string? q, string? level, string? within, int? limit, TunasDb db, RegionDirectory directory,
        IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var folded = SearchText.Key(q);
        if (folded.Length < 2)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [L["Type at least 2 letters of the name."]] });
        }
        RegionLevel? wanted = null;
        if (!string.IsNullOrWhiteSpace(level))
        {
            if (!Enum.TryParse<RegionLevel>(level, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["level"] = [L["Level is one of: province, regency, district, village."]] });
            }
            wanted = parsed;
        }
        var take = Math.Clamp(limit ?? 20, 1, 100);
        var query = db.Regions.AsNoTracking().Where(r => r.IsCurrent && r.SearchName.Contains(folded));
        if (wanted is { } l)
        {
            query = query.Where(r => r.Level == l);
        }
        if (!string.IsNullOrWhiteSpace(within))
        {
            var prefix = within.Trim() + ".";
            query = query.Where(r => r.Code.StartsWith(prefix));
        }
        var rows = await query
            .OrderBy(r => r.SearchName.StartsWith(folded) ? 0 : 1)
            .ThenBy(r => r.Level)
            .ThenBy(r => r.SearchName.Length)
            .ThenBy(r => r.Code)
            .Take(take)
            .Select(r => new RegionDto(r.Code, r.Name, r.Level, r.ParentCode))
            .ToListAsync(ct);
        var upper = await directory.UpperLevelsAsync(ct);
        return TypedResults.Ok(rows.Select(r => new RegionSearchHit(r.Code, r.Name, r.Level, r.ParentCode, PathOf(r.ParentCode, upper))).ToList());
    }

    /// <summary>"Kepanjenkidul, Kota Blitar, Jawa Timur": the parents' names, nearest first.</summary>
    public static string PathOf(string? parentCode, IReadOnlyDictionary<string, RegionSummary> upper)
    {
        var names = new List<string>(3);
        for (var code = parentCode; code is not null && upper.TryGetValue(code, out var r); code = r.ParentCode)
        {
            names.Add(r.Name);
        }
        return string.Join(", ", names);
    }
}
