using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Regions;

/// <summary><c>-- regions import &lt;folder&gt;</c>: the official regions from a new decree, all or nothing.</summary>
internal sealed class RegionsImportCommand : IAppCommand
{
    public CommandName Name => CommandName.RegionsImport;

    public async Task<int> RunAsync(Command command, IServiceProvider services, CancellationToken ct = default)
    {
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
        var result = await services.GetRequiredService<RegionStore>().ImportAsync(regions, ct);
        await Console.Out.WriteLineAsync(FormattableString.Invariant(
            $"Regions: {result.Added} added, {result.Renamed} changed, {result.Retired} no longer current, {result.Unchanged} unchanged."));
        return 0;
    }
}
