namespace Tunas.Web.Features.Agencies;

/// <summary>Starting values for the agency, section <c>Agency</c>; a value set here wins over the stored one at start.</summary>
public sealed class AgencyOptions
{
    public const string Section = "Agency";

    public string? Name { get; set; }
    public string? RegencyCode { get; set; }
    public string? Address { get; set; }
    public string? HeadName { get; set; }
    public string? HeadTitle { get; set; }
    public string? SignatoryName { get; set; }
    public string? SignatoryTitle { get; set; }
    public string? SignatoryEmployeeNumber { get; set; }
}
