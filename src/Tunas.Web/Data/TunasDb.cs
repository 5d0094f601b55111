using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Messages;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Registry.Duplicates;
using Tunas.Web.Features.Registry.Held;
using Tunas.Web.Features.Registry.Imports;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Shared.Messaging;
using Tunas.Web.Features.Users;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Data;

/// <summary>
/// The one database of the app. Each provider has its own subclass (<see cref="SqliteTunasDb"/>,
/// <see cref="PostgresTunasDb"/>) only so that each keeps its own migrations (decision 0002).
/// </summary>
public abstract class TunasDb(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AppSecret> AppSecrets => Set<AppSecret>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Person> Persons => Set<Person>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<PersonNameToken> PersonNameTokens => Set<PersonNameToken>();
    public DbSet<SuspectedDuplicate> SuspectedDuplicates => Set<SuspectedDuplicate>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();
    public DbSet<ImportRowError> ImportRowErrors => Set<ImportRowError>();
    public DbSet<TrainingProgram> Programs => Set<TrainingProgram>();
    public DbSet<Track> Tracks => Set<Track>();
    public DbSet<TrackModule> TrackModules => Set<TrackModule>();
    public DbSet<Provider> Providers => Set<Provider>();
    public DbSet<TrackProvider> TrackProviders => Set<TrackProvider>();
    public DbSet<ProgramQuota> ProgramQuotas => Set<ProgramQuota>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<SelectionRun> SelectionRuns => Set<SelectionRun>();
    public DbSet<SelectionDecision> SelectionDecisions => Set<SelectionDecision>();
    public DbSet<Appeal> Appeals => Set<Appeal>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<PendingPerson> PendingPersons => Set<PendingPerson>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        CarryAgencyToNewChildren();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        CarryAgencyToNewChildren();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// A track added inside its program (and a module inside its track) takes the parent's agency, as its foreign key
    /// takes the parent's id: a program is built with its tracks and modules in one graph, before the parent has an id.
    /// Every other agency-owned row is given its agency by its writer (decision 0003).
    /// </summary>
    private void CarryAgencyToNewChildren()
    {
        foreach (var program in ChangeTracker.Entries<TrainingProgram>())
        {
            foreach (var track in program.Entity.Tracks.Where(t => t.AgencyId == 0))
            {
                track.AgencyId = program.Entity.AgencyId;
            }
        }
        foreach (var track in ChangeTracker.Entries<Track>())
        {
            foreach (var module in track.Entity.Modules.Where(m => m.AgencyId == 0))
            {
                module.AgencyId = track.Entity.AgencyId;
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TunasDb).Assembly);
        // Shared tables are configured beside their entities, which come before the agency in the feature order.
        builder.Entity<OutboxMessage>().HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        if (this is PostgresTunasDb)
        {
            // Tokens and name keys are folded to a-z, 0-9 and single spaces: byte order is alphabetical order, so
            // sorting tens of thousands of keys for a search page needs no locale rules, and a word searched with
            // LIKE 'word%' is a range of the index whose size the planner estimates as a prefix (PersonSearch).
            // SQLite compares bytes already.
            builder.Entity<PersonNameToken>().Property(x => x.NameKey).UseCollation("C");
            builder.Entity<PersonNameToken>().Property(x => x.Token).UseCollation("C");
            // A name search within a kelurahan pages in this index alone (PersonSearch). SQLite's entries end with the
            // row id already; PostgreSQL's plain index scan would read the person's row for every entry it tests.
            builder.Entity<Person>().HasIndex(x => new { x.AgencyId, x.VillageCode, x.NameKey }).IncludeProperties(x => x.Id);
        }
        // An update or delete of a tracked agency-owned row says its agency beside its id (decision 0019): on Citus the
        // statement goes to the agency's node alone. A key that holds the agency says it already; the accounts are a
        // reference table and the audit log is appended to.
        foreach (var type in builder.Model.GetEntityTypes().Where(t => t.ClrType != typeof(AppUser) && t.ClrType != typeof(AuditEntry)))
        {
            if (type.FindProperty("AgencyId") is { IsNullable: false } agency && !agency.IsPrimaryKey())
            {
                agency.IsConcurrencyToken = true;
            }
        }
        builder.Entity<AppSecret>(e =>
        {
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(64);
            e.Property(x => x.Value).HasMaxLength(512);
        });
    }
}

public sealed class SqliteTunasDb(DbContextOptions<SqliteTunasDb> options) : TunasDb(options);

public sealed class PostgresTunasDb(DbContextOptions<PostgresTunasDb> options) : TunasDb(options);

/// <summary>A generated secret the app keeps for itself (the API token signing key).</summary>
public sealed class AppSecret
{
    public required string Name { get; set; }
    public required string Value { get; set; }
}
