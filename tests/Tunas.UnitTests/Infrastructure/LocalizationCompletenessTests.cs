using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Tunas.Web.Infrastructure;

namespace Tunas.UnitTests.Infrastructure;

/// <summary>
/// Every English text the app localizes must have an Indonesian translation (Indonesian is the default
/// language), and every translation must still be used.
/// </summary>
public partial class LocalizationCompletenessTests
{
    private const string RegularString = "\"(?<regular>(?:[^\"\\\\\\r\\n]|\\\\.)*)\"";
    private const string VerbatimString = "@\"(?<verbatim>(?:[^\"]|\"\")*)\"";

    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules", Path.Combine("Data", "Migrations")];

    private static readonly Lazy<string> WebFolder = new(() => Path.Combine(Repo.Root, "src", "Tunas.Web"));

    private static readonly Lazy<IReadOnlySet<string>> UsedKeys = new(FindUsedKeys);

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Indonesian = new(LoadIndonesian);

    [Fact]
    public void TheScanFindsEachKindOfKey()
    {
        var used = UsedKeys.Value;

        Assert.Contains("Fill in the NIK.", used);                               // const ...Message in Nik.cs
        Assert.Contains("Fill in the family card number (No. KK).", used);       // const ...Message in FamilyCardNumber.cs
        Assert.Contains("At most {1} characters.", used);                        // ErrorMessage = "..."
        Assert.Contains("The value '{0}' is not valid.", used);                  // L["...", v]
        Assert.Contains("Agency administrator", used);                           // Roles.Label
        Assert.DoesNotContain("", used);

        // The source scan of the message constants reads them exactly as the compiler does.
        var constants = new[] { typeof(Tunas.Web.Features.Shared.Nik), typeof(Tunas.Web.Features.Shared.FamilyCardNumber) }
            .SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            .Where(f => f.IsLiteral && f.Name.EndsWith("Message", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        Assert.Equal(17, constants.Count);
        Assert.All(constants, c => Assert.Contains(c, used));
    }

    [Fact]
    public void EveryLocalizedTextHasAnIndonesianTranslation()
    {
        var indonesian = Indonesian.Value;

        var missing = UsedKeys.Value
            .Where(k => !indonesian.TryGetValue(k, out var value) || string.IsNullOrWhiteSpace(value))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(missing.Count == 0,
            $"{missing.Count} text(s) without an Indonesian translation in SharedResource.id.resx:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void EveryTranslationKeepsThePlaceholdersOfItsKey()
    {
        var wrong = Indonesian.Value
            .Where(e => !Placeholders(e.Key).SequenceEqual(Placeholders(e.Value)))
            .Select(e => $"{e.Key} => {e.Value}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(wrong.Count == 0,
            $"{wrong.Count} translation(s) whose {{n}} placeholders differ from the English key:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void EveryTranslationIsStillUsed()
    {
        var used = UsedKeys.Value;

        var unused = Indonesian.Value.Keys
            .Where(k => !used.Contains(k))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(unused.Count == 0,
            $"{unused.Count} entry(ies) in SharedResource.id.resx not used by the code:\n" + string.Join("\n", unused));
    }

    /// <summary>Keys that differ only in case count as the same: the resource reader keeps one of them ("Rows", "rows").</summary>
    [Fact]
    public void NoKeyIsTranslatedTwice()
    {
        var duplicates = LoadEntries()
            .GroupBy(e => e.Name, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToList();

        Assert.True(duplicates.Count == 0, "Listed more than once:\n" + string.Join("\n", duplicates));
    }

    private static HashSet<string> FindUsedKeys()
    {
        var root = WebFolder.Value;
        var keys = new HashSet<string>(StringComparer.Ordinal);

        foreach (var file in SourceFiles(root))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in LocalizerIndexer().Matches(text))
            {
                keys.Add(Literal(m));
            }
            foreach (Match m in ErrorMessageProperty().Matches(text))
            {
                keys.Add(Literal(m));
            }
        }

        // Pure rules keep their texts in constants named ...Message, ...Advice or ...Label, anywhere in the app.
        foreach (var file in SourceFiles(root).Where(f => f.EndsWith(".cs", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in MessageConstant().Matches(text))
            {
                var sb = new StringBuilder();
                foreach (Match part in StringLiteral().Matches(m.Groups["value"].Value))
                {
                    sb.Append(Literal(part));
                }
                keys.Add(sb.ToString());
            }
        }

        foreach (var role in Roles.All)
        {
            keys.Add(Roles.Label(role));
        }

        return keys;
    }

    private static IEnumerable<string> SourceFiles(string root) =>
        Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f =>
            {
                var relative = Path.GetRelativePath(root, f);
                return !SkippedFolders.Any(s =>
                    relative.StartsWith(s + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    || relative.Contains(Path.DirectorySeparatorChar + s + Path.DirectorySeparatorChar, StringComparison.Ordinal));
            });

    /// <summary>The value of a C# string literal matched by <see cref="RegularString"/> or <see cref="VerbatimString"/>.</summary>
    private static string Literal(Match m)
    {
        if (m.Groups["verbatim"].Success)
        {
            return m.Groups["verbatim"].Value.Replace("\"\"", "\"", StringComparison.Ordinal);
        }
        var raw = m.Groups["regular"].Value;
        var sb = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '\\' || i + 1 == raw.Length)
            {
                sb.Append(raw[i]);
                continue;
            }
            i++;
            sb.Append(raw[i] switch
            {
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                '0' => '\0',
                var c => c,
            });
        }
        return sb.ToString();
    }

    private static List<(string Name, string Value)> LoadEntries()
    {
        var path = Path.Combine(WebFolder.Value, "Resources", "SharedResource.id.resx");
        return XDocument.Load(path).Root!.Elements("data")
            .Select(d => ((string)d.Attribute("name")!, (string?)d.Element("value") ?? ""))
            .ToList();
    }

    private static Dictionary<string, string> LoadIndonesian()
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in LoadEntries())
        {
            entries[name] = value;
        }
        return entries;
    }

    private static List<string> Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Groups["index"].Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\bL\[\s*(?:" + VerbatimString + "|" + RegularString + ")")]
    private static partial Regex LocalizerIndexer();

    [GeneratedRegex(@"\bErrorMessage\s*=\s*(?:" + VerbatimString + "|" + RegularString + ")")]
    private static partial Regex ErrorMessageProperty();

    [GeneratedRegex(@"\bconst\s+string\s+\w+(?:Message|Advice|Label)\s*=(?<value>(?:\s*(?:" + VerbatimString + "|" + RegularString + @")\s*\+?)+)\s*;")]
    private static partial Regex MessageConstant();

    [GeneratedRegex("(?:" + VerbatimString + "|" + RegularString + ")")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\{(?<index>\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
