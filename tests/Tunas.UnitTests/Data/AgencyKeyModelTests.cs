using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Tunas.Web.Data;

namespace Tunas.UnitTests.Data;

/// <summary>
/// Holds decisions 0003 and 0019 against the EF model of both providers: every table is either shared (listed here,
/// with why) or keyed by agency, and the keyed ones could be distributed on Citus by <c>AgencyId</c> as they are.
/// </summary>
public sealed class AgencyKeyModelTests
{
    /// <summary>Tables without an agency column: Citus reference tables (copied to every node) or the coordinator's own.</summary>
    private static readonly Dictionary<string, string> Shared = new(StringComparer.Ordinal)
    {
        ["Agencies"] = "the tenants themselves; every agency-owned row points to one",
        ["Regions"] = "national reference data (Kemendagri codes), the same for every agency",
        ["RegionsVersion"] = "which edition of the regions is loaded: one row for the installation",
        ["AspNetRoles"] = "the seven roles are the same for every agency",
        ["AspNetRoleClaims"] = "belongs to the roles",
        ["AspNetUserRoles"] = "Identity's own link table; the user row carries the agency",
        ["AspNetUserClaims"] = "Identity's own; the user row carries the agency",
        ["AspNetUserLogins"] = "Identity's own; the user row carries the agency",
        ["AspNetUserTokens"] = "Identity's own; the user row carries the agency",
        ["DataProtectionKeys"] = "one key ring for the installation, shared by every instance",
        ["AppSecrets"] = "the installation's token signing key",
    };

    /// <summary>
    /// Tables that carry the agency but are not distributed (decision 0019): the user accounts (a reference table, found
    /// by e-mail at sign-in before the agency is known), and the audit log (on the coordinator: public and system entries
    /// have no agency).
    /// </summary>
    private static readonly Dictionary<string, string> KeyedButNotDistributed = new(StringComparer.Ordinal)
    {
        ["AspNetUsers"] = "reference: sign-in finds an account by e-mail before it knows the agency",
        ["AuditEntries"] = "local on the coordinator: an entry of the public or of the system has no agency",
    };

    /// <summary>
    /// Unique keys of distributed tables that leave the agency out, each with what decision 0019 does about it on Citus.
    /// Anything else that is unique must include AgencyId.
    /// </summary>
    private static readonly Dictionary<string, string> GlobalUniqueKeys = new(StringComparer.Ordinal)
    {
        ["Applications(RegistrationNumber)"] =
            "a public number looked up without the agency: on Citus it is held unique by a table of numbers distributed by the number",
    };

    /// <summary>Tables whose id is drawn from another table's generated sequence: as good as a surrogate for Citus.</summary>
    private static readonly Dictionary<string, string> SequenceKeys = new(StringComparer.Ordinal)
    {
        ["PendingPersons"] = "a held resident's id comes from the persons' sequence (decision 0021), so it never meets a person's id",
    };

    public static TheoryData<string> Providers => new() { "Sqlite", "Postgres" };

