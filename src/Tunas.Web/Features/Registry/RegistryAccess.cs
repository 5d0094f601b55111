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
