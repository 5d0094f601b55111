namespace Tunas.Web.Features.Registry.Imports;

/// <summary>A problem with one cell of a row; <see cref="Message"/> and <see cref="Advice"/> are English localization keys.</summary>
public sealed record ImportIssue(ImportField Field, string Message, IReadOnlyList<string> Args, string? Advice = null);

/// <summary>The English texts of imports; each is also its localization key.</summary>
public static class ImportMessages
{

    // Why a file is refused or a job failed.
    public const string NoFileMessage = "Choose a file to import.";
    public const string EmptyFileMessage = "The file is empty.";
    public const string WrongExtensionMessage = "Only .xlsx, .xls and .csv files can be imported.";
    public const string TooLargeMessage = "The file is larger than {0} MB. Split it into smaller files and import them one by one.";
    public const string UnreadableFileMessage = "The file could not be read. Open it in the spreadsheet program, save it again as .xlsx or .csv, and import that file.";
    public const string TooManyRowsMessage = "The file has more than {0} rows (empty rows count too). Split it into smaller files and import them one by one.";
    public const string TooManyColumnsMessage = "The file has more than {0} columns. Keep only the columns of the residents' data and import it again.";
    public const string CellTooLongMessage = "A cell of the file holds more than {0} characters, more than Excel itself allows. Open the file, save it again as .xlsx or .csv, and import that file.";
    public const string RowTooLongMessage = "The row after row {0} is longer than {1} characters; usually a quote (\") that is never closed. Check that row, save the file again and import it.";
    public const string TextTooLargeMessage = "The text in this .xlsx file takes more than {0} MB. Save it as CSV (UTF-8), or split it into smaller files, and import again.";
    public const string UnpacksTooLargeMessage = "This .xlsx file does not look like one a spreadsheet program wrote: it unpacks into far more than it holds. Open it in the spreadsheet program, save it again as .xlsx or .csv, and import that file.";
    public const string NoRowsMessage = "The file has no rows of residents below the column names.";
    public const string NoNikColumnMessage = "No NIK column was found. One of the first rows must hold the column names, one of them NIK.";
    public const string NoNameColumnMessage = "No name column (NAMA or NAMA_LENGKAP) was found.";
    public const string NoVillageColumnMessage = "No kelurahan/desa column (KELURAHAN or DESA) was found.";
    public const string RegencyUnknownMessage = "'{0}' is not a regency/city code (e.g. 35.72).";
    public const string ColumnsInvalidMessage = "The column mapping must be a JSON object of field names and column names.";
    public const string FieldUnknownMessage = "'{0}' is not a field that can be imported.";
    public const string UnexpectedFailureMessage = "The import stopped because of an unexpected error. Try again; if it happens again, tell the administrator.";

    // Why a row is refused.
    public const string DuplicateInFileMessage = "This NIK appears more than once in this file (first in row {0}).";
    public const string DuplicateInFileAdvice = "Keep one row per person: check which row is right and delete the other.";
    public const string VillageNotFoundMessage = "'{0}' is not a kelurahan/desa of {1}.";
    public const string VillageNotFoundAdvice = "Check the spelling, or write the kelurahan/desa code, e.g. 35.72.01.1001.";
    public const string VillageAmbiguousMessage = "More than one kelurahan/desa of {1} is called '{0}' (in kecamatan {2}).";
    public const string VillageAmbiguousAdvice = "Add a KECAMATAN column to the file, or write the kelurahan/desa code instead of the name.";
    public const string DistrictNotFoundMessage = "'{0}' is not a kecamatan of {1}.";
    public const string DistrictNotFoundAdvice = "Check the spelling of the kecamatan.";
    public const string VillageNotInDistrictMessage = "Kelurahan/desa '{0}' is not in kecamatan {1}.";
    public const string VillageNotInDistrictAdvice = "Check the kelurahan/desa and the kecamatan of this row.";
    public const string OtherVillageMessage = "A kelurahan operator imports residents of their own kelurahan only; this row is for {0}.";
    public const string OtherVillageAdvice = "Leave this row out, or ask a program officer of the agency to import it.";
    public const string RegisteredElsewhereMessage = PersonMessages.RegisteredElsewhereMessage;
    public const string DefaultAdvice = "Correct the cell and import the file again; rows already imported stay as they are.";
}
