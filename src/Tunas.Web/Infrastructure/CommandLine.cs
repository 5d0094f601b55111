using Tunas.Web.Data;
using Tunas.Web.Features.Regions;

namespace Tunas.Web.Infrastructure;

public enum CommandName
{
    Serve,
    Migrate,
    RegionsImport,
}

public sealed record Command(CommandName Name, bool Demo, string? Argument, string[] HostArgs);

/// <summary>
/// The app's own command-line words: <c>migrate</c>, <c>regions import &lt;folder&gt;</c> and <c>--demo</c>.
/// Everything else (<c>--urls</c>, <c>--Database:Provider=…</c>) is configuration for ASP.NET Core.
/// </summary>
public static class CommandLine
{
    public static Command Parse(string[] args)
    {
        var rest = args.ToList();
        var demo = rest.RemoveAll(a => a == "--demo") > 0;
        if (rest.Count > 0 && rest[0] == "migrate")
        {
            return new Command(CommandName.Migrate, demo, null, [.. rest.Skip(1)]);
        }
        if (rest.Count > 0 && rest[0] == "regions")
        {
            if (rest.Count < 3 || rest[1] != "import")
            {
                throw new ArgumentException("Usage: regions import <folder with provinces.csv, regencies.csv, districts.csv, villages.csv>");
            }
            return new Command(CommandName.RegionsImport, demo, rest[2], [.. rest.Skip(3)]);
        }
        return new Command(CommandName.Serve, demo, null, [.. rest]);
    }

    public static async Task<int> RunAsync(Command command, IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        switch (command.Name)
        {
            case CommandName.Migrate:
                await sp.GetRequiredService<TunasDb>().MigrateAsync();
                await Console.Out.WriteLineAsync("Database migrated.");
                return 0;
            case CommandName.RegionsImport:
                List<Region> regions;
                try
                {
                    regions = RegionFiles.Read(command.Argument!);
                }
                catch (RegionFileException e)
                {
                    await Console.Error.WriteLineAsync("Region files rejected, nothing changed: " + e.Message);
                    return 2;
                }
                var result = await sp.GetRequiredService<RegionStore>().ImportAsync(regions);
                await Console.Out.WriteLineAsync(FormattableString.Invariant(
                    $"Regions: {result.Added} added, {result.Renamed} changed, {result.Retired} no longer current, {result.Unchanged} unchanged."));
                return 0;
            default:
                return 0;
        }
    }
}
