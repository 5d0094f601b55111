using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Regions;

/// <summary>The official regions: services, the refresher, the import command, for Program.cs.</summary>
public static class RegionsModule
{
    public static IServiceCollection AddRegions(this IServiceCollection services)
    {
        services.AddOptions<RegionsOptions>().BindConfiguration(RegionsOptions.Section);
        services.AddSingleton<RegionDirectory>();
        services.AddScoped<RegionStore>();
        services.AddHostedService<RegionRefresher>();
        services.AddScoped<IAppCommand, RegionsImportCommand>();
        return services;
    }
}

/// <summary>Every instance looks at the regions' version now and then, off the request path, and reloads when it moved.</summary>
internal sealed partial class RegionRefresher(RegionDirectory directory, Microsoft.Extensions.Options.IOptions<RegionsOptions> options, ILogger<RegionRefresher> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.RefreshSeconds <= 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RefreshSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await directory.RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The copy in memory stays as it is; the next tick tries again.
                LogRefreshFailed(log, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check the regions' version")]
    private static partial void LogRefreshFailed(ILogger logger, Exception e);
}
