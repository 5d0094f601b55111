using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Tunas.Web.Features.Shared.Exports;

/// <summary>The addresses of the downloads, for the buttons on the lists: the list's own filters carried over.</summary>
public static class ExportLinks
{
    public static string Applications(int programId, string? village, int? track) => QueryHelpers.AddQueryString(
        $"/api/v1/programs/{programId.ToString(CultureInfo.InvariantCulture)}/applications.xlsx", Filters(("village", village), ("track", track)));

    public static string Registry(string? village, int? desil) =>
        QueryHelpers.AddQueryString("/api/v1/persons.xlsx", Filters(("village", village), ("desil", desil)));

    public static string SelectionResults(int programId, long runId) => Run(programId, runId) + "/results.xlsx";

    public static string SelectionReport(int programId, long runId) => Run(programId, runId) + "/report.pdf";

    private static string Run(int programId, long runId) =>
        $"/api/v1/programs/{programId.ToString(CultureInfo.InvariantCulture)}/selection-runs/{runId.ToString(CultureInfo.InvariantCulture)}";

    private static IEnumerable<KeyValuePair<string, string?>> Filters(params (string Key, object? Value)[] values) =>
        values.Where(v => v.Value is not null && !(v.Value is string s && string.IsNullOrWhiteSpace(s)))
            .Select(v => new KeyValuePair<string, string?>(v.Key, Convert.ToString(v.Value, CultureInfo.InvariantCulture)));
}