    [Theory]
    [MemberData(nameof(Providers))]
    public void EveryTableButTheSharedOnesCarriesANonNullAgencyIdWithAForeignKeyAndAnIndex(string provider)
    {
        var problems = new List<string>();
        foreach (var table in Tables(provider))
        {
            var agency = table.FindProperty("AgencyId");
            if (Shared.ContainsKey(table.GetTableName()!))
            {
                continue;
            }
            if (agency is null)
            {
                problems.Add($"{table.GetTableName()}: no AgencyId (add it, or list the table as shared with why)");
                continue;
            }
            if (KeyedButNotDistributed.ContainsKey(table.GetTableName()!))
            {
                // Not distributed, so not bound by the distribution column's rules; the audit log's agency may be null.
                continue;
            }
            if (agency.IsNullable)
            {
                problems.Add($"{table.GetTableName()}: AgencyId may be null");
            }
            if (!table.GetForeignKeys().Any(fk => fk.Properties.SequenceEqual([agency]) && fk.PrincipalEntityType.GetTableName() == "Agencies"))
            {
                problems.Add($"{table.GetTableName()}: AgencyId has no foreign key to Agencies");
            }
            var leading = table.GetIndexes().Select(i => i.Properties[0]).Append(table.FindPrimaryKey()!.Properties[0]);
            if (!leading.Contains(agency))
            {
                problems.Add($"{table.GetTableName()}: no index starts with AgencyId");
            }
        }
        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void SharedTablesListedHereExistAndCarryNoAgency(string provider)
    {
        var names = Tables(provider).ToDictionary(t => t.GetTableName()!, StringComparer.Ordinal);
        foreach (var (table, why) in Shared)
        {
            Assert.True(names.TryGetValue(table, out var type), $"{table} ({why}) is no longer in the model: take it off the list");
            Assert.Null(type.FindProperty("AgencyId"));
        }
        foreach (var table in KeyedButNotDistributed.Keys)
        {
            Assert.NotNull(names[table].FindProperty("AgencyId"));
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void DistributedTablesHaveCitusCompatibleKeys(string provider)
    {
        var tables = Tables(provider).ToList();
        var distributed = tables.Where(Distributed).Select(t => t.GetTableName()!).ToHashSet(StringComparer.Ordinal);
        var local = tables.Where(t => KeyedButNotDistributed.ContainsKey(t.GetTableName()!) && t.GetTableName() != "AspNetUsers")
            .Select(t => t.GetTableName()!).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var table in tables)
        {
            var name = table.GetTableName()!;
            foreach (var fk in table.GetForeignKeys())
            {
                var principal = fk.PrincipalEntityType.GetTableName()!;
                // A reference or local table cannot point into a distributed one: its rows live on every node or on one.
                if (!distributed.Contains(name) && distributed.Contains(principal))
                {
                    problems.Add($"{name} -> {principal}: a table that is not distributed points into a distributed one");
                }
                if (distributed.Contains(name) && local.Contains(principal))
                {
                    problems.Add($"{name} -> {principal}: a distributed table points into a coordinator-only table");
                }
            }
            if (!distributed.Contains(name))
            {
                continue;
            }
            var agency = table.FindProperty("AgencyId")!;
            // The primary key includes the agency, or is one generated id (identity or random Guid) that the Citus
            // migration widens to (Id, AgencyId) with no change of meaning (decision 0019).
            var key = table.FindPrimaryKey()!;
            var surrogate = key.Properties.Count == 1 && (key.Properties[0].ValueGenerated == ValueGenerated.OnAdd || key.Properties[0].ClrType == typeof(Guid));
            if (!key.Properties.Contains(agency) && !surrogate && !SequenceKeys.ContainsKey(name))
            {
                problems.Add($"{name}: primary key ({string.Join(", ", key.Properties.Select(p => p.Name))}) without AgencyId");
            }
            foreach (var index in table.GetIndexes().Where(i => i.IsUnique && !i.Properties.Contains(agency)))
            {
                var label = $"{name}({string.Join(", ", index.Properties.Select(p => p.Name))})";
                if (!GlobalUniqueKeys.ContainsKey(label))
                {
                    problems.Add($"{label}: a unique index of a distributed table without AgencyId");
                }
            }
        }
        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void TheExceptionsListedHereAreStillThere(string provider)
    {
        var labels = Tables(provider).SelectMany(t => t.GetIndexes().Where(i => i.IsUnique)
            .Select(i => $"{t.GetTableName()}({string.Join(", ", i.Properties.Select(p => p.Name))})")).ToHashSet(StringComparer.Ordinal);
        foreach (var label in GlobalUniqueKeys.Keys)
        {
            Assert.Contains(label, labels);
        }
    }

    private static bool Distributed(IEntityType table) =>
        table.FindProperty("AgencyId") is not null && !KeyedButNotDistributed.ContainsKey(table.GetTableName()!);

    private static IEnumerable<IEntityType> Tables(string provider)
    {
        using TunasDb db = provider == "Sqlite"
            ? new SqliteTunasDb(Options<SqliteTunasDb>(o => DatabaseSetup.ConfigureSqlite(o, "Data Source=:memory:")))
            : new PostgresTunasDb(Options<PostgresTunasDb>(o => DatabaseSetup.ConfigurePostgres(o, "Host=127.0.0.1;Database=model-only")));
        // One entity per table (no table splitting here), and no owned or keyless types.
        return [.. db.Model.GetEntityTypes().Where(t => t.GetTableName() is not null && t.FindPrimaryKey() is not null)];
    }

    private static DbContextOptions<T> Options<T>(Action<DbContextOptionsBuilder<T>> configure)
        where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        configure(builder);
        return builder.Options;
    }
}
