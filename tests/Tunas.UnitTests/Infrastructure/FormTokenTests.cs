using System.Text.RegularExpressions;

namespace Tunas.UnitTests.Infrastructure;

/// <summary>
/// A posted form must carry its own antiforgery token. Razor's form tag helper adds it only when it builds the action
/// itself (no <c>action</c> attribute, or <c>asp-page</c>/<c>asp-action</c>); a form with a literal <c>action="…"</c> goes
/// without one and answers 400 in a browser, while tests that borrow the layout's token pass. This finds such a form.
/// </summary>
public sealed partial class FormTokenTests
{
    [Fact]
    public void EveryPostedFormWithALiteralActionAsksForItsToken()
    {
        var web = Path.Combine(Repo.Root, "src", "Tunas.Web");
        var missing = new List<string>();
        foreach (var file in Directory.EnumerateFiles(web, "*.cshtml", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }
            foreach (Match form in FormTag().Matches(File.ReadAllText(file)))
            {
                var tag = form.Value;
                if (PostMethod().IsMatch(tag) && tag.Contains("action=", StringComparison.Ordinal)
                    && !tag.Contains("asp-antiforgery", StringComparison.Ordinal)
                    && !tag.Contains("asp-page", StringComparison.Ordinal) && !tag.Contains("asp-action", StringComparison.Ordinal))
                {
                    missing.Add($"{Path.GetRelativePath(web, file)}: {tag}");
                }
            }
        }
        Assert.True(missing.Count == 0, "Forms without their token (add asp-antiforgery=\"true\"):\n" + string.Join('\n', missing));
    }

    [GeneratedRegex(@"<form\b[^>]*>", RegexOptions.Singleline)]
    private static partial Regex FormTag();

    [GeneratedRegex("method=\"post\"", RegexOptions.IgnoreCase)]
    private static partial Regex PostMethod();
}
