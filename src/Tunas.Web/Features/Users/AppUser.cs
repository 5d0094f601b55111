using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tunas.Web.Features.Agencies;

namespace Tunas.Web.Features.Users;

/// <summary>A person who signs in. The role lives in Identity's role tables; the row-level bindings live here.</summary>
public sealed class AppUser : IdentityUser
{
    public string? FullName { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }

    /// <summary>For a VillageOperator: the one kelurahan/desa (dotted code) whose residents they may see.</summary>
    public string? VillageCode { get; set; }

    /// <summary>For ProviderStaff: the training provider whose cohorts they may see.</summary>
    public int? ProviderId { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> e)
    {
        e.Property(x => x.FullName).HasMaxLength(200);
        e.Property(x => x.VillageCode).HasMaxLength(13);
        e.HasOne(x => x.Agency).WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
