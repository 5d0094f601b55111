namespace Tunas.Web.Features.Regions;

/// <summary>The regency/city the deployment serves (the agency's, which comes after regions in the feature order).</summary>
public interface IHomeRegency
{
    /// <summary>Dotted code, e.g. 35.72; null until the agency's settings name one.</summary>
    Task<string?> RegencyCodeAsync(CancellationToken ct = default);
}
