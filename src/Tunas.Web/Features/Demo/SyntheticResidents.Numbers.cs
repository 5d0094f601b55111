using System.Globalization;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Demo;

/// <summary>The numbers of synthetic residents: NIK, No. KK and phone, the ways a file spoils them, and the dates behind them.</summary>
public sealed partial class SyntheticResidents
{
    private string NewPhone()
    {
        var prefix = Pick(SyntheticNames.PhonePrefixes);
        var length = 7 + _random.Next(2);
        var subscriber = new char[length];
        for (var i = 0; i < length; i++)
        {
            subscriber[i] = (char)('0' + _random.Next(10));
        }
        var rest = new string(subscriber);
        var roll = _random.NextDouble();
        return roll < 0.55 ? "0" + prefix + rest
            : roll < 0.85 ? $"0{prefix}-{rest[..4]}-{rest[4..]}"
            : "+62" + prefix + rest;
    }

    /// <summary>PPRRKK DDMMYY SSSS: day + 40 for women, serial counting up per kecamatan and birth date.</summary>
    private string NewNik(string district, Sex sex, DateOnly birth)
    {
        var day = birth.Day + (sex == Sex.Female ? 40 : 0);
        var dateDigits = (day * 10000) + (birth.Month * 100) + (birth.Year % 100);
        var serial = NextSerial(_nikSerials, district, dateDigits);
        if (serial > 9999)
        {
            // A kecamatan ran out of serials for this date: the person got their NIK in the neighbouring one.
            return NewNik(Pick(_otherDistricts), sex, birth);
        }
        return string.Create(CultureInfo.InvariantCulture, $"{district}{dateDigits:000000}{serial:0000}");
    }

    /// <summary>A No. KK: the kecamatan, the issue date (DDMMYY, no +40) and a serial.</summary>
    private string NewFamilyCard(string district)
    {
        while (true)
        {
            var issued = Between(FirstCardIssue, _options.Today.AddDays(-1));
            var dateDigits = (issued.Day * 10000) + (issued.Month * 100) + (issued.Year % 100);
            var serial = NextSerial(_cardSerials, district, dateDigits);
            if (serial <= 9999)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{district}{dateDigits:000000}{serial:0000}");
            }
        }
    }

    private static int NextSerial(Dictionary<long, int> serials, string district, int dateDigits)
    {
        var key = (long.Parse(district, NumberStyles.None, CultureInfo.InvariantCulture) * 1_000_000) + dateDigits;
        serials.TryGetValue(key, out var last);
        serials[key] = last + 1;
        return last + 1;
    }

    private SyntheticResident Spoil(SyntheticResident row)
    {
        var problem = _options.BadRowShare > 0 && _random.NextDouble() < _options.BadRowShare
            ? (SyntheticProblem)(1 + _random.Next(6))
            : SyntheticProblem.None;
        if (problem == SyntheticProblem.DuplicateNik && _cleanSoFar == 0)
        {
            problem = SyntheticProblem.InvalidNik;
        }
        switch (problem)
        {
            case SyntheticProblem.None:
                _recentClean[_cleanSoFar++ % _recentClean.Length] = row;
                return row;
            case SyntheticProblem.ExcelDamagedNik:
                return row with { Nik = ExcelNumber(row.Nik), Problem = problem };
            case SyntheticProblem.InvalidNik:
                return row with { Nik = ImpossibleNik(row.Nik), Problem = problem };
            case SyntheticProblem.BirthDateMismatch:
                var shift = _random.NextDouble() < 0.5 ? -1 - _random.Next(400) : 1 + _random.Next(400);
                var moved = Clamp(row.BirthDate.AddDays(shift));
                return row with { BirthDate = moved != row.BirthDate ? moved : row.BirthDate.AddDays(-1), Problem = problem };
            case SyntheticProblem.UnknownVillage:
                // Kelurahan are numbered 1001…, desa 2001…: no village anywhere has a 9xxx code.
                return row with { VillageCode = string.Concat(row.VillageCode.AsSpan(0, 9), (9000 + _random.Next(1000)).ToString(CultureInfo.InvariantCulture)), Problem = problem };
            case SyntheticProblem.InvalidDecile:
                return row with { WelfareDecile = _random.NextDouble() < 0.3 ? 0 : 11 + _random.Next(89), Problem = problem };
            default:
                // The same person listed twice, as merged kelurahan lists do; half the time with another phone number.
                var earlier = _recentClean[_random.Next((int)Math.Min(_cleanSoFar, _recentClean.Length))];
                return earlier with { Phone = _random.NextDouble() < 0.5 ? earlier.Phone : NewPhone(), Problem = problem };
        }
    }

    /// <summary>What Excel shows for a 16-digit number in a General cell (in an English or an Indonesian locale).</summary>
    private string ExcelNumber(string nik)
    {
        var number = double.Parse(nik, NumberStyles.None, CultureInfo.InvariantCulture);
        var text = number.ToString("0.#####E+00", CultureInfo.InvariantCulture);
        return _random.NextDouble() < 0.25 ? text.Replace('.', ',') : text;
    }

    private string ImpossibleNik(string nik) => _random.Next(3) switch
    {
        0 => string.Concat(nik.AsSpan(0, 6), "00", nik.AsSpan(8)),
        1 => string.Concat(nik.AsSpan(0, 8), "13", nik.AsSpan(10)),
        _ => string.Concat(nik.AsSpan(0, 12), "0000"),
    };

    private DateOnly BornAt(int age) =>
        Clamp(_options.Today.AddYears(-age).AddDays(-_random.Next(365)));

    /// <summary>Keeps a birth date within the last <see cref="MaxAge"/> years and before today, so the NIK's century is never ambiguous.</summary>
    private DateOnly Clamp(DateOnly date)
    {
        var today = _options.Today;
        var oldest = today.AddYears(-MaxAge);
        return date < oldest ? oldest : date >= today ? today.AddDays(-1) : date;
    }

    private DateOnly Between(DateOnly first, DateOnly last) =>
        DateOnly.FromDayNumber(first.DayNumber + _random.Next(last.DayNumber - first.DayNumber + 1));

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    public static int AgeOn(DateOnly birth, DateOnly day)
    {
        var age = day.Year - birth.Year;
        return birth.AddYears(age) > day ? age - 1 : age;
    }

    private string Pick(string[] items) => items[_random.Next(items.Length)];

    private int Weighted((int Value, int Weight)[] weighted)
    {
        var total = 0;
        foreach (var (_, weight) in weighted)
        {
            total += weight;
        }
        var roll = _random.Next(total);
        foreach (var (value, weight) in weighted)
        {
            if (roll < weight)
            {
                return value;
            }
            roll -= weight;
        }
        return weighted[^1].Value;
    }

    private static string Three(int n) => n.ToString("000", CultureInfo.InvariantCulture);

    private static string Digits(string dotted) => dotted.Replace(".", "", StringComparison.Ordinal);

    private sealed class Draft(HouseholdRelation relation, Sex sex, DateOnly birthDate)
    {
        public HouseholdRelation Relation { get; } = relation;
        public Sex Sex { get; } = sex;
        public DateOnly BirthDate { get; } = birthDate;
        public MaritalStatus? Marital { get; set; }
        public EmploymentStatus? Employment { get; set; }
    }
}
