namespace Tunas.Web.Features.Selection;

/// <summary>English texts (and localization keys) shared by the selection pages and API.</summary>
public static class SelectionPageMessages
{
    public const string AlreadyPublishedMessage = "The selection of this program is published; it cannot be run again.";
    public const string NoQuotasMessage = "Set the quotas of the program before running the selection.";
    public const string NumberAndBirthDateMessage = "Type the registration number and the birth date (dd/mm/yyyy).";
    public const string NotFoundByNumberMessage = "No application matches this registration number and birth date.";
}
