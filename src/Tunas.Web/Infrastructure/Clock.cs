namespace Tunas.Web.Infrastructure;

public static class Clock
{
    /// <summary>
    /// Today's date in Western Indonesia (UTC+7), the date a NIK's birth date or an age is judged against.
    /// REVIEW: one offset for the whole country is off by one or two hours for WITA/WIT around midnight;
    /// take the agency's own zone when agencies outside WIB use Tunas.
    /// </summary>
    public static DateOnly TodayInIndonesia(this TimeProvider clock) =>
        DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime + IndonesiaOffset);

    /// <summary>The first instant of this month in Western Indonesia, in UTC: where "this month" of a stored UTC time starts.</summary>
    public static DateTime MonthStartInIndonesia(this TimeProvider clock)
    {
        var today = clock.TodayInIndonesia();
        return new DateOnly(today.Year, today.Month, 1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - IndonesiaOffset;
    }

    private static readonly TimeSpan IndonesiaOffset = TimeSpan.FromHours(7);
}
