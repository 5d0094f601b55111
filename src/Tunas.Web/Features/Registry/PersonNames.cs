using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Registry;

/// <summary>How names are compared and searched.</summary>
public static class PersonNames
{
    public const int TokenMax = 60;

    /// <summary>The name's key for duplicates and ordering: folded, one space between words ("siti aminah").</summary>
    public static string Key(string name) => string.Join(' ', Words(name));

    /// <summary>The search index's rows for a person (after the name and key are set, and the id is known).</summary>
    public static IEnumerable<PersonNameToken> TokenRows(Person person) => TokenRows(person, Tokens(person.FullName));

    /// <summary>The same, from the name's <see cref="Tokens"/> worked out before (the importer does it while reading).</summary>
    public static IEnumerable<PersonNameToken> TokenRows(Person person, IEnumerable<string> tokens) =>
        tokens.Select(t => new PersonNameToken { AgencyId = person.AgencyId, Token = t, PersonId = person.Id, NameKey = person.NameKey });

    /// <summary>The distinct words of a name as search tokens: letters and digits only, folded.</summary>
    public static IEnumerable<string> Tokens(string name) => Words(name).Distinct(StringComparer.Ordinal);

    private static IEnumerable<string> Words(string name) =>
        // Cleaned again (the rules clean what is stored): a name stored before, or read back, keys the same way,
        // and "MAʼRIFAH" (a modifier letter, which counts as a letter) meets "MA'RIFAH".
        SearchText.Fold(TextInput.Clean(name)).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(SearchText.Key)
            .Where(w => w.Length > 0)
            .Select(w => w.Length > TokenMax ? w[..TokenMax] : w);
}
