using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;

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

        // Answered from memory straight after routing: nothing later in the pipeline (sign-in, language, the
        // setup redirect) changes them. The search stays in the pipeline: its errors speak the user's language.
        api.MapGet("/stats", GetStatsAsync).ShortCircuit();
        api.MapGet("/{code}", GetAsync).ShortCircuit();
        api.MapGet("/{code}/children", GetChildrenAsync).ShortCircuit();
        api.MapGet("/", SearchAsync);
        return app;
    }

    internal static async Task<JsonBytes<RegionStats>> GetStatsAsync(RegionDirectory directory, CancellationToken ct) =>
        new((await directory.IndexAsync(ct)).StatsJson);

    internal static async Task<Results<JsonBytes<RegionDto>, NotFound>> GetAsync(string code, RegionDirectory directory, CancellationToken ct) =>
        (await directory.IndexAsync(ct)).RegionJson(code) is { } json ? new JsonBytes<RegionDto>(json) : TypedResults.NotFound();

    /// <summary>Current children by name; the root (<c>-</c>) lists the provinces.</summary>
    internal static async Task<Results<JsonBytes<List<RegionDto>>, NotFound>> GetChildrenAsync(string code, RegionDirectory directory, CancellationToken ct) =>
        (await directory.IndexAsync(ct)).ChildrenJson(code == "-" ? null : code) is { } json ? new JsonBytes<List<RegionDto>>(json) : TypedResults.NotFound();

    /// <summary>Name search, case and accent insensitive; optionally one level and inside one region (<c>within=35.72</c>).</summary>
    internal static async Task<Results<JsonBytes<List<RegionSearchHit>>, ValidationProblem>> SearchAsync(
        string? q, string? level, string? within, int? limit, RegionDirectory directory,
        IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (Validate(q, level, L) is { } problem)
        {
            return problem;
        }
        var index = await directory.IndexAsync(ct);
        return new JsonBytes<List<RegionSearchHit>>(index.SearchJson(SearchText.Key(q), LevelOf(level), within, Math.Clamp(limit ?? 20, 1, 100)));
    }

    /// <summary>The search's rules on its inputs, shared by the API and the regions page.</summary>
    internal static ValidationProblem? Validate(string? q, string? level, IStringLocalizer<SharedResource> L)
    {
        if (SearchText.Key(q).Length < 2)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [L["Type at least 2 letters of the name."]] });
        }
        if (!string.IsNullOrWhiteSpace(level) && LevelOf(level) is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["level"] = [L["Level is one of: province, regency, district, village."]] });
        }
        return null;
    }

    private static RegionLevel? LevelOf(string? level) =>
        !string.IsNullOrWhiteSpace(level) && Enum.TryParse<RegionLevel>(level, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;

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
