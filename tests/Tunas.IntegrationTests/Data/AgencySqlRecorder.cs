using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Data;

/// <summary>One SQL command run while a signed-in agency user's request was served.</summary>
public sealed record RecordedCommand(string Request, string Sql);

/// <summary>
/// Records every SQL command that EF runs on behalf of a request of a signed-in user who has an agency (the claim
/// <c>tunas:agency</c>); background work and the anonymous public are not recorded. The request is found through the
/// same <see cref="IHttpContextAccessor"/> the app's <see cref="CurrentUser"/> reads.
/// </summary>
public sealed class AgencySqlRecorder : IDbCommandInterceptor
{
    private readonly HttpContextAccessor _http = new();

    public ConcurrentQueue<RecordedCommand> Commands { get; } = new();

    public bool Recording { get; set; }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
        CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        if (!Recording || _http.HttpContext is not { } context || context.User.FindFirst(TunasClaims.AgencyId) is null)
        {
            return;
        }
        Commands.Enqueue(new RecordedCommand(context.Request.Method + " " + context.Request.Path + context.Request.QueryString, command.CommandText));
    }

    /// <summary>Adds the recorder to the app's <see cref="TunasDb"/> of the provider the tests run on.</summary>
    public void AddTo(IWebHostBuilder builder) => builder.ConfigureTestServices(services =>
    {
        if (TunasFactory.IsPostgres)
        {
            services.ConfigureDbContext<PostgresTunasDb>(o => o.AddInterceptors(this));
        }
        else
        {
            services.ConfigureDbContext<SqliteTunasDb>(o => o.AddInterceptors(this));
        }
    });
}

/// <summary>
/// Which agency-owned tables a SQL command reads, changes or deletes from without a condition on that table's
/// <c>AgencyId</c>. A table is reached either at the root of a statement or subquery (<c>FROM</c>, <c>UPDATE</c>,
/// <c>DELETE FROM</c>), where it must carry its own condition, or by a <c>JOIN</c> from another table, which decision
/// 0019 accepts: a join by parent id stays within one agency since both sides carry the same one.
/// </summary>
public static partial class AgencyConditions
{
    public static IReadOnlyList<string> UnfilteredTables(string sql, IReadOnlySet<string> tenantTables)
    {
        var unfiltered = new List<string>();
        foreach (Match m in TableReference().Matches(sql))
        {
            var table = m.Groups["table"].Value;
            if (!tenantTables.Contains(table) || m.Groups["keyword"].Value.EndsWith("JOIN", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var alias = m.Groups["alias"].Success && !Keywords.Contains(m.Groups["alias"].Value) ? m.Groups["alias"].Value : null;
            if (!HasCondition(sql, alias ?? table, unqualified: alias is null))
            {
                unfiltered.Add(table);
            }
        }
        return unfiltered.Distinct(StringComparer.Ordinal).ToList();
    }

    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "WHERE", "INNER", "LEFT", "RIGHT", "CROSS", "JOIN", "ON", "SET", "ORDER", "GROUP", "LIMIT", "OFFSET", "UNION", "RETURNING",
        "AS", "FOR", "HAVING", "WINDOW", "USING", "VALUES", "EXCEPT", "INTERSECT", "NATURAL", "FULL", "OUTER", "LATERAL",
    };

    private static bool HasCondition(string sql, string qualifier, bool unqualified)
    {
        var column = "(?:\"?" + Regex.Escape(qualifier) + "\"?\\.)" + (unqualified ? "?" : "") + "\"?AgencyId\"?";
        return Regex.IsMatch(sql, column + @"\s*(?:=|<>|\bIN\b)", RegexOptions.IgnoreCase)
            || Regex.IsMatch(sql, @"=\s*" + column + @"(?![\w""])", RegexOptions.IgnoreCase);
    }

    [GeneratedRegex("""(?<keyword>\bDELETE\s+FROM|\bFROM|\bJOIN|\bUPDATE)\s+(?:ONLY\s+)?"?(?<table>\w+)"?(?:\s+(?:AS\s+)?"?(?<alias>\w+)"?)?""",
        RegexOptions.IgnoreCase)]
    private static partial Regex TableReference();
}
