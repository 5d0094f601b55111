namespace Tunas.Web.Features.Impact.Facts;

/// <summary>
/// FunnelReader.EligiblePersonsAsync grouped per desil (ReachReader.EligibleByDesilAsync), for one filter: counted once
/// over every resident, then moved by each resident's change as the refreshes apply them (decision 0035). A DTKS
/// correction costs a lookup, not a pass over the million residents of a large regency.
/// </summary>
internal sealed class RegistryCount
{
    /// <summary>Counts per desil (index), and of residents whose desil is not known.</summary>
    private int[] _byDesil = [];
    private int _unknown;
    private long _generation = -1;
    private long _version;
    private (Dictionary<int, int> ByDesil, int Unknown, string Basis) _value;

    /// <summary>Whether each kelurahan number is in the area (the filter's place and the program's domicile).</summary>
    private bool[] _area = [];

    /// <summary>The count for <paramref name="filter"/> and <paramref name="rules"/>: the same at every call for one memo.</summary>
    public (Dictionary<int, int> ByDesil, int Unknown, string Basis) Get(ImpactFacts facts, DashboardFilter filter, PersonRules? rules)
    {
        var version = facts.Version(FactKind.Person);
        if (_generation == facts.Generation && _version == version)
        {
            return _value;
        }
        var rule = new Rule(rules);
        var regency = rules?.DomicileRegencyCode;
        if (_area.Length != facts.Villages.Count)
        {
            _area = facts.Villages.Mask(code => filter.Matches(code)
                && (regency is null || code.StartsWith(regency + ".", StringComparison.Ordinal) || code == regency));
        }
        if (_generation == facts.Generation && facts.PersonChangesSince(_version, out var changes))
        {
            // A copy: the value given out before stays as it was for a request still reading it.
            var byDesil = (int[])_byDesil.Clone();
            foreach (var change in changes)
            {
                if (change.Old is { } old)
                {
                    Count(byDesil, ref _unknown, old, rule, -1);
                }
                if (change.New is { } now)
                {
                    Count(byDesil, ref _unknown, now, rule, +1);
                }
            }
            _byDesil = byDesil;
        }
        else
        {
            _byDesil = new int[128];
            _unknown = 0;
            foreach (var p in facts.Persons.Values)
            {
                Count(_byDesil, ref _unknown, p, rule, +1);
            }
        }
        _generation = facts.Generation;
        _version = version;
        var counts = new Dictionary<int, int>();
        for (var d = 0; d < _byDesil.Length; d++)
        {
            if (_byDesil[d] > 0)
            {
                counts[d] = _byDesil[d];
            }
        }
        _value = (counts, _unknown, rules is null ? "residents" : "programRules");
        return _value;
    }

    private void Count(int[] byDesil, ref int unknown, PersonFact p, Rule rule, int by)
    {
        if (p.Village >= _area.Length || !_area[p.Village] || p.BirthDay > rule.BornBy || p.BirthDay <= rule.BornAfter)
        {
            return;
        }
        if (p.Desil < 0)
        {
            if (rule.MaxDesil == int.MaxValue)
            {
                unknown += by;
            }
        }
        else if (p.Desil <= rule.MaxDesil)
        {
            byDesil[p.Desil] += by;
        }
    }

    /// <summary>The program's age and desil rules as day numbers and a bound (no rule: no bound).</summary>
    private readonly struct Rule
    {
        public readonly int BornBy = int.MaxValue;
        public readonly int BornAfter = int.MinValue;
        public readonly int MaxDesil = int.MaxValue;

        public Rule(PersonRules? rules)
        {
            if (rules is null)
            {
                return;
            }
            if (rules.MinAge is { } min)
            {
                BornBy = rules.On.AddYears(-min).DayNumber;
            }
            if (rules.MaxAge is { } max)
            {
                BornAfter = rules.On.AddYears(-(max + 1)).DayNumber;
            }
            MaxDesil = rules.MaxDesil ?? int.MaxValue;
        }
    }
}
