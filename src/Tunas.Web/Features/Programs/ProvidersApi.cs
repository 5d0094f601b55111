using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Registry;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Programs;

/// <summary>A training provider; type: lpk, smk or other; the phone is normalised to +62…</summary>
public sealed record ProviderBody
{
    public string? Name { get; init; }
    public string? Type { get; init; }
    public string? Address { get; init; }
    public string? VillageCode { get; init; }
    public int? Capacity { get; init; }
    public string? ContactName { get; init; }
    public string? ContactPhone { get; init; }
    public string? ContactEmail { get; init; }

    public ProviderInput ToInput() => new()
    {
        Name = Name,
        Type = Type,
        Address = Address,
        VillageCode = VillageCode,
        Capacity = Capacity?.ToString(CultureInfo.InvariantCulture),
        ContactName = ContactName,
        ContactPhone = ContactPhone,
        ContactEmail = ContactEmail,
    };
}

/// <summary>The agency's training providers (LPK, SMK, ...): <c>/api/v1/providers</c>.</summary>
public static class ProvidersApi
{
    public static IEndpointRouteBuilder MapProvidersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/providers").WithTags("Providers").RequireAuthorization(Policies.ManagePrograms);

        api.MapGet("/", ListAsync).WithSummary("The agency's training providers, by name.");
        api.MapPost("/", CreateAsync).WithSummary("Adds a training provider.");
        api.MapGet("/{id:int}", GetAsync).WithSummary("One training provider.");
        api.MapPut("/{id:int}", UpdateAsync).WithSummary("Changes a training provider.");
        return app;
    }

    internal static async Task<Ok<IReadOnlyList<ProviderRead>>> ListAsync(ProgramReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.ProvidersAsync(ct));

    internal static async Task<Results<Ok<ProviderRead>, NotFound>> GetAsync(int id, ProgramReader reader, CancellationToken ct) =>
        await reader.ProviderAsync(id, ct) is { } provider ? TypedResults.Ok(provider) : TypedResults.NotFound();

    internal static async Task<Results<Created<IdBody>, ValidationProblem>> CreateAsync(
        ProviderBody body, ProgramScope scope, ProgramWriter writer, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var check = ProviderFields.Check(body.ToInput(), await scope.CurrentVillageAsync(ct));
        if (check.Values is not { } values)
        {
            return TypedResults.ValidationProblem(PersonsApi.Errors(check.Errors, L));
        }
        var (id, errors) = await writer.CreateProviderAsync(values, ct);
        return id is { } created
            ? TypedResults.Created($"/api/v1/providers/{created}", new IdBody(created))
            : TypedResults.ValidationProblem(PersonsApi.Errors(errors, L));
    }

    internal static async Task<Results<Ok<ProviderRead>, NotFound, ValidationProblem>> UpdateAsync(
        int id, ProviderBody body, ProgramScope scope, ProgramWriter writer, ProgramReader reader, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (await scope.Providers.FirstOrDefaultAsync(p => p.Id == id, ct) is not { } provider)
        {
            return TypedResults.NotFound();
        }
        var check = ProviderFields.Check(body.ToInput(), await scope.CurrentVillageAsync(ct));
        if (check.Values is not { } values)
        {
            return TypedResults.ValidationProblem(PersonsApi.Errors(check.Errors, L));
        }
        var errors = await writer.UpdateProviderAsync(provider, values, ct);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(PersonsApi.Errors(errors, L));
        }
        return TypedResults.Ok((await reader.ProviderAsync(id, ct))!);
    }
}
