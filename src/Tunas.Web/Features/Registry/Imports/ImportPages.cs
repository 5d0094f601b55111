using System.Globalization;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Registry.Imports;

/// <summary>What the import pages show in the user's language.</summary>
public static class ImportPages
{
    public static string FieldLabel(ImportField field, IStringLocalizer L) => field switch
    {
        ImportField.Nik => L["NIK"],
        ImportField.FamilyCardNumber => L["Family card number (No. KK)"],
        ImportField.FullName => L["Full name"],
        ImportField.Sex => L["Sex"],
        ImportField.BirthPlace => L["Place of birth"],
        ImportField.BirthDate => L["Birth date"],
        ImportField.Address => L["Address"],
        ImportField.Rt => L["RT"],
        ImportField.Rw => L["RW"],
        ImportField.VillageCode => L["Kelurahan/desa"],
        ImportField.District => L["Kecamatan"],
        ImportField.Phone => L["Phone/WhatsApp"],
        ImportField.Education => L["Education"],
        ImportField.Occupation => L["Occupation"],
        ImportField.EmploymentStatus => L["Employment status"],
        ImportField.MaritalStatus => L["Marital status"],
        ImportField.HouseholdRelation => L["Relation to the head of the family (SHDK)"],
        ImportField.Disability => L["Disability"],
        ImportField.WelfareDecile => L["Welfare decile (desil)"],
        ImportField.WelfareSource => L["Source of the welfare data"],
        _ => L["Date of the welfare data"],
    };

    public static string StatusLabel(ImportStatus status, IStringLocalizer L) => status switch
    {
        ImportStatus.AwaitingMapping => L["Waiting for the column check"],
        ImportStatus.Queued => L["Waiting to start"],
        ImportStatus.Running => L["Importing"],
        ImportStatus.Completed => L["Completed"],
        ImportStatus.Paused => L["Paused"],
        _ => L["Failed"],
    };

    public static string StatusClass(ImportStatus status) => status switch
    {
        ImportStatus.Completed => "text-bg-success",
        ImportStatus.Failed => "text-bg-danger",
        ImportStatus.Running => "text-bg-primary",
        ImportStatus.Paused => "text-bg-warning",
        _ => "text-bg-secondary",
    };

    /// <summary>A preview cell: anything that may be a NIK or No. KK (a long run of digits, or Excel's 3.57E+15) is masked.</summary>
    public static string Preview(Cell cell)
    {
        var text = cell.Text;
        var digits = text.Count(char.IsAsciiDigit);
        if (digits >= 10 && (digits == text.Length || text.Contains("E+", StringComparison.OrdinalIgnoreCase) || cell.Kind == CellKind.Number))
        {
            return Nik.Mask(text);
        }
        return text.Length > 40 ? text[..40] + "…" : text;
    }

    public static int Percent(ImportJob job) =>
        job.Status == ImportStatus.Completed ? 100 : job.TotalRows == 0 ? 0 : (int)(100L * job.ProcessedRows / job.TotalRows);

    public static string When(DateTime utc) =>
        utc.AddHours(7).ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture);
}
