using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Shared.Exports;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Impact;

/// <summary>The dashboard as JSON and its exports: aggregates only, never a person's row.</summary>
public static class DashboardApi
{
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/dashboard").WithTags("Impact").RequireAuthorization(ImpactPolicies.Dashboard);
        group.MapGet("/", GetAsync).WithSummary("The funnel, reach, outcomes, money and comparison for the filter.");
        group.MapGet("/export.xlsx", ExcelAsync).WithSummary("The dashboard as an Excel file: aggregates only.");
        group.MapGet("/open-data.csv", OpenDataAsync).WithSummary("Counts per kelurahan and track, counts of 1 to 4 as <5, no totals.");
        group.MapGet("/report.pdf", PdfAsync).WithSummary("The report for the mayor, charts drawn on the server.");
        return app;
    }

    internal static async Task<Results<Ok<Dashboard>, ValidationProblem>> GetAsync(
        [AsParameters] DashboardQuery query, DashboardReader reader, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var (filter, errors) = query.Read();
        if (filter is null)
        {
            return Problem(errors, L);
        }
        return TypedResults.Ok(await reader.ReadAsync(filter, ct));
    }

    internal static async Task<Results<StreamedFile, ValidationProblem>> ExcelAsync(
        [AsParameters] DashboardQuery query, DashboardReader reader, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var (filter, errors) = query.Read();
        if (filter is null)
        {
            return Problem(errors, L);
        }
        var d = await reader.ReadAsync(filter, ct);
        return new StreamedFile(SheetWriter.ContentType, SheetWriter.FileName("dampak", d.AsOf, "xlsx"), (body, token) => DashboardExcel.WriteAsync(body, d, L, token));
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem>> OpenDataAsync(
        [AsParameters] DashboardQuery query, DashboardReader reader, TimeProvider clock, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var (filter, errors) = query.Read();
        if (filter is null)
        {
            return Problem(errors, L);
        }
        var csv = OpenData.Csv(await reader.OpenDataAsync(filter, ct));
        return TypedResults.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", SheetWriter.FileName("data-terbuka-dampak", clock.TodayInIndonesia(), "csv"));
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem>> PdfAsync(
        [AsParameters] DashboardQuery query, DashboardReader reader, AgencyHeader agency, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var (filter, errors) = query.Read();
        if (filter is null)
        {
            return Problem(errors, L);
        }
        var d = await reader.ReadAsync(filter, ct);
        var bytes = DashboardPdf.Write(d, (await agency.GetAsync(ct)).Name, L);
        return TypedResults.File(bytes, "application/pdf", SheetWriter.FileName("laporan-dampak", d.AsOf, "pdf"));
    }

    internal static ValidationProblem Problem(Dictionary<string, (string Message, string[] Args)> errors, IStringLocalizer<SharedResource> L) =>
        TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { L[e.Value.Message, e.Value.Args].Value }));
}
