namespace Tunas.Web.Features.Programs.Providers;

/// <summary>The provider form of the Create and Edit pages, as posted: text, checked by <see cref="ProviderFields"/>.</summary>
public sealed class ProviderForm
{
    public string? Name { get; set; }
    public string? Type { get; set; }
    public string? Address { get; set; }
    public string? VillageCode { get; set; }
    public string? Capacity { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }

    public ProviderInput ToInput() => new()
    {
        Name = Name,
        Type = Type,
        Address = Address,
        VillageCode = VillageCode,
        Capacity = Capacity,
        ContactName = ContactName,
        ContactPhone = ContactPhone,
        ContactEmail = ContactEmail,
    };

    public static ProviderForm From(ProviderInput p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new()
        {
            Name = p.Name,
            Type = p.Type,
            Address = p.Address,
            VillageCode = p.VillageCode,
            Capacity = p.Capacity,
            ContactName = p.ContactName,
            ContactPhone = p.ContactPhone,
            ContactEmail = p.ContactEmail,
        };
    }
}

/// <summary>What _ProviderFields.cshtml needs besides the typed values: the agency's city for the region picker.</summary>
public sealed record ProviderFormView(ProviderForm Input, string? RegencyCode);
