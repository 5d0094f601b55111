using System.Globalization;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Demo;

/// <summary>What is wrong with a generated row on purpose (bad-rows mode), or nothing.</summary>
public enum SyntheticProblem
{
    None,

    /// <summary>The NIK went through a numeric cell: <c>3.57201E+15</c>.</summary>
    ExcelDamagedNik,

    /// <summary>The NIK has 16 digits but cannot be one: day 00, month 13 or serial 0000.</summary>
    InvalidNik,

    /// <summary>The birth date column disagrees with the date in the NIK.</summary>
    BirthDateMismatch,

    /// <summary>A kelurahan code that does not exist.</summary>
    UnknownVillage,

    /// <summary>A desil outside 1-10.</summary>
    InvalidDecile,

    /// <summary>The NIK of an earlier row of the same file.</summary>
    DuplicateNik,
}

/// <summary>The kinds of household <see cref="SyntheticResidents.NextHousehold"/> makes.</summary>
public enum SyntheticHouseholdKind
{
    /// <summary>Any household of the city, sizes 1-7, desil 1-10.</summary>
    Any,

    /// <summary>A poor household (desil 1-4) with a likely trainee: a housewife of 22-50 or a young person of 18-30 without work.</summary>
    Trainee,
}

/// <summary>
/// One synthetic resident as a registry file would carry them. In a clean row everything is valid and agrees
/// (the birth date and sex are those of the NIK); a bad row differs in exactly the way <see cref="Problem"/> says.
/// </summary>
public sealed record SyntheticResident
{
    public required string Nik { get; init; }
    public required string FamilyCardNumber { get; init; }
    public required string FullName { get; init; }
    public Sex Sex { get; init; }
    public required string BirthPlace { get; init; }
    public DateOnly BirthDate { get; init; }
    public required string Address { get; init; }
    public required string Rt { get; init; }
    public required string Rw { get; init; }
    public required string VillageCode { get; init; }

    /// <summary>As people write it: 0812-3456-7890, 081234567890 or +6281234567890.</summary>
    public string? Phone { get; init; }

    public Education Education { get; init; }
    public required string Occupation { get; init; }
    public EmploymentStatus EmploymentStatus { get; init; }
    public MaritalStatus MaritalStatus { get; init; }
    public HouseholdRelation HouseholdRelation { get; init; }
    public bool Disability { get; init; }

    /// <summary>1-10 in a clean row; 0 or above 10 in a <see cref="SyntheticProblem.InvalidDecile"/> row.</summary>
    public int WelfareDecile { get; init; }

    public required string WelfareSource { get; init; }
    public DateOnly WelfareAsOf { get; init; }
    public SyntheticProblem Problem { get; init; }

    /// <summary>The row as text, the way a form, the API or a file hands it to <see cref="PersonRules.Check"/>.</summary>
    public PersonInput ToInput() => new()
    {
        Nik = Nik,
        FamilyCardNumber = FamilyCardNumber,
        FullName = FullName,
        Sex = Sex == Sex.Female ? "P" : "L",
        BirthPlace = BirthPlace,
        BirthDate = BirthDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        Address = Address,
        Rt = Rt,
        Rw = Rw,
        VillageCode = VillageCode,
        Phone = Phone,
        Education = PersonCodes.Label(Education),
        Occupation = Occupation,
        EmploymentStatus = PersonCodes.Label(EmploymentStatus),
        MaritalStatus = PersonCodes.Label(MaritalStatus),
        HouseholdRelation = PersonCodes.Label(HouseholdRelation),
        Disability = Disability ? "Ya" : "Tidak",
        WelfareDecile = WelfareDecile.ToString(CultureInfo.InvariantCulture),
        WelfareSource = WelfareSource,
        WelfareAsOf = WelfareAsOf.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
    };
}

/// <summary>A family card with its members, head first.</summary>
public sealed record SyntheticHousehold(string FamilyCardNumber, string VillageCode, int WelfareDecile, IReadOnlyList<SyntheticResident> Members)
{
    /// <summary>For <see cref="SyntheticHouseholdKind.Trainee"/>: the member who would apply for training.</summary>
    public int? TraineeIndex { get; init; }
}

