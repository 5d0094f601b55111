using System.Globalization;

namespace Tunas.Web.Features.Shared;

/// <summary>
/// Dates as Indonesian files and forms carry them: dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd, and Excel's
/// day serials (45000 = 2023-03-15). Never the month first: in Indonesia 03/04/1990 is 3 April.
/// </summary>
public static class DateText
{
    /// <summary>Western Indonesian Time, the zone of the agencies Tunas serves today (as <c>Infrastructure.Clock</c> does).</summary>
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    /// <summary>A date as Indonesians write it, day first: 01/07/1990.</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A UTC timestamp in WIB: 28/11/2026 16:37 WIB.</summary>
    public static string Time(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(Wib).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) + " WIB";

    /// <summary>A date as people write it, in the user's language: 13 Oktober 2025 (id-ID), 13 October 2025 (en).</summary>
    public static string Written(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>A UTC timestamp in WIB as people write it: 13 Oktober 2025 16.37 WIB.</summary>
    public static string WrittenTime(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(Wib).ToString("d MMMM yyyy HH:mm", CultureInfo.CurrentCulture) + " WIB";

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyy-M-d", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "d.M.yyyy",
        "yyyy/MM/dd", "yyyy/M/d",
    ];

    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var t = text.Trim();
        // "1990-05-12 00:00:00" or "12/05/1990 0:00": a date that went through a date-time column.
        var space = t.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && t[(space + 1)..].Contains(':', StringComparison.Ordinal))
        {
            t = t[..space];
        }
        if (DateOnly.TryParseExact(t, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return date.Year is >= 1900 and <= 2100;
        }
        if (double.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serial))
        {
            return TryFromExcelSerial(serial, out date);
        }
        return false;
    }

    /// <summary>An Excel day number (1900 date system; 60 is Excel's phantom 29-02-1900, refused).</summary>
    public static bool TryFromExcelSerial(double serial, out DateOnly date)
    {
        date = default;
        if (serial is < 61 or > 73050 || double.IsNaN(serial))
        {
            return false;
        }
        date = ExcelEpoch.AddDays((int)Math.Floor(serial));
        return true;
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
