using System.Net.Mail;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Programs;

public sealed record ProviderInput
{
    public string? Name { get; init; }
    public string? Type { get; init; }
    public string? Address { get; init; }
    public string? VillageCode { get; init; }
    public string? Capacity { get; init; }
    public string? ContactName { get; init; }
    public string? ContactPhone { get; init; }
    public string? ContactEmail { get; init; }
}

public sealed record ProviderValues
{
    public required string Name { get; init; }
    public ProviderType Type { get; init; }
    public string? Address { get; init; }
    public string? VillageCode { get; init; }
    public int Capacity { get; init; }
    public string? ContactName { get; init; }
    public string? ContactPhone { get; init; }
    public string? ContactEmail { get; init; }
}

/// <summary>The rules of a training provider's record. Pure; the caller checks that the name is free.</summary>
public static class ProviderFields
{
    public const int NameMax = 200;
    public const int AddressMax = 300;
    public const int EmailMax = 256;
    public const int MaxCapacity = 10_000;

    public static Checked<ProviderValues> Check(ProviderInput input, Func<string, bool> isCurrentVillage)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(isCurrentVillage);
        var errors = new List<FieldIssue>();
        var name = Checks.Collapse(input.Name);
        if (name is null)
        {
            errors.Add(Checks.Issue("name", "required", ProgramMessages.ProviderNameRequiredMessage));
        }
        Checks.TooLong(name, NameMax, "name", errors);

        var type = ProviderType.Lpk;
        if (string.IsNullOrWhiteSpace(input.Type))
        {
            errors.Add(Checks.Issue("type", "required", ProgramMessages.ProviderTypeRequiredMessage));
        }
        else if (!Checks.TryEnum(input.Type, out type))
        {
            errors.Add(Checks.Issue("type", "invalid", ProgramMessages.ProviderTypeInvalidMessage, input.Type.Trim()));
        }

        var address = Checks.Collapse(input.Address);
        Checks.TooLong(address, AddressMax, "address", errors);

        string? village = null;
        if (!string.IsNullOrWhiteSpace(input.VillageCode))
        {
            village = input.VillageCode.Trim();
            if (!isCurrentVillage(village))
            {
                errors.Add(Checks.Issue("villageCode", "unknown", ProgramMessages.VillageInvalidMessage, village));
            }
        }

        var capacity = Checks.Whole(input.Capacity, "capacity", 1, MaxCapacity, ProgramMessages.CapacityRequiredMessage, ProgramMessages.CapacityInvalidMessage, errors);

        var contact = Checks.Collapse(input.ContactName);
        Checks.TooLong(contact, NameMax, "contactName", errors);

        string? phone = null;
        if (!string.IsNullOrWhiteSpace(input.ContactPhone) && !PhoneNumber.TryNormalize(input.ContactPhone, out phone))
        {
            errors.Add(Checks.Issue("contactPhone", "invalid", PersonMessages.PhoneInvalidMessage, input.ContactPhone.Trim()));
            phone = null;
        }

        string? email = null;
        if (!string.IsNullOrWhiteSpace(input.ContactEmail))
        {
            email = input.ContactEmail.Trim();
            if (email.Length > EmailMax)
            {
                Checks.TooLong(email, EmailMax, "contactEmail", errors);
            }
            else if (!IsEmail(email))
            {
                errors.Add(Checks.Issue("contactEmail", "invalid", ProgramMessages.EmailInvalidMessage, email));
            }
        }

        return Checks.Of(new ProviderValues
        {
            Name = name ?? "",
            Type = type,
            Address = address,
            VillageCode = village,
            Capacity = capacity ?? 0,
            ContactName = contact,
            ContactPhone = phone,
            ContactEmail = email,
        }, errors);
    }

    public static void Apply(Provider provider, ProviderValues values)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(values);
        provider.Name = values.Name;
        provider.Type = values.Type;
        provider.Address = values.Address;
        provider.VillageCode = values.VillageCode;
        provider.Capacity = values.Capacity;
        provider.ContactName = values.ContactName;
        provider.ContactPhone = values.ContactPhone;
        provider.ContactEmail = values.ContactEmail;
    }

    public static Dictionary<string, object?> Snapshot(Provider p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(StringComparer.Ordinal)
        {
            ["name"] = p.Name,
            ["type"] = p.Type.ToString(),
            ["address"] = p.Address,
            ["villageCode"] = p.VillageCode,
            ["capacity"] = p.Capacity,
            ["contactName"] = p.ContactName,
            ["contactPhone"] = p.ContactPhone,
            ["contactEmail"] = p.ContactEmail,
        };
    }

    /// <summary>One address with a local part, an @ and a domain with a dot; no display name.</summary>
    private static bool IsEmail(string text) =>
        text.Length <= EmailMax && !text.Contains(' ', StringComparison.Ordinal)
        && MailAddress.TryCreate(text, out var address) && address.Address == text && address.Host.Contains('.', StringComparison.Ordinal);
}