public sealed record SyntheticOptions
{
    /// <summary>Dotted kelurahan/desa codes the residents live in, e.g. Kota Blitar's 21 (<c>35.72.01.1001</c> …).</summary>
    public required IReadOnlyList<string> VillageCodes { get; init; }

    /// <summary>Everyone is born before this date; it also fixes the ages, so a seed gives the same rows on any day.</summary>
    public DateOnly Today { get; init; } = new(2025, 10, 1);

    public DateOnly WelfareAsOf { get; init; } = new(2025, 6, 30);

    /// <summary>Share (0-1) of rows that <see cref="SyntheticResidents.Rows"/> spoils, each in one of the <see cref="SyntheticProblem"/> ways.</summary>
    public double BadRowShare { get; init; }

    /// <summary>Share of adults whose NIK was first issued in another East Java kecamatan.</summary>
    public double OtherDistrictShare { get; init; } = 0.08;

    /// <summary>Dotted kecamatan codes for those adults.</summary>
    public IReadOnlyList<string> OtherDistricts { get; init; } = SyntheticNames.OtherEastJavaDistricts;
}

/// <summary>
/// A seeded generator of realistic residents of an East Java city, household by household: a No. KK shared by
/// the family, a head with spouse, children and sometimes a parent or grandchild, birth dates that fit the
/// relations, valid NIKs unique over the whole run (serial per kecamatan and birth date, as Dukcapil does),
/// Javanese names by generation, addresses, phones, education, work and a desil per household.
/// The same seed and options always give the same rows. Pure: no I/O, no clock.
/// </summary>
public sealed class SyntheticResidents
{
    private const int MaxAge = 90;
    private static readonly DateOnly FirstCardIssue = new(2005, 1, 1);

    private readonly Random _random;
    private readonly SyntheticOptions _options;
    private readonly string[] _villages;
    private readonly string[] _otherDistricts;
    private readonly Dictionary<long, int> _nikSerials = [];
    private readonly Dictionary<long, int> _cardSerials = [];
    private readonly SyntheticResident[] _recentClean = new SyntheticResident[1024];
    private long _cleanSoFar;

