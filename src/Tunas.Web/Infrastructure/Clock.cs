namespace Tunas.Web.Infrastructure;

public static class Clock
{
    /// <summary>
    /// Today's date in Western Indonesia (UTC+7), the date a NIK's birth date or an age is judged against.
    /// REVIEW: one offset for the whole country is off by one or two hours for WITA/WIT around midnight;
    /// take the agency's own zone when agencies outside WIB use Tunas.
    /// </summary>
    public static DateOnly TodayInIndonesia(this TimeProvider clock) =>
        DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));
}
