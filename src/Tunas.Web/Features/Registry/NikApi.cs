using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry;

public sealed record NikCheckRequest(string? Nik);

public sealed record IssueDto(string Code, string Message);

public sealed record NikCheckResponse(
    bool Valid,
    IReadOnlyList<IssueDto> Errors,
    IReadOnlyList<IssueDto> Warnings,
    string? Sex,
    string? BirthDate,
    string? DistrictCode,
    string? DistrictName,
    string? RegencyName,
    string? ProvinceName);

/// <summary>Checks a NIK without storing it. The NIK travels in the body only, never in a URL.</summary>
public static class NikApi
{
    public static IEndpointRouteBuilder MapNik(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/nik").WithTags("NIK").RequireAuthorization(Policies.CheckNik);

        api.MapPost("/check", CheckAsync);
        return app;
    }

    internal static async Task<Ok<NikCheckResponse>> CheckAsync(
        NikCheckRequest request, NikChecker checker, CancellationToken ct) =>
        TypedResults.Ok(await checker.CheckAsync(request.Nik, ct));
}

/// <summary>The NIK rules with the region list and the user's language: shared by the API and the NIK page.</summary>
public sealed class NikChecker(RegionDirectory regions, TimeProvider clock, IStringLocalizer<SharedResource> L)
{
    public async Task<NikCheckResponse> CheckAsync(string? nik, CancellationToken ct)
    {
        var lookup = await regions.DistrictLookupAsync(ct);
        var check = Nik.Check(nik, clock.TodayInIndonesia(), lookup);
        var parsed = check.Nik;
        return new NikCheckResponse(
            check.Valid,
            check.Errors.Select(Localize).ToList(),
            check.Warnings.Select(Localize).ToList(),
            parsed is { } p ? (p.Sex == Sex.Female ? "F" : "M") : null,
            parsed?.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            parsed?.DistrictCode,
            check.Region?.DistrictName,
            check.Region?.RegencyName,
            check.Region?.ProvinceName);
    }

    private IssueDto Localize(NikIssue issue) => new(issue.Code, issue.Format(L[issue.Message]));
}
