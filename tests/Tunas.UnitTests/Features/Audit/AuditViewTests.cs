using System.Reflection;
using System.Text.RegularExpressions;
using Tunas.Web.Features.Audit;

namespace Tunas.UnitTests.Features.Audit;

public partial class AuditViewTests
{
    /// <summary>
    /// Every action code the app writes ("program.created", "appeal.answered", ...) has a label on /Audit, found by
    /// reading the app's sources for such codes, so that a new feature's entries are not shown as raw codes.
    /// </summary>
    [Fact]
    public void EveryActionTheAppWritesHasALabel()
    {
        var root = Repo.Root;
        var codes = Directory.EnumerateFiles(Path.Combine(root, "src", "Tunas.Web"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "Migrations" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .SelectMany(f => ActionCode().Matches(File.ReadAllText(f)).Select(m => m.Groups["code"].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains("selection.published", codes);
        var unlabelled = codes.Where(c => Labels.Action(c, new EnglishLocalizer()) == c).Order(StringComparer.Ordinal).ToList();
        Assert.True(unlabelled.Count == 0, "No label on /Audit for: " + string.Join(", ", unlabelled));
    }

    [Fact]
    public void AnUnknownActionIsShownAsItsCode()
    {
        Assert.Equal("training.unknown", Labels.Action("training.unknown", new EnglishLocalizer()));
        Assert.Equal("Appeal answered", Labels.Action("appeal.answered", new EnglishLocalizer()));
    }

    /// <summary>The labels as the app composes them: every feature's vocabulary.</summary>
    private static readonly AuditLabels Labels = new(typeof(Program).Assembly.GetTypes()
        .Where(t => t.IsClass && !t.IsAbstract && typeof(IAuditVocabulary).IsAssignableFrom(t) && t.GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes) is not null)
        .Select(t => (IAuditVocabulary)Activator.CreateInstance(t, nonPublic: true)!));

    [GeneratedRegex("\"(?<code>(?:person|duplicate|user|agency|import|registry|program|provider|application|selection|appeal|cohort|participant|allowance|kit|cashbook|assessment|certificate|business|followup|product|catalogue)\\.[a-z-]+)\"")]
    private static partial Regex ActionCode();
}
