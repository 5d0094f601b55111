using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Tunas.UnitTests;

/// <summary>The repository's folders, for tests that read its sources and fixtures.</summary>
internal static class Repo
{
    private static readonly Lazy<string> RootFolder = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tunas.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Tunas.slnx above {AppContext.BaseDirectory}.");
    });

    /// <summary>The folder that holds Tunas.slnx.</summary>
    public static string Root => RootFolder.Value;
}

/// <summary>Answers every key with itself, as the app's localizer does for English (keys are English).</summary>
internal sealed class EnglishLocalizer : IStringLocalizer
{
    public LocalizedString this[string name] => new(name, name);

    public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(CultureInfo.InvariantCulture, name, arguments));

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
}

/// <summary>Two shapes of one input (a typed API body and the text the rules read) name the same fields: a field added to one only fails here.</summary>
internal static class MappingAssert
{
    public static void SameFieldNames(Type input, Type body, params string[] onlyInInput)
    {
        static IEnumerable<string> Names(Type t) =>
            t.GetProperties().Where(p => p.CanWrite).Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(Names(input).Except(onlyInInput), Names(body));
    }
}
