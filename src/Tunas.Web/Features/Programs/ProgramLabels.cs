using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Tunas.Web.Features.Programs;

/// <summary>How the program pages name codes and show values, in the user's language.</summary>
public static class ProgramLabels
{
    public static string Status(ProgramStatus status, IStringLocalizer L) => status switch
    {
        ProgramStatus.Draft => L["Draft"],
        ProgramStatus.Active => L["Active"],
        _ => L["Archived"],
    };

    public static string StatusBadge(ProgramStatus status) => status switch
    {
        ProgramStatus.Draft => "text-bg-secondary",
        ProgramStatus.Active => "text-bg-success",
        _ => "text-bg-light border",
    };

    public static string Kind(ModuleKind kind, IStringLocalizer L) => kind switch
    {
        ModuleKind.Craft => L["Craft"],
        ModuleKind.BusinessManagement => L["Business management"],
        ModuleKind.Bookkeeping => L["Bookkeeping"],
        ModuleKind.Marketing => L["Marketing"],
        ModuleKind.Permits => L["Permits"],
        _ => L["Other"],
    };

    public static string ProviderType(ProviderType type, IStringLocalizer L) => type switch
    {
        Programs.ProviderType.Lpk => L["LPK (training institution)"],
        Programs.ProviderType.Smk => L["SMK (vocational school)"],
        _ => L["Other (BLK, course, cooperative)"],
    };

    public static string SpillOver(SpillOverRule rule, IStringLocalizer L) => rule switch
    {
        SpillOverRule.None => L["Unused seats stay empty"],
        SpillOverRule.SameTrack => L["Unused seats go to applicants of the same track in other kelurahan"],
        _ => L["Unused seats go to the same track in other kelurahan, then to any track"],
    };

    public static string NameDisplay(NameDisplay display, IStringLocalizer L) => display switch
    {
        Programs.NameDisplay.Initials => L["Initials only (S. W.)"],
        _ => L["Full name"],
    };

    /// <summary>A date as Indonesians write it, day first; a dash when there is none.</summary>
    public static string Date(DateOnly? date) => date is { } d ? d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "—";

    public static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Money(long rupiah) => Rupiah.Format(rupiah, CultureInfo.CurrentCulture);
}
