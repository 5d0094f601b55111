using System.Globalization;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Demo;

/// <summary>
/// A seeded generator of realistic residents of an East Java city, household by household: a No. KK shared by
/// the family, a head with spouse, children and sometimes a parent or grandchild, birth dates that fit the
/// relations, valid NIKs unique over the whole run (serial per kecamatan and birth date, as Dukcapil does),
/// Javanese names by generation, addresses, phones, education, work and a desil per household.
/// The same seed and options always give the same rows. Pure: no I/O, no clock.
/// </summary>
public sealed partial class SyntheticResidents
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
}
