namespace Tunas.Web.Features.Shared;

/// <summary>
/// Text that people typed (a name, a cell of an imported file, a column heading), made safe to put in a CSV or
/// XLSX file the staff will open in a spreadsheet program. A cell that begins with = + - @, a tab or a carriage
/// return is read by Excel, LibreOffice and Google Sheets as a formula (<c>=HYPERLINK(...)</c> sends a click to
/// any site, <c>=cmd|...</c> asks to run a program), so such a cell gets a single quote in front: OWASP's advice
/// for CSV injection. Every export writes user text through <see cref="Cell"/>, CSV and XLSX alike: an XLSX text
/// cell is not a formula when opened, but it becomes one when it is edited or the sheet is saved again as CSV.
/// </summary>
/// <remarks>
/// Phone numbers are user text too, so "+6281234567890" is written "'+6281234567890" and a lone "-" as "'-"; the
/// quote shows, the digits stay readable. NIKs, No. KK, dates and the app's own numbers begin with a digit and
/// pass unchanged. Numbers the app writes as numbers (row numbers in an XLSX) are not text and need nothing.
/// </remarks>
public static class SpreadsheetText
{
    /// <summary>The text as it may be written into a cell; null stays null.</summary>
    public static string? Cell(string? text) =>
        text is { Length: > 0 } && IsFormulaStart(text[0]) ? "'" + text : text;

    /// <summary>Whether a spreadsheet program would take a cell beginning with <paramref name="c"/> as a formula.</summary>
    public static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';
}
