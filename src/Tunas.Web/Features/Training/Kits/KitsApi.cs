using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Registry;

namespace Tunas.Web.Features.Training.Kits;

public sealed record KitTemplateBody(IReadOnlyList<KitItemBody?>? Items);

/// <summary>A hand-over sent as JSON: the signature as a PNG data URL (a photo comes as multipart instead).</summary>
public sealed record HandoverBody(string? HandedOverOn, IReadOnlyList<KitItemBody?>? Items, string? Signature);

public sealed record HandoverCreated(long Id);

public sealed record VoidBody(string? Reason);

/// <summary>Starter kits: templates per track, the program's stock and totals, and hand-overs with their receipts.</summary>
public static class KitsApi
{
    public static IEndpointRouteBuilder MapKitsApi(this IEndpointRouteBuilder app)
    {
        var programs = app.MapGroup("/api/v1/programs/{id:int}").WithTags("Training").RequireAuthorization(TrainingPolicies.ManageCohorts);
        programs.MapPut("/tracks/{trackId:int}/kit", PutTemplateAsync).WithSummary("Sets a track's kit template {items:[{name, quantity, unitValue}]}.");
        programs.MapPut("/kit-stock", PutStockAsync).WithSummary("Sets the items the program bought for its kits {items:[{name, quantity, unitValue}]}.");
        programs.MapGet("/kits", TotalsAsync).WithSummary("Kit templates, stock (bought, handed over, left) and the program's money: budget, transport paid, kits, remaining.");

        var cohorts = app.MapGroup("/api/v1/cohorts/{id:int}").WithTags("Training");
        cohorts.MapPost("/participants/{participantId:long}/kit-handover", HandOverAsync).RequireAuthorization(TrainingPolicies.Cohorts)
            .WithSummary("Records a kit handed over: multipart (photo, handedOverOn) or JSON {handedOverOn, items, signature: PNG data URL}; the template's items by default.");
        cohorts.MapGet("/kit-handovers", ListAsync).RequireAuthorization(TrainingPolicies.Cohorts).WithSummary("The cohort's kit hand-overs.");
        cohorts.MapGet("/kit-handovers/{handoverId:long}/receipt", ReceiptAsync).RequireAuthorization(TrainingPolicies.Cohorts).WithSummary("A hand-over's receipt, A4 PDF.");
        cohorts.MapGet("/kit-handovers/{handoverId:long}/proof", ProofAsync).RequireAuthorization(TrainingPolicies.Cohorts).WithSummary("A hand-over's photo or signature.");
        cohorts.MapPost("/kit-handovers/{handoverId:long}/void", VoidAsync).RequireAuthorization(TrainingPolicies.ManageCohorts)
            .WithSummary("Voids a hand-over with a reason (audited); the participant may then receive a kit again.");
        return app;
    }

