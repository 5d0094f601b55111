namespace Tunas.Web.Features.Users;

/// <summary>What the shared user fields (_UserFields.cshtml) show.</summary>
public sealed record UserFormModel(string? FullName, string? Role, string? VillageCode, int? ProviderId, string? AgencyRegencyCode);
