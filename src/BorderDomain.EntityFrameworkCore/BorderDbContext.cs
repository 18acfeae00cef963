using System;
using System.Threading;
using System.Threading.Tasks;
using BorderDomain.Data;
using BorderDomain.Model;
using BorderDomain.Storage;
using Microsoft.EntityFrameworkCore;

namespace BorderDomain.EntityFrameworkCore;

/// <summary>
/// The BorderDomain records on a database: one table per set (sources, nations, agencies, people, accords, statistics,
/// events, organizations, places, statements, and the store-computed participants and affiliations), mapped by <see cref="BdqModelBuilderExtensions.ApplyBdqConventions"/>. Configure the provider as usual
/// (<c>UseNpgsql</c>, <c>UseSqlite</c>); the context adds <see cref="BdqDbContextOptionsExtensions.UseBdq"/> itself.
/// Fill it with <see cref="SeedAsync"/>.
/// </summary>
public class BorderDbContext : DbContext
{
    /// <summary>Creates a context with the given options (a provider must be configured).</summary>
    /// <param name="options">The options, e.g. from <c>new DbContextOptionsBuilder&lt;BorderDbContext&gt;().UseNpgsql(...)</c>.</param>
    public BorderDbContext(DbContextOptions<BorderDbContext> options)
        : base(options)
    {
    }

    /// <summary>Creates a context for a derived type's options.</summary>
    /// <param name="options">The options.</param>
    protected BorderDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>The sources.</summary>
    public DbSet<Source> Sources => Set<Source>();

    /// <summary>The nations.</summary>
    public DbSet<Nation> Nations => Set<Nation>();

    /// <summary>The agencies.</summary>
    public DbSet<Agency> Agencies => Set<Agency>();

    /// <summary>The people.</summary>
    public DbSet<Person> People => Set<Person>();

    /// <summary>The accords.</summary>
    public DbSet<Accord> Accords => Set<Accord>();

    /// <summary>The statistics.</summary>
    public DbSet<Statistic> Statistics => Set<Statistic>();

    /// <summary>The events.</summary>
    public DbSet<Event> Events => Set<Event>();

    /// <summary>The organizations.</summary>
    public DbSet<Organization> Organizations => Set<Organization>();

    /// <summary>The places.</summary>
    public DbSet<Place> Places => Set<Place>();

    /// <summary>The statements.</summary>
    public DbSet<Statement> Statements => Set<Statement>();

    /// <summary>The events' participants with their roles, as the store computes them (seeded from a store, not kept in step by the database).</summary>
    public DbSet<Participation> Participants => Set<Participation>();

    /// <summary>The people's roles, as the store computes them (seeded from a store, not kept in step by the database).</summary>
    public DbSet<Affiliation> Affiliations => Set<Affiliation>();

    /// <summary>
    /// Adds every record of <paramref name="store"/> (e.g. <see cref="BorderStore.Default"/>, or a store built with users'
    /// data files through <see cref="BorderDataset"/>) and saves them in one transaction. The tables must exist
    /// (<c>Database.EnsureCreatedAsync()</c> or migrations) and hold none of these keys yet.
    /// </summary>
    /// <param name="store">The records to load.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>The number of records written.</returns>
    public async Task<int> SeedAsync(BorderStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            Sources.AddRange(store.Sources);
            Nations.AddRange(store.Nations);
            Agencies.AddRange(store.Agencies);
            People.AddRange(store.People);
            Accords.AddRange(store.Accords);
            Statistics.AddRange(store.Statistics);
            Events.AddRange(store.Events);
            Organizations.AddRange(store.Organizations);
            Places.AddRange(store.Places);
            Statements.AddRange(store.Statements);
            Participants.AddRange(store.Participants);
            Affiliations.AddRange(store.Affiliations);
            var written = await SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            ChangeTracker.Clear();
            return written;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <inheritdoc />
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        optionsBuilder.UseBdq();
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<Source>();
        modelBuilder.Entity<Nation>();
        modelBuilder.Entity<Agency>();
        modelBuilder.Entity<Person>();
        modelBuilder.Entity<Accord>();
        modelBuilder.Entity<Statistic>();
        modelBuilder.Entity<Event>();
        modelBuilder.Entity<Organization>();
        modelBuilder.Entity<Place>();
        modelBuilder.Entity<Statement>();
        modelBuilder.Entity<Participation>();
        modelBuilder.Entity<Affiliation>();
        modelBuilder.ApplyBdqConventions();
    }
}