    internal static async Task<Results<NoContent, NotFound, ValidationProblem>> PutTemplateAsync(
        int id, int trackId, KitTemplateBody body, KitBook book, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        await book.SaveTemplateAsync(id, trackId, body.Items, ct) switch
        {
            null => TypedResults.NotFound(),
            { Count: 0 } => TypedResults.NoContent(),
            var errors => TypedResults.ValidationProblem(PersonsApi.Errors(errors, L)),
        };

    internal static async Task<Results<NoContent, NotFound, ValidationProblem>> PutStockAsync(
        int id, KitTemplateBody body, KitBook book, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        await book.SaveStockAsync(id, body.Items, ct) switch
        {
            null => TypedResults.NotFound(),
            { Count: 0 } => TypedResults.NoContent(),
            var errors => TypedResults.ValidationProblem(PersonsApi.Errors(errors, L)),
        };

    internal static async Task<Results<Ok<ProgramKits>, NotFound>> TotalsAsync(int id, KitBook book, CancellationToken ct) =>
        await book.ReadAsync(id, ct) is { } kits ? TypedResults.Ok(kits) : TypedResults.NotFound();

    internal static async Task<Results<Created<HandoverCreated>, NotFound, ValidationProblem, ProblemHttpResult>> HandOverAsync(
        int id, long participantId, HttpRequest request, KitHandovers handovers, KitProofs proofs, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var asked = await ReadRequestAsync(request, proofs, ct);
        var result = await handovers.HandOverAsync(id, participantId, asked, ct);
        return result.Outcome switch
        {
            HandoverOutcome.Created => TypedResults.Created($"/api/v1/cohorts/{id}/kit-handovers/{result.Id}/receipt", new HandoverCreated(result.Id!.Value)),
            HandoverOutcome.NotFound => TypedResults.NotFound(),
            HandoverOutcome.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: PersonsApi.Text(result.Errors[0], L)),
            _ => TypedResults.ValidationProblem(PersonsApi.Errors(result.Errors, L)),
        };
    }

    internal static async Task<Results<Ok<IReadOnlyList<KitHandoverRead>>, NotFound>> ListAsync(int id, KitHandovers handovers, CancellationToken ct) =>
        await handovers.ListAsync(id, null, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    internal static async Task<Results<FileContentHttpResult, NotFound>> ReceiptAsync(
        int id, long handoverId, KitHandovers handovers, CohortReader reader, KitReceiptPdf pdf, CohortScope scope, CancellationToken ct)
    {
        if (await handovers.ListAsync(id, handoverId, ct) is not [var handover] || await reader.ReadAsync(id, ct) is not { } cohort)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.File(await pdf.CreateAsync(handover, cohort, scope.AgencyId, ct), "application/pdf", $"tanda-terima-{handoverId}.pdf");
    }

    internal static async Task<Results<PhysicalFileHttpResult, NotFound>> ProofAsync(int id, long handoverId, KitHandovers handovers, CancellationToken ct) =>
        await handovers.ProofAsync(id, handoverId, ct) is { } proof ? TypedResults.PhysicalFile(proof.Path, proof.ContentType) : TypedResults.NotFound();

    internal static async Task<Results<NoContent, NotFound, ValidationProblem>> VoidAsync(
        int id, long handoverId, VoidBody body, KitHandovers handovers, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        await handovers.VoidAsync(id, handoverId, body.Reason, ct) switch
        {
            null => TypedResults.NotFound(),
            { Count: 0 } => TypedResults.NoContent(),
            var errors => TypedResults.ValidationProblem(PersonsApi.Errors(errors, L)),
        };

    /// <summary>
    /// The hand-over from a multipart form (photo, signature, handedOverOn) or a JSON body. A photo over the limit is not
    /// read at all; its length alone answers.
    /// </summary>
    internal static async Task<HandoverRequest> ReadRequestAsync(HttpRequest request, KitProofs proofs, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(ct);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
            {
                return new HandoverRequest(null, null, null, proofs.MaxBytes + 1);
            }
            var date = form["handedOverOn"].FirstOrDefault();
            if (form.Files.GetFile("photo") is { Length: > 0 } photo)
            {
                if (photo.Length > proofs.MaxBytes)
                {
                    return new HandoverRequest(date, null, null, photo.Length);
                }
                using var bytes = new MemoryStream();
                await photo.CopyToAsync(bytes, ct);
                return new HandoverRequest(date, null, new KitProofUpload(KitProof.Photo, bytes.ToArray()), photo.Length);
            }
            return FromSignature(date, null, form["signature"].FirstOrDefault());
        }
        HandoverBody? body;
        try
        {
            body = await request.ReadFromJsonAsync<HandoverBody>(JsonSerializerOptions.Web, ct);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            body = null;
        }
        return FromSignature(body?.HandedOverOn, body?.Items, body?.Signature);
    }

    private static HandoverRequest FromSignature(string? date, IReadOnlyList<KitItemBody?>? items, string? signature) =>
        string.IsNullOrEmpty(signature)
            ? new HandoverRequest(date, items, null, 0)
            : new HandoverRequest(date, items, KitProofs.FromDataUrl(signature) is { } png ? new KitProofUpload(KitProof.Signature, png) : null, signature.Length);
}
