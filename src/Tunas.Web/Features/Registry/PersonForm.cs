using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Registry;

/// <summary>The resident form of the Create and Edit pages, as posted: text, checked by <see cref="PersonRules"/>.</summary>
public sealed class PersonForm
{
    public string? Nik { get; set; }
    public string? FamilyCardNumber { get; set; }
    public string? FullName { get; set; }
    public string? Sex { get; set; }
    public string? BirthPlace { get; set; }
    public string? BirthDate { get; set; }
    public string? Address { get; set; }
    public string? Rt { get; set; }
    public string? Rw { get; set; }
    public string? VillageCode { get; set; }
    public string? Phone { get; set; }
    public string? Education { get; set; }
    public string? Occupation { get; set; }
    public string? EmploymentStatus { get; set; }
    public string? MaritalStatus { get; set; }
    public string? HouseholdRelation { get; set; }
    public bool Disability { get; set; }
    public string? WelfareDecile { get; set; }
    public string? WelfareSource { get; set; }
    public string? WelfareAsOf { get; set; }

    public PersonInput ToInput(string? nik = null) => new()
    {
        Nik = nik ?? Nik,
        FamilyCardNumber = FamilyCardNumber,
        FullName = FullName,
        Sex = Sex,
        BirthPlace = BirthPlace,
        BirthDate = BirthDate,
        Address = Address,
        Rt = Rt,
        Rw = Rw,
        VillageCode = VillageCode,
        Phone = Phone,
        Education = Education,
        Occupation = Occupation,
        EmploymentStatus = EmploymentStatus,
        MaritalStatus = MaritalStatus,
        HouseholdRelation = HouseholdRelation,
        Disability = Disability ? "ya" : "tidak",
        WelfareDecile = WelfareDecile,
        WelfareSource = WelfareSource,
        WelfareAsOf = WelfareAsOf,
    };

    /// <summary>The stored person as the edit form shows it; the NIK stays out (it is typed only to correct it).</summary>
    public static PersonForm From(Person p) => new()
    {
        FamilyCardNumber = p.FamilyCardNumber,
        FullName = p.FullName,
        Sex = p.Sex == Shared.Sex.Female ? "P" : "L",
        BirthPlace = p.BirthPlace,
        BirthDate = DateText.Iso(p.BirthDate),
        Address = p.Address,
        Rt = p.Rt,
        Rw = p.Rw,
        VillageCode = p.VillageCode,
        Phone = p.Phone,
        Education = p.Education?.ToString(),
        Occupation = p.Occupation,
        EmploymentStatus = p.EmploymentStatus?.ToString(),
        MaritalStatus = p.MaritalStatus?.ToString(),
        HouseholdRelation = p.HouseholdRelation?.ToString(),
        Disability = p.Disability,
        WelfareDecile = p.WelfareDecile?.ToString(CultureInfo.InvariantCulture),
        WelfareSource = p.WelfareSource,
        WelfareAsOf = p.WelfareAsOf is { } d ? DateText.Iso(d) : null,
    };

    /// <summary>The form key of an API field name: <c>birthDate</c> → <c>Input.BirthDate</c>.</summary>
    public static string Key(string field) =>
        field.Length == 0 ? "" : "Input." + char.ToUpperInvariant(field[0]) + field[1..];

    /// <summary>Puts each problem next to its field, in the user's language, with its advice.</summary>
    public static void AddErrors(IEnumerable<FieldIssue> issues, ModelStateDictionary state, IStringLocalizer L)
    {
        foreach (var issue in issues)
        {
            state.AddModelError(Key(issue.Field), Sentence(issue, L));
        }
    }

    /// <summary>Warnings by form key, shown next to their fields without blocking the save.</summary>
    public static Dictionary<string, List<string>> Warnings(IEnumerable<FieldIssue> issues, IStringLocalizer L) =>
        issues.GroupBy(i => Key(i.Field), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(i => Sentence(i, L)).ToList(), StringComparer.Ordinal);

    public static string Sentence(FieldIssue issue, IStringLocalizer L) =>
        issue.Advice is { } advice ? PersonsApi.Text(issue, L) + " " + L[advice] : PersonsApi.Text(issue, L);
}

/// <summary>What _PersonFields.cshtml needs besides the typed values.</summary>
public sealed record PersonFormView(
    PersonForm Input,
    string? RegencyCode,
    string? FixedVillageCode,
    string? FixedVillageName,
    IReadOnlyDictionary<string, List<string>> Warnings,
    string? MaskedNik = null)
{
    public RegionPickerModel Picker(string label) => new("Input.VillageCode", Input.VillageCode, RegencyCode, RegionLevel.Village, label);
}