    public SyntheticResidents(int seed, SyntheticOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.VillageCodes.Count == 0 || options.VillageCodes.Any(c => Digits(c).Length != 10))
        {
            throw new ArgumentException("Village codes are dotted kelurahan/desa codes like 35.72.01.1001.", nameof(options));
        }
        if (options.OtherDistricts.Any(c => Digits(c).Length != 6))
        {
            throw new ArgumentException("Other districts are dotted kecamatan codes like 35.05.01.", nameof(options));
        }
        _random = new Random(seed);
        _options = options;
        _villages = [.. options.VillageCodes];
        _otherDistricts = [.. options.OtherDistricts.Select(Digits)];
    }

    /// <summary>
    /// <paramref name="count"/> rows, household after household (the last one may be cut short), each spoiled
    /// with probability <see cref="SyntheticOptions.BadRowShare"/>. Streams: memory does not grow with the count.
    /// </summary>
    public IEnumerable<SyntheticResident> Rows(long count)
    {
        long produced = 0;
        while (produced < count)
        {
            foreach (var member in NextHousehold().Members)
            {
                if (produced == count)
                {
                    yield break;
                }
                produced++;
                yield return Spoil(member);
            }
        }
    }

    /// <summary>One household in <paramref name="villageCode"/> (or a random one of the options' villages).</summary>
    public SyntheticHousehold NextHousehold(SyntheticHouseholdKind kind = SyntheticHouseholdKind.Any, string? villageCode = null)
    {
        if (kind == SyntheticHouseholdKind.Any)
        {
            return Build(villageCode ?? Pick(_villages), Weighted(CityDeciles), PickSize(), trainee: false);
        }
        // Draw poor households until one has a likely trainee; almost every second draw does.
        while (true)
        {
            var household = Build(villageCode ?? Pick(_villages), Weighted(PoorDeciles), 2 + _random.Next(5), trainee: true);
            if (household.TraineeIndex is not null)
            {
                return household;
            }
        }
    }

    private static readonly (int Value, int Weight)[] CityDeciles = [(1, 13), (2, 14), (3, 13), (4, 12), (5, 10), (6, 9), (7, 8), (8, 8), (9, 7), (10, 6)];
    private static readonly (int Value, int Weight)[] PoorDeciles = [(1, 35), (2, 30), (3, 20), (4, 15)];
    private static readonly (int Value, int Weight)[] Sizes = [(1, 8), (2, 14), (3, 22), (4, 25), (5, 17), (6, 9), (7, 5)];

    private int PickSize() => Weighted(Sizes);

    private SyntheticHousehold Build(string village, int decile, int size, bool trainee)
    {
        var district = Digits(village)[..6];
        var card = NewFamilyCard(district);
        var rt = Three(1 + _random.Next(12));
        var rw = Three(1 + _random.Next(6));
        var address = NewAddress();
        var (source, asOf) = _random.NextDouble() < 0.7
            ? ("DTSEN", _options.WelfareAsOf)
            : ("DTKS", _options.WelfareAsOf.AddMonths(-6 - _random.Next(12)));
        var today = _options.Today;

        var members = new List<Draft>(size);
        var headMale = size == 1 ? _random.NextDouble() < 0.45 : _random.NextDouble() < 0.85;
        var headAge = size switch
        {
            1 => 20 + _random.Next(66),
            <= 3 => 22 + _random.Next(54),
            _ => 28 + _random.Next(35),
        };
        var head = new Draft(HouseholdRelation.Head, headMale ? Sex.Male : Sex.Female, BornAt(headAge));
        members.Add(head);

        Draft? spouse = null;
        if (headMale && size >= 2 && _random.NextDouble() < 0.95)
        {
            // The wife is at least 19, so a first child born to her at 18 fits before today.
            var gap = _random.Next(-2, Math.Min(9, headAge - 18));
            spouse = new Draft(HouseholdRelation.Spouse, Sex.Female, Clamp(head.BirthDate.AddYears(gap).AddDays(_random.Next(-180, 180))));
            members.Add(spouse);
        }
        head.Marital = spouse is not null ? MaritalStatus.Married
            : size == 1 && headAge < 35 ? MaritalStatus.NeverMarried
            : headMale ? (_random.NextDouble() < 0.5 ? MaritalStatus.Widowed : MaritalStatus.Divorced)
            : (_random.NextDouble() < 0.65 ? MaritalStatus.Widowed : MaritalStatus.Divorced);
        if (spouse is not null)
        {
            spouse.Marital = MaritalStatus.Married;
        }

        var mother = spouse ?? (headMale ? null : head);
        var motherBirth = mother?.BirthDate ?? head.BirthDate.AddYears(3);
        var room = size - members.Count;
        if (room >= 2 && headAge <= 58 && _random.NextDouble() < 0.15)
        {
            var age = Math.Min(MaxAge, headAge + 22 + _random.Next(14));
            members.Add(new Draft(_random.NextDouble() < 0.6 ? HouseholdRelation.Parent : HouseholdRelation.ParentInLaw,
                _random.NextDouble() < 0.75 ? Sex.Female : Sex.Male, BornAt(age))
            { Marital = MaritalStatus.Widowed });
            room--;
        }
        var grandchildren = room >= 2 && headAge >= 48 && _random.NextDouble() < 0.3 ? 1 + _random.Next(Math.Min(2, room - 1)) : 0;
        room -= grandchildren;

        // Children: born to a mother of 18-42, never after today, oldest first.
        var earliest = motherBirth.AddYears(18);
        var latest = Min(motherBirth.AddYears(42), today.AddDays(-1));
        var births = new List<DateOnly>(room);
        for (var i = 0; i < room; i++)
        {
            births.Add(earliest <= latest ? Between(earliest, latest) : today.AddDays(-1 - _random.Next(365)));
        }
        foreach (var birth in births.Order())
        {
            members.Add(new Draft(HouseholdRelation.Child, _random.NextDouble() < 0.5 ? Sex.Male : Sex.Female, birth));
        }
        for (var i = 0; i < grandchildren; i++)
        {
            var first = Max(head.BirthDate.AddYears(38), today.AddYears(-15));
            members.Add(new Draft(HouseholdRelation.Grandchild, _random.NextDouble() < 0.5 ? Sex.Male : Sex.Female,
                first < today ? Between(first, today.AddDays(-1)) : today.AddDays(-1)));
        }

        int? traineeIndex = null;
        if (trainee)
        {
            var candidates = new List<int>();
            for (var i = 0; i < members.Count; i++)
            {
                var m = members[i];
                var age = AgeOn(m.BirthDate, today);
                var housewife = m.Relation == HouseholdRelation.Spouse && m.Sex == Sex.Female && age is >= 22 and <= 50;
                var young = m.Relation == HouseholdRelation.Child && age is >= 18 and <= 30;
                if (housewife || young)
                {
                    candidates.Add(i);
                }
            }
            if (candidates.Count > 0)
            {
                traineeIndex = candidates[_random.Next(candidates.Count)];
                var chosen = members[traineeIndex.Value];
                chosen.Employment = chosen.Relation == HouseholdRelation.Spouse ? EmploymentStatus.Homemaker : EmploymentStatus.Unemployed;
            }
        }

        var headWords = (string[]?)null;
        var residents = new List<SyntheticResident>(members.Count);
        foreach (var m in members)
        {
            var age = AgeOn(m.BirthDate, today);
            var name = NewName(m.Sex, m.BirthDate.Year, m.Relation == HouseholdRelation.Child && headMale ? headWords : null);
            if (m.Relation == HouseholdRelation.Head)
            {
                headWords = name.Split(' ');
            }
            var marital = m.Marital ?? (age >= 25 && _random.NextDouble() < 0.2 ? MaritalStatus.Married : MaritalStatus.NeverMarried);
            var employment = m.Employment ?? Employment(m, age);
            var occupation = employment switch
            {
                EmploymentStatus.Employed => Pick(SyntheticNames.Employed),
                EmploymentStatus.SelfEmployed => Pick(SyntheticNames.SelfEmployed),
                EmploymentStatus.Student => "Pelajar/Mahasiswa",
                EmploymentStatus.Homemaker => "Mengurus Rumah Tangga",
                EmploymentStatus.Retired => "Pensiunan",
                _ => "Belum/Tidak Bekerja",
            };
            var localNik = age < 17 || _random.NextDouble() >= _options.OtherDistrictShare;
            residents.Add(new SyntheticResident
            {
                Nik = NewNik(localNik ? district : Pick(_otherDistricts), m.Sex, m.BirthDate),
                FamilyCardNumber = card,
                FullName = name,
                Sex = m.Sex,
                BirthPlace = age < 17 || _random.NextDouble() < 0.7 ? "Blitar" : Pick(SyntheticNames.BirthPlaces),
                BirthDate = m.BirthDate,
                Address = address,
                Rt = rt,
                Rw = rw,
                VillageCode = village,
                Phone = age >= 17 && _random.NextDouble() < 0.75 ? NewPhone() : null,
                Education = EducationFor(age, decile),
                Occupation = occupation,
                EmploymentStatus = employment,
                MaritalStatus = marital,
                HouseholdRelation = m.Relation,
                Disability = _random.NextDouble() < (age >= 60 ? 0.06 : 0.02),
                WelfareDecile = decile,
                WelfareSource = source,
                WelfareAsOf = asOf,
            });
        }
        return new SyntheticHousehold(card, village, decile, residents) { TraineeIndex = traineeIndex };
    }

    private EmploymentStatus Employment(Draft m, int age)
    {
        var roll = _random.NextDouble();
        return age switch
        {
            < 5 => EmploymentStatus.Unemployed,
            < 18 => roll < 0.93 ? EmploymentStatus.Student : EmploymentStatus.Unemployed,
            < 23 when m.Relation is HouseholdRelation.Head or HouseholdRelation.Spouse =>
                roll < 0.5 ? EmploymentStatus.Employed : roll < 0.7 ? EmploymentStatus.SelfEmployed : m.Sex == Sex.Female ? EmploymentStatus.Homemaker : EmploymentStatus.Unemployed,
            < 23 => roll < 0.3 ? EmploymentStatus.Student : roll < 0.6 ? EmploymentStatus.Employed : roll < 0.7 ? EmploymentStatus.SelfEmployed : EmploymentStatus.Unemployed,
            >= 60 => roll < 0.2 ? EmploymentStatus.Retired : roll < 0.45 ? EmploymentStatus.SelfEmployed : m.Sex == Sex.Female && roll < 0.8 ? EmploymentStatus.Homemaker : EmploymentStatus.Unemployed,
            _ when m.Sex == Sex.Female && m.Relation != HouseholdRelation.Head =>
                roll < 0.5 ? EmploymentStatus.Homemaker : roll < 0.72 ? EmploymentStatus.Employed : roll < 0.92 ? EmploymentStatus.SelfEmployed : EmploymentStatus.Unemployed,
            _ => roll < 0.5 ? EmploymentStatus.Employed : roll < 0.88 ? EmploymentStatus.SelfEmployed : EmploymentStatus.Unemployed,
        };
    }

    private Education EducationFor(int age, int decile)
    {
        switch (age)
        {
            case < 7:
                return Education.None;
            case < 13:
                return Education.PrimaryNotCompleted;
            case < 16:
                return Education.Primary;
            case < 19:
                return Education.JuniorSecondary;
        }
        // Adults: the poorer the household and the older the person, the shorter the schooling.
        var score = _random.NextDouble() + ((decile - 5) * 0.06) - (age >= 50 ? 0.2 : 0);
        return score switch
        {
            < 0.05 => Education.None,
            < 0.15 => Education.PrimaryNotCompleted,
            < 0.38 => Education.Primary,
            < 0.58 => Education.JuniorSecondary,
            < 0.86 => Education.SeniorSecondary,
            < 0.9 => Education.Diploma1Or2,
            < 0.94 => Education.Diploma3,
            < 0.99 => Education.Bachelor,
            _ => Education.Master,
        };
    }

    private string NewName(Sex sex, int birthYear, string[]? fatherWords)
    {
        var older = birthYear < 1985;
        var firsts = sex == Sex.Male
            ? (older ^ (_random.NextDouble() < 0.2) ? SyntheticNames.MaleOlder : SyntheticNames.MaleYounger)
            : (older ^ (_random.NextDouble() < 0.2) ? SyntheticNames.FemaleOlder : SyntheticNames.FemaleYounger);
        var seconds = sex == Sex.Male ? SyntheticNames.MaleSecond : SyntheticNames.FemaleSecond;
        var roll = _random.NextDouble();
        var words = older ? (roll < 0.35 ? 1 : roll < 0.9 ? 2 : 3) : (roll < 0.05 ? 1 : roll < 0.65 ? 2 : 3);
        var first = Pick(firsts);
        if (words == 1 && first.EndsWith('.'))
        {
            words = 2;
        }
        var last = fatherWords is { Length: >= 2 } && sex == Sex.Male && _random.NextDouble() < 0.3 ? fatherWords[^1] : Pick(seconds);
        return words switch
        {
            1 => first,
            2 => first + " " + last,
            _ => first + " " + Pick(firsts) + " " + last,
        };
    }

    private string NewAddress()
    {
        var street = Pick(SyntheticNames.Streets);
        var number = (1 + _random.Next(120)).ToString(CultureInfo.InvariantCulture);
        var roll = _random.NextDouble();
        return roll < 0.7 ? $"Jl. {street} No. {number}"
            : roll < 0.9 ? $"Jl. {street} Gg. {Roman(1 + _random.Next(8))} No. {number}"
            : $"Perum {street} Blok {(char)('A' + _random.Next(6))}-{number}";
    }

    private static string Roman(int n) => n switch
    {
        1 => "I",
        2 => "II",
        3 => "III",
        4 => "IV",
        5 => "V",
        6 => "VI",
        7 => "VII",
        _ => "VIII",
    };

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
