namespace Tunas.Web.Features.Impact.Facts;

/// <summary>
/// The residents' changes as they were applied (decision 0035): a count over the registry's million residents moves by
/// the few that changed since it was made, instead of being made again by a pass over all of them.
/// </summary>
public sealed partial class ImpactFacts
{
    /// <summary>More residents' changes than this are not kept: a count older than them is made again from every resident.</summary>
    public const int MaxPersonChanges = 20_000;

    /// <summary>A resident's fact before and after one refresh (null: not there), with the residents' version it made.</summary>
    internal readonly record struct PersonChange(long Version, PersonFact? Old, PersonFact? New);

    private readonly List<PersonChange> _personChanges = [];

    /// <summary>The residents' version from which every change is in <see cref="_personChanges"/>.</summary>
    private long _personChangesFrom;

    /// <summary>
    /// The residents' changes made after <paramref name="version"/>, in order; false when some are no longer kept (the
    /// residents were read whole since, or too many changed) and the caller must count again from every resident.
    /// </summary>
    internal bool PersonChangesSince(long version, out ReadOnlySpan<PersonChange> changes)
    {
        changes = default;
        if (version < _personChangesFrom)
        {
            return false;
        }
        var first = _personChanges.Count;
        while (first > 0 && _personChanges[first - 1].Version > version)
        {
            first--;
        }
        changes = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_personChanges)[first..];
        return true;
    }

    /// <summary>Records what a refresh changed; a whole read (<paramref name="before"/> empty) starts the record over.</summary>
    private void RecordPersons(List<long>? ids, List<(long Id, PersonFact? Old)> before)
    {
        var version = Version(FactKind.Person);
        if (ids is null || _personChanges.Count + ids.Count > MaxPersonChanges)
        {
            _personChanges.Clear();
            _personChangesFrom = version;
            return;
        }
        foreach (var (id, old) in before)
        {
            PersonFact? now = Persons.TryGetValue(id, out var p) ? p : null;
            if (old != now)
            {
                _personChanges.Add(new PersonChange(version, old, now));
            }
        }
    }
}
