using System.IO.Compression;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared.Exports;
using Tunas.Web.Features.Training.Participants;

namespace Tunas.Web.Features.Training.Certificates;

public sealed record NotEligibleBody(long ParticipantId, IReadOnlyList<string> Reasons);

public sealed record IssuedBody(IReadOnlyList<IssuedRead> Issued, IReadOnlyList<NotEligibleBody> NotEligible);

public sealed record RevokeBody(string? Reason);

public sealed record RevokedRead(long Id, string Number, string Status, DateOnly? RevokedOn);

/// <summary>Certificates: issue, download, revoke (staff), a participant's own, and the public check by code.</summary>
public static class CertificatesApi
{
    public static IEndpointRouteBuilder MapCertificatesApi(this IEndpointRouteBuilder app)
    {
        var officers = app.MapGroup("/api/v1").WithTags("Training").RequireAuthorization(TrainingPolicies.ManageCohorts);
        officers.MapPost("/cohorts/{id:int}/certificates", IssueAsync).WithSummary("Issues a certificate to each participant who completed and has none yet.");
        officers.MapPost("/certificates/{id:long}/revoke", RevokeAsync).WithSummary("Revokes a certificate {reason} (audited); the public check shows it at once.");

        var trainers = app.MapGroup("/api/v1").WithTags("Training").RequireAuthorization(TrainingPolicies.Cohorts);
        trainers.MapGet("/certificates/{id:long}/pdf", PdfAsync).WithSummary("A certificate as an A4 PDF.");
        trainers.MapGet("/cohorts/{id:int}/certificates.zip", ZipAsync).WithSummary("The cohort's certificates, one PDF each, as one ZIP.");

        app.MapGet("/api/v1/me/certificate.pdf", OwnAsync).WithTags("Training").RequireAuthorization(CertificatePolicies.Participant)
            .WithSummary("The signed-in participant's own certificate; 404 when none is issued.");

        app.MapGet("/api/v1/public/certificates/{code}", VerifyAsync).WithTags("Public").AllowAnonymous().RequireRateLimiting(PublicRateLimits.Verify)
            .WithSummary("Checks a certificate by its code: holder, track, provider, dates, number, status (valid or revoked). Never cached.");
        return app;
    }

    internal static async Task<Results<Ok<IssuedBody>, NotFound>> IssueAsync(int id, CertificateIssuer issuer, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (await issuer.IssueAsync(id, ct) is not { } result)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(new IssuedBody(result.Issued,
            [.. result.NotEligible.Select(n => new NotEligibleBody(n.ParticipantId, [.. n.Reasons.Select(r => r.Format(L[r.Message]))]))]));
    }

    internal static async Task<Results<Ok<RevokedRead>, NotFound, ValidationProblem>> RevokeAsync(
        long id, RevokeBody? body, CertificateIssuer issuer, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (await issuer.RevokeAsync(id, body?.Reason, ct) is not { } result)
        {
            return TypedResults.NotFound();
        }
        return result.Revoked is { } c
            ? TypedResults.Ok(new RevokedRead(c.Id, c.Number, "revoked", c.RevokedOn))
            : TypedResults.ValidationProblem(PersonsApi.Errors(result.Errors, L));
    }

    internal static async Task<Results<FileContentHttpResult, NotFound>> PdfAsync(long id, CertificateReader reader, CertificateDocument document, CancellationToken ct)
    {
        if (await reader.FindAsync(id, ct) is not { } certificate)
        {
            return TypedResults.NotFound();
        }
        var pdf = document.Render(certificate, await reader.ContextAsync(certificate.AgencyId, certificate.CohortId, ct));
        return TypedResults.File(pdf, "application/pdf", CertificateDocument.FileName(certificate));
    }

    internal static async Task<Results<StreamedFile, NotFound>> ZipAsync(int id, CertificateReader reader, CertificateDocument document, CohortScope scope, CancellationToken ct)
    {
        if (await reader.OfCohortAsync(id, ct) is not { } certificates)
        {
            return TypedResults.NotFound();
        }
        var context = await reader.ContextAsync(scope.AgencyId, id, ct);
        return new StreamedFile("application/zip", $"sertifikat-angkatan-{id}.zip", async (stream, token) =>
        {
            // One PDF at a time: the archive goes out as each is made, never held whole.
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var certificate in certificates)
            {
                var pdf = document.Render(certificate, context);
                var entry = zip.CreateEntry(CertificateDocument.FileName(certificate), CompressionLevel.NoCompression);
                await using var target = await entry.OpenAsync(token);
                await target.WriteAsync(pdf, token);
            }
        });
    }

    internal static async Task<Results<FileContentHttpResult, NotFound>> OwnAsync(
        ParticipantSelf self, CertificateReader reader, CertificateDocument document, CancellationToken ct)
    {
        if (await self.FindAsync(ct) is not { } participant || await reader.OfParticipantAsync(participant, ct) is not { } certificate)
        {
            return TypedResults.NotFound();
        }
        var pdf = document.Render(certificate, await reader.ContextAsync(certificate.AgencyId, certificate.CohortId, ct));
        return TypedResults.File(pdf, "application/pdf", CertificateDocument.FileName(certificate));
    }

    internal static async Task<Results<Ok<PublicCertificate>, NotFound>> VerifyAsync(string code, CertificateReader reader, HttpContext http, CancellationToken ct)
    {
        // A revocation must show at once: no cache, anywhere, for a found code or not.
        http.Response.Headers.CacheControl = "no-store";
        return await reader.VerifyAsync(code, ct) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound();
    }
}
