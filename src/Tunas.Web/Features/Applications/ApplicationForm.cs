using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Registry;

namespace Tunas.Web.Features.Applications;

/// <summary>How the Apply and Create pages show the problems of an application; both bind <see cref="ApplicationInput"/>.</summary>
public static class ApplicationForm
{
    /// <summary>Puts each problem of the intake next to its field (a problem of no field above the form).</summary>
    public static void AddErrors(IEnumerable<FieldIssue> issues, ModelStateDictionary state, IStringLocalizer L)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (var issue in issues)
        {
            state.AddModelError(issue.Field is "" or "programId" ? "" : PersonForm.Key(issue.Field), ApplicationText.Issue(issue, L));
        }
    }

    /// <summary>
    /// The page's answer while the database cannot write: 503 with Retry-After, as the API answers, and the cause in
    /// plain words to show above the form, which keeps what was typed.
    /// </summary>
    public static string Unavailable(IntakeResult result, HttpResponse response, IStringLocalizer L)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = PublicApplicationsApi.UnavailableRetrySeconds;
        return string.Join(" ", result.Errors.Select(e => ApplicationText.Issue(e, L)).Append(L[KeptMessage]));
    }

    public const string KeptMessage = "What you filled in is still in the form below.";
}

/// <summary>The kelurahan/desa of one regency/city grouped by kecamatan, for a plain select that needs no script.</summary>
public sealed record VillageGroup(string DistrictName, IReadOnlyList<RegionSummary> Villages);

/// <summary>What _ApplicationFields.cshtml needs besides the typed values.</summary>
public sealed record ApplicationFormView(
    ApplicationInput Input,
    IntakeProgram Program,
    IReadOnlyList<VillageGroup> Villages,
    string? FixedVillageCode,
    string? FixedVillageName,
    bool ByOperator,
    string ConsentPurpose);

/// <summary>A receipt: the number, the checks, what comes next.</summary>
public sealed record ReceiptView(IntakeResult Result, IntakeProgram Program, string? Phone, bool ByOperator);

/// <summary>
/// The kelurahan of a regency/city by kecamatan, kept per regency until the region list changes: the public form
/// shows them on every visit.
/// </summary>
public sealed class VillageChoices(RegionDirectory regions)
{
    private static readonly StringComparer ByName = StringComparer.Create(CultureInfo.GetCultureInfo("id-ID"), ignoreCase: true);
    private readonly ConcurrentDictionary<string, (object Source, IReadOnlyList<VillageGroup> Groups)> _cache = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<VillageGroup>> OfRegencyAsync(string? regencyCode, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(regencyCode))
        {
            return [];
        }
        var villages = await regions.VillagesAsync(ct);
        if (_cache.TryGetValue(regencyCode, out var cached) && ReferenceEquals(cached.Source, villages))
        {
            return cached.Groups;
        }
        var upper = await regions.UpperLevelsAsync(ct);
        var prefix = regencyCode + ".";
        var groups = villages.Values
            .Where(v => v.IsCurrent && v.Code.StartsWith(prefix, StringComparison.Ordinal))
            .GroupBy(v => v.ParentCode ?? "")
            .Select(g => new VillageGroup(upper.TryGetValue(g.Key, out var d) ? d.Name : g.Key,
                [.. g.OrderBy(v => v.Name, ByName).ThenBy(v => v.Code, StringComparer.Ordinal)]))
            .OrderBy(g => g.DistrictName, ByName)
            .ToList();
        _cache[regencyCode] = (villages, groups);
        return groups;
    }

    public async Task<string?> NameAsync(string? code, CancellationToken ct = default) =>
        code is not null && (await regions.VillagesAsync(ct)).TryGetValue(code, out var v) ? v.Name : code;
}
