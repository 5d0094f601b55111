using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Registry.Imports;

/// <summary>A file row checked: the values to store, or the reasons it is refused.</summary>
public sealed record RowCheck(PersonValues? Values, IReadOnlyList<ImportIssue> Issues, int Present)
{
    public bool Valid => Values is not null && Issues.Count == 0;
}

/// <summary>
/// Turns one row of a file into a checked person: cells → <see cref="PersonInput"/> → <see cref="PersonRules"/>, with
/// what only a file can get wrong checked first (a NIK that Excel turned into a number, a kelurahan given by name).
/// Pure: no I/O.
/// </summary>
public sealed class RowChecker(ColumnLayout layout, VillageMatcher? villages, RegistryContext context, string? operatorVillage)
{
    public RowCheck Check(SheetRow row)
    {
        var issues = new List<ImportIssue>();
        var present = 0;
        string? Text(ImportField field)
        {
            if (!layout.Columns.TryGetValue(field, out var i) || row[i].Kind == CellKind.Empty)
            {
                return null;
            }
            present |= Bit(field);
            return row[i].Text;
        }

        // A NIK or No. KK held by a number cell has lost its last digit(s) already: refuse it, whatever it looks like now.
        var nik = Text(ImportField.Nik);
        if (Kind(row, ImportField.Nik) == CellKind.Number)
        {
            issues.Add(new ImportIssue(ImportField.Nik, Nik.ExcelDamagedMessage, [], PersonMessages.ExcelDamagedAdvice));
            nik = null;
        }
        var familyCard = Text(ImportField.FamilyCardNumber);
        if (Kind(row, ImportField.FamilyCardNumber) == CellKind.Number)
        {
            issues.Add(new ImportIssue(ImportField.FamilyCardNumber, FamilyCardNumber.ExcelDamagedMessage, [], PersonMessages.ExcelDamagedAdvice));
            familyCard = null;
        }

        string? village;
        if (layout.Has(ImportField.VillageCode))
        {
            var match = villages?.Match(Text(ImportField.VillageCode), Text(ImportField.District)) ?? new VillageMatch(Text(ImportField.VillageCode), null);
            if (match.Issue is { } issue)
            {
                issues.Add(issue);
            }
            village = match.Code;
        }
        else
        {
            // A kelurahan operator's file may leave the kelurahan out: it is theirs.
            village = operatorVillage;
        }

        var input = new PersonInput
        {
            Nik = nik,
            FamilyCardNumber = familyCard,
            FullName = Text(ImportField.FullName),
            Sex = Text(ImportField.Sex),
            BirthPlace = Text(ImportField.BirthPlace),
            BirthDate = Text(ImportField.BirthDate),
            Address = Text(ImportField.Address),
            Rt = Text(ImportField.Rt),
            Rw = Text(ImportField.Rw),
            VillageCode = village,
            Phone = Text(ImportField.Phone),
            Education = Text(ImportField.Education),
            Occupation = Text(ImportField.Occupation),
            EmploymentStatus = Text(ImportField.EmploymentStatus),
            MaritalStatus = Text(ImportField.MaritalStatus),
            HouseholdRelation = Text(ImportField.HouseholdRelation),
            Disability = Text(ImportField.Disability),
            WelfareDecile = Text(ImportField.WelfareDecile),
            WelfareSource = Text(ImportField.WelfareSource),
            WelfareAsOf = Text(ImportField.WelfareAsOf),
        };
        var check = PersonRules.Check(input, context);
        foreach (var error in check.Errors)
        {
            var field = ImportFields.TryParse(error.Field, out var f) ? f : ImportField.Nik;
            // One explanation per cell: "damaged by Excel" says more than "fill in the NIK".
            if (!issues.Exists(i => i.Field == field))
            {
                issues.Add(new ImportIssue(field, error.Message, error.Args, error.Advice));
            }
        }
        if (check.Values is { } values && operatorVillage is not null && values.VillageCode != operatorVillage && issues.Count == 0)
        {
            issues.Add(new ImportIssue(ImportField.VillageCode, ImportMessages.OtherVillageMessage, [values.VillageCode], ImportMessages.OtherVillageAdvice));
        }
        return new RowCheck(issues.Count == 0 ? check.Values : null, issues, present);
    }

    public static int Bit(ImportField field) => 1 << (int)field;

    /// <summary>The NIK cell as a number key for spotting the same NIK twice in a file; null unless it is 16 digits of text.</summary>
    public static long? NikKey(Cell cell)
    {
        if (cell.Kind != CellKind.Text || cell.Text.Length != 16)
        {
            return null;
        }
        long key = 0;
        foreach (var c in cell.Text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return null;
            }
            key = (key * 10) + (c - '0');
        }
        return key;
    }

    private CellKind Kind(SheetRow row, ImportField field) =>
        layout.Columns.TryGetValue(field, out var i) ? row[i].Kind : CellKind.Empty;
}
