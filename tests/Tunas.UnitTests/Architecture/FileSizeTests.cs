namespace Tunas.UnitTests.Architecture;

/// <summary>
/// Issue 9's limits for a codebase a newcomer reads in minutes: Program.cs stays a table of contents under 80 lines,
/// and no hand-written source file passes 400 lines (generated migrations aside). A file that grows past them is split
/// along its seams, not let through.
/// </summary>
public sealed class FileSizeTests
{
    public const int ProgramMaxLines = 79;
    public const int FileMaxLines = 400;

    private static readonly string[] SourceFolders = ["src", "tests", "bench"];

    [Fact]
    public void ProgramCsIsATableOfContentsUnder80Lines()
    {
        var lines = File.ReadAllLines(Path.Combine(Repo.Root, "src", "Tunas.Web", "Program.cs")).Length;
        Assert.True(lines <= ProgramMaxLines, $"Program.cs has {lines} lines; move the work into the feature's module file.");
    }

    [Fact]
    public void NoHandWrittenSourceFileHasMoreThan400Lines()
    {
        var tooLong = SourceFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Repo.Root, folder), "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !Generated(Path.GetRelativePath(Repo.Root, f)))
            .Select(f => (File: Path.GetRelativePath(Repo.Root, f), Lines: File.ReadAllLines(f).Length))
            .Where(x => x.Lines > FileMaxLines)
            .Select(x => $"{x.File} ({x.Lines})")
            .ToList();
        Assert.True(tooLong.Count == 0, "Over 400 lines: " + string.Join(", ", tooLong));
    }

    private static bool Generated(string path)
    {
        var parts = path.Split(Path.DirectorySeparatorChar);
        return parts.Contains("bin") || parts.Contains("obj") || parts.Contains("Migrations") || parts.Contains("node_modules");
    }
}
