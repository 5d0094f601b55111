using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry.Held;

public sealed record ResolveHeldRequest(string? Resolution, string? Note);

public sealed record VerifyPersonRequest(IReadOnlyList<string>? Documents, string? Note);

/// <summary>An officer's answers to what waits: a held create resolved, a self-registered resident verified (decision 0021).</summary>
public static class HeldApi
{
    public static IEndpointRouteBuilder MapHeld(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/persons").WithTags("Persons").RequireAuthorization(Policies.RegistryReview);

        api.MapPost("/held/{id:long}/resolve", ResolveAsync);
        api.MapPost("/{id:long}/verify", VerifyAsync);
        return app;
    }

    internal static async Task<Results<NoContent, NotFound, ValidationProblem>> ResolveAsync(
        long id, ResolveHeldRequest body, HeldPersons held, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Enum.TryParse<PendingResolution>(body.Resolution, ignoreCase: true, out var resolution) || !Enum.IsDefined(resolution) || resolution == PendingResolution.Released || !Named(body.Resolution))
        {
            errors["resolution"] = [L["Choose what to do with the record: moved, merged or rejected."]];
        }
        if (string.IsNullOrWhiteSpace(body.Note) || body.Note.Length > 500)
        {
            errors["note"] = [L["Write a note on what was checked (at most 500 characters)."]];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var (outcome, issues) = await held.ResolveAsync(id, resolution, body.Note!.Trim(), ct);
        return outcome switch
        {
            ResolveOutcome.Done => TypedResults.NoContent(),
            ResolveOutcome.NotFound => TypedResults.NotFound(),
            ResolveOutcome.AlreadyResolved => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [L["This record was resolved already."]] }),
            _ => TypedResults.ValidationProblem(PersonsApi.Errors(issues, L)),
        };
    }

    internal static async Task<Results<NoContent, NotFound, ValidationProblem>> VerifyAsync(
        long id, VerifyPersonRequest body, PersonVerification verification, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var documents = new List<IdentityDocument>();
        foreach (var text in body.Documents ?? [])
        {
            if (!Enum.TryParse<IdentityDocument>(text, ignoreCase: true, out var document) || !Enum.IsDefined(document) || !Named(text))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["documents"] = [L["Documents are ktp, kk, sktm or other."]] });
            }
            documents.Add(document);
        }
        if (body.Note is { Length: > 500 })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["note"] = [L["The note may have at most 500 characters."]] });
        }
        return await verification.VerifyAsync(id, documents, body.Note?.Trim(), ct) switch
        {
            VerifyOutcome.Verified => TypedResults.NoContent(),
            VerifyOutcome.NoDocument => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["documents"] = [L["Tick at least one document you saw."]] }),
            VerifyOutcome.AlreadyVerified => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [L["This resident is verified already."]] }),
            _ => TypedResults.NotFound(),
        };
    }

    /// <summary>A name, not a number: Enum.TryParse takes "7" too.</summary>
    private static bool Named(string? text) => text is { Length: > 0 } && char.IsAsciiLetter(text[0]);
}
