namespace Tunas.Web.Features.Programs.Providers;

/// <summary>
/// What _ProviderFields.cshtml needs besides the typed values: the agency's city for the region picker. The pages
/// bind <see cref="ProviderInput"/> itself; the API's typed body maps to it (<see cref="ProviderBody.ToInput"/>).
/// </summary>
public sealed record ProviderFormView(ProviderInput Input, string? RegencyCode);
