
namespace Tunas.Web.Infrastructure;

public enum CommandName
{
    Serve,
    Migrate,
    RegionsImport,
    ImportPersons,
    ResetDemoPasswords,
    Backup,
}

/// <summary>
/// A parsed command line; <paramref name="Regency"/> is <c>--regency</c> of <c>import persons</c>,
/// <paramref name="Force"/> is <c>--force</c> of <c>backup</c>.
/// </summary>
public sealed record Command(CommandName Name, bool Demo, string? Argument, string[] HostArgs, string? Regency = null, bool Force = false);

/// <summary>
/// The app's own command-line words: <c>migrate</c>, <c>regions import &lt;folder&gt;</c>,
/// <c>import persons &lt;file&gt; [--regency 35.72]</c>, <c>backup &lt;file&gt; [--force]</c>,
/// <c>users reset-demo-passwords</c> and <c>--demo</c>.
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
        if (rest.Count > 0 && rest[0] == "users")
        {
            if (rest.Count < 2 || rest[1] != "reset-demo-passwords")
            {
                throw new ArgumentException("Usage: users reset-demo-passwords");
            }
            return new Command(CommandName.ResetDemoPasswords, demo, null, [.. rest.Skip(2)]);
        }
        if (rest.Count > 0 && rest[0] == "import")
        {
            if (rest.Count < 3 || rest[1] != "persons" || rest[2].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException(ImportUsage);
            }
            var hostArgs = rest.Skip(3).ToList();
            string? regency = null;
            var at = hostArgs.IndexOf("--regency");
            if (at >= 0)
            {
                if (at + 1 >= hostArgs.Count)
                {
                    throw new ArgumentException(ImportUsage);
                }
                regency = hostArgs[at + 1];
                hostArgs.RemoveRange(at, 2);
            }
            return new Command(CommandName.ImportPersons, demo, rest[2], [.. hostArgs], regency);
        }
        if (rest.Count > 0 && rest[0] == "backup")
        {
            var words = rest.Skip(1).ToList();
            var force = words.RemoveAll(a => a == "--force") > 0;
            if (words.Count == 0 || words[0].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException(BackupUsage);
            }
            return new Command(CommandName.Backup, demo, words[0], [.. words.Skip(1)], Force: force);
        }
        return new Command(CommandName.Serve, demo, null, [.. rest]);
    }

    public const string BackupUsage = "Usage: backup <file> [--force]";

    public const string ImportUsage = "Usage: import persons <file .csv/.xlsx/.xls> [--regency 35.72]";

    /// <summary>Runs a command other than <see cref="CommandName.Serve"/> by the feature that registered it.</summary>
    public static async Task<int> RunAsync(Command command, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var scope = services.CreateScope();
        var handler = scope.ServiceProvider.GetServices<IAppCommand>().FirstOrDefault(c => c.Name == command.Name)
            ?? throw new InvalidOperationException($"No feature registered the command {command.Name}.");
        return await handler.RunAsync(command, scope.ServiceProvider);
    }
}

/// <summary>A command of the command line, registered by the feature it belongs to (regions import, persons import, migrate).</summary>
public interface IAppCommand
{
    CommandName Name { get; }

    Task<int> RunAsync(Command command, IServiceProvider services, CancellationToken ct = default);
}
