using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Businesses.FollowUps;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Impact.Facts;

/// <summary>Kelurahan codes as small numbers, so that a row holds an int and a filter is a lookup per kelurahan.</summary>
internal sealed class VillageIndex
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _codes = [];

    public int Count => _codes.Count;

    public string this[int i] => _codes[i];

    public int Of(string code)
    {
        if (!_index.TryGetValue(code, out var i))
        {
            i = _codes.Count;
            _codes.Add(code);
            _index[code] = i;
        }
        return i;
    }

    /// <summary>For each known code, whether <paramref name="keep"/> keeps it.</summary>
    public bool[] Mask(Func<string, bool> keep) => [.. _codes.Select(keep)];
}

/// <summary>A resident: kelurahan, birth date (day number), desil (-1 not known), sex and disability.</summary>
internal readonly record struct PersonFact(int Village, int BirthDay, sbyte Desil, Sex Sex, bool Disability)
{
    public int? WelfareDecile => Desil < 0 ? null : Desil;

    public ScopedPerson Scoped => new(Sex, DateOnly.FromDayNumber(BirthDay), Disability, WelfareDecile);
}

internal readonly record struct ApplicationFact(int Program, ApplicationStatus Status, int Village, int FirstTrack, int SecondTrack, long Person);

internal readonly record struct RunFact(int Program, int Number, bool Published);

internal readonly record struct DecisionFact(long Run, SelectionOutcome Outcome, DecisionStatus Status, int Village, int Track);

internal readonly record struct CohortFact(int Program, int Track, int Provider, DateOnly StartsOn);

internal readonly record struct ParticipantFact(int Cohort, long Application);

internal readonly record struct CertificateFact(long Participant, bool Revoked);

/// <summary>A worker: the business, the day they stopped, and the resident whose NIK they gave (0: none).</summary>
internal readonly record struct WorkerFact(long Business, DateOnly? EndedOn, long Resident);

internal readonly record struct FollowUpFact(
    long Application, long Person, int Program, FollowUpGroup Group, FollowUpStatus Status, int MonthsAfter, bool? BusinessActive,
    long? Revenue, long? Profit, long? Income);
