using Tunas.Web.Infrastructure;

namespace Tunas.Web.Data;

/// <summary><c>-- migrate</c>: brings the schema up to date and stops (production runs it before the app).</summary>
internal sealed class MigrateCommand : IAppCommand
{
    public CommandName Name => CommandName.Migrate;

    public async Task<int> RunAsync(Command command, IServiceProvider services, CancellationToken ct = default)
    {
        await services.GetRequiredService<TunasDb>().MigrateAsync(ct);
        await Console.Out.WriteLineAsync("Database migrated.");
        return 0;
    }
}
