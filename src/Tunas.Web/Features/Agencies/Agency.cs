using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tunas.Web.Features.Agencies;

/// <summary>
/// The government agency that runs programs (e.g. Dinas Sosial Kota Blitar). One deployment serves one agency
/// today; every agency-owned row carries <see cref="Id"/> so that many can share one database later (decision 0003).
/// </summary>
public sealed class Agency
{
    public int Id { get; set; }

    /// <summary>Home regency/city, dotted Kemendagri code (e.g. <c>35.72</c>).</summary>
    public string? RegencyCode { get; set; }

    public string Name { get; set; } = "";
    public string? Address { get; set; }
    public string? HeadName { get; set; }
    public string? HeadTitle { get; set; }
    public string? SignatoryName { get; set; }
    public string? SignatoryTitle { get; set; }
    public string? SignatoryEmployeeNumber { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> e)
    {
        e.Property(x => x.RegencyCode).HasMaxLength(5);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Address).HasMaxLength(400);
        e.Property(x => x.HeadName).HasMaxLength(200);
        e.Property(x => x.HeadTitle).HasMaxLength(200);
        e.Property(x => x.SignatoryName).HasMaxLength(200);
        e.Property(x => x.SignatoryTitle).HasMaxLength(200);
        e.Property(x => x.SignatoryEmployeeNumber).HasMaxLength(30);
        e.HasIndex(x => x.RegencyCode);
    }
}
