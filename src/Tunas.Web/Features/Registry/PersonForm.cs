using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Registry;

/// <summary>
/// How the Create and Edit pages show a resident and their problems. The pages bind the API's own body,
/// <see cref="PersonDto"/>: one shape, one mapping to the rules' text (<see cref="PersonDto.ToInput"/>).
/// </summary>
public static class PersonForm
{
    /// <summary>The stored person as the edit form shows it; the NIK stays out (it is typed only to correct it).</summary>
    public static PersonDto From(Person p) => new()
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
        WelfareDecile = p.WelfareDecile,
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
    PersonDto Input,
    string? RegencyCode,
    string? FixedVillageCode,
    string? FixedVillageName,
    IReadOnlyDictionary<string, List<string>> Warnings,
    string? MaskedNik = null,
    string? MaskedFamilyCard = null,
    bool FamilyCardShown = false)
{
    public RegionPickerModel Picker(string label) => new("Input.VillageCode", Input.VillageCode, RegencyCode, RegionLevel.Village, label);
}
