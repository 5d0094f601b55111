using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry;

/// <summary>What the registry pages share: the operator's own kelurahan, and warnings carried over a redirect.</summary>
public static class RegistryAccess
{
    private const string WarningsKey = "Warnings";

    /// <summary>The kelurahan a kelurahan operator is bound to; null for roles that see the whole registry.</summary>
    public static string? OwnVillage(CurrentUser me) =>
        me.IsInRole(Roles.VillageOperator) && !me.IsInRole(Roles.Administrator) && !me.IsInRole(Roles.ProgramOfficer)
            ? me.VillageCode ?? "-"
            : null;

    /// <summary>The desil and its source come from imports and officers only, never from a kelurahan operator (issue 12).</summary>
    public static bool MaySetWelfare(CurrentUser me) => OwnVillage(me) is null;

    public static bool GivesWelfare(PersonDto body) =>
        body.WelfareDecile is not null || !string.IsNullOrWhiteSpace(body.WelfareSource) || !string.IsNullOrWhiteSpace(body.WelfareAsOf);

    /// <summary>Whether the body would change the stored desil, its source or its date (the same values may be sent back).</summary>
    public static bool ChangesWelfare(Person person, PersonDto body)
    {
        var stored = PersonForm.From(person);
        return body.WelfareDecile != stored.WelfareDecile
            || !string.Equals(Blank(body.WelfareSource), stored.WelfareSource, StringComparison.Ordinal)
            || !string.Equals(Blank(body.WelfareAsOf), stored.WelfareAsOf, StringComparison.Ordinal);
    }

    /// <summary>An operator's form keeps what is stored: the locked fields are neither shown as editable nor taken.</summary>
    public static PersonDto KeepWelfare(PersonDto input, Person? stored) => input with
    {
        WelfareDecile = stored?.WelfareDecile,
        WelfareSource = stored?.WelfareSource,
        WelfareAsOf = stored?.WelfareAsOf is { } d ? Shared.DateText.Iso(d) : null,
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static void KeepWarnings(ITempDataDictionary tempData, Dictionary<string, List<string>> warnings)
    {
        if (warnings.Count > 0)
        {
            tempData[WarningsKey] = warnings.Values.SelectMany(w => w).ToArray();
        }
    }

    public static IReadOnlyList<string> TakeWarnings(ITempDataDictionary tempData) =>
        tempData[WarningsKey] as string[] ?? [];
}
