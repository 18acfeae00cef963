using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using BorderDomain.Storage;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace BorderDomain.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>The two databases every test here runs on.</summary>
public enum Provider
{
    /// <summary>PostgreSQL 15 through Npgsql.</summary>
    Postgres,

    /// <summary>SQLite through Microsoft.Data.Sqlite.</summary>
    Sqlite,
}

/// <summary>
/// One PostgreSQL cluster and one SQLite folder for the whole test run, and each database shape created and seeded once:
/// <see cref="Border"/> gives a context over the bundled dataset, seeded on first use.
/// </summary>
public sealed class DatabaseFixture : IDisposable
{
    private readonly Lazy<PostgresCluster> _cluster = new(PostgresCluster.Start);
    private readonly string _sqliteFolder = Path.Combine(Path.GetTempPath(), "bdq-sqlite-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly ConcurrentDictionary<(Provider, string), Lazy<bool>> _seeded = new();

    /// <summary>SQL commands executed through contexts made here, for tests that count them.</summary>
    public SqlCapture Sql { get; } = new();

    /// <summary>The PostgreSQL cluster, started on first use.</summary>
    internal PostgresCluster Cluster => _cluster.Value;

    /// <summary>Options for <typeparamref name="TContext"/> on database <paramref name="name"/> of <paramref name="provider"/>.</summary>
    public DbContextOptions<TContext> Options<TContext>(Provider provider, string name)
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        if (provider == Provider.Postgres)
        {
            builder.UseNpgsql(Cluster.ConnectionString(name));
        }
        else
        {
            Directory.CreateDirectory(_sqliteFolder);
            builder.UseSqlite($"Data Source={SqliteFile(name)};Pooling=false");
        }

        return builder.AddInterceptors(Sql).UseBdq().Options;
    }

    /// <summary>The file of SQLite database <paramref name="name"/> (created and seeded by <see cref="Context"/>).</summary>
    public string SqliteFile(string name) => Path.Combine(_sqliteFolder, name + ".db");

    /// <summary>A new context over database <paramref name="name"/>, created and seeded (once per run) by <paramref name="seed"/>.</summary>
    public TContext Context<TContext>(Provider provider, string name, Func<DbContextOptions<TContext>, TContext> factory, Action<TContext>? seed = null)
        where TContext : DbContext
    {
        var options = Options<TContext>(provider, name);
        _ = _seeded.GetOrAdd((provider, name), _ => new Lazy<bool>(() =>
        {
            using var context = factory(options);
            context.Database.EnsureDeleted();
            context.Database.EnsureCreated();
            seed?.Invoke(context);
            return true;
        })).Value;
        return factory(options);
    }

    /// <summary>A context over the bundled dataset (<see cref="BorderStore.Default"/>), seeded once per provider.</summary>
    public BorderDbContext Border(Provider provider) =>
        Context<BorderDbContext>(provider, "border", options => new BorderDbContext(options), context => context.SeedAsync(BorderStore.Default).GetAwaiter().GetResult());

    /// <inheritdoc />
    public void Dispose()
    {
        if (_cluster.IsValueCreated)
        {
            _cluster.Value.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_sqliteFolder))
        {
            Directory.Delete(_sqliteFolder, recursive: true);
        }
    }
}

/// <summary>The collection every database test belongs to, so they share one <see cref="DatabaseFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<DatabaseFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "databases";
}

/// <summary>The providers, as xunit member data.</summary>
public static class Providers
{
    /// <summary>Both providers.</summary>
    public static IEnumerable<object[]> All => [[Provider.Postgres], [Provider.Sqlite]];
}
