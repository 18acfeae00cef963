using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using BorderDomain.Cli;
using BorderDomain.EntityFrameworkCore.Tests.Infrastructure;
using BorderDomain.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace BorderDomain.EntityFrameworkCore.Tests.Cli;

/// <summary>What one run of <c>borderq</c> printed and returned.</summary>
internal sealed record BorderqRun(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs <c>borderq</c> in-process through <see cref="BorderqApp.RunGuarded"/>, as its <c>Program.cs</c> does, and names test databases.</summary>
internal static class Borderq
{
    private static readonly ConcurrentDictionary<(DatabaseFixture, Provider), Lazy<string>> Seeded = new();
    private static readonly ConcurrentDictionary<(DatabaseFixture, Provider), Lazy<BorderStore>> ReadBack = new();

    /// <summary>Runs <c>borderq <paramref name="args"/></c> with empty standard input.</summary>
    public static BorderqRun Run(params string[] args) => RunWithInput(string.Empty, args);

    /// <summary>Runs <c>borderq <paramref name="args"/></c> reading <paramref name="stdin"/>.</summary>
    public static BorderqRun RunWithInput(string stdin, params string[] args) => RunOn(null, stdin, args);

    /// <summary>Runs <c>borderq <paramref name="args"/></c> in memory on <paramref name="store"/> (the bundled dataset when null).</summary>
    public static BorderqRun RunOn(BorderStore? store, string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var exitCode = new BorderqApp(store).RunGuarded(args, input, stdout, stderr);
        return new BorderqRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// A connection string for a new, empty database <paramref name="name"/> (unique per call) on <paramref name="provider"/>:
    /// on the fixture's PostgreSQL cluster (the database does not exist yet) or a file in the fixture's SQLite folder.
    /// </summary>
    public static string NewDatabase(DatabaseFixture databases, Provider provider, string name) =>
        ConnectionString(databases, provider, $"{name}_{Guid.NewGuid():N}"[..Math.Min(name.Length + 13, 60)]);

    /// <summary>The database <c>borderq db seed</c> filled with the bundled dataset, once per provider and run.</summary>
    public static string SeededDatabase(DatabaseFixture databases, Provider provider) =>
        Seeded.GetOrAdd((databases, provider), key => new Lazy<string>(() =>
        {
            var connection = NewDatabase(key.Item1, key.Item2, "cli_seeded");
            var seed = Run("db", "seed", "--connection", connection);
            if (seed.ExitCode != 0)
            {
                throw new InvalidOperationException($"borderq db seed failed ({seed.ExitCode}): {seed.Stderr}");
            }

            return connection;
        })).Value;

    /// <summary>
    /// The records of <see cref="SeededDatabase"/> read back into an in-memory store, once per provider and run: what the
    /// database holds, for comparing its answers with the in-memory engine's over the very same records.
    /// </summary>
    public static BorderStore SeededRecords(DatabaseFixture databases, Provider provider) =>
        ReadBack.GetOrAdd((databases, provider), key => new Lazy<BorderStore>(() =>
        {
            using var db = Open(key.Item2, SeededDatabase(key.Item1, key.Item2));
            var builder = new BorderStoreBuilder();
            builder.Sources.AddRange(db.Sources.AsNoTracking());
            builder.Nations.AddRange(db.Nations.AsNoTracking());
            builder.Agencies.AddRange(db.Agencies.AsNoTracking());
            builder.People.AddRange(db.People.AsNoTracking());
            builder.Accords.AddRange(db.Accords.AsNoTracking());
            builder.Statistics.AddRange(db.Statistics.AsNoTracking());
            builder.Events.AddRange(db.Events.AsNoTracking());
            builder.Organizations.AddRange(db.Organizations.AsNoTracking());
            builder.Places.AddRange(db.Places.AsNoTracking());
            builder.Statements.AddRange(db.Statements.AsNoTracking());
            return builder.Build(); // participants and affiliations are computed again from the events and people read back
        })).Value;

    /// <summary>A context on the database of <paramref name="connection"/>, for checking what borderq wrote.</summary>
    public static BorderDbContext Open(Provider provider, string connection)
    {
        var builder = new DbContextOptionsBuilder<BorderDbContext>();
        _ = provider == Provider.Postgres ? builder.UseNpgsql(connection) : builder.UseSqlite(connection);
        return new BorderDbContext(builder.Options);
    }

    /// <summary>The rows of each BorderDomain table, in the order sources, nations, agencies, people, accords, statistics, events, organizations, places, statements, participants, affiliations.</summary>
    public static int[] Counts(Provider provider, string connection)
    {
        using var db = Open(provider, connection);
        return
        [
            db.Sources.Count(), db.Nations.Count(), db.Agencies.Count(), db.People.Count(), db.Accords.Count(), db.Statistics.Count(), db.Events.Count(),
            db.Organizations.Count(), db.Places.Count(), db.Statements.Count(), db.Participants.Count(), db.Affiliations.Count(),
        ];
    }

    // The fixture's connection string for a database, read back from the options it builds (its SQLite folder is its own).
    private static string ConnectionString(DatabaseFixture databases, Provider provider, string name) =>
        RelationalOptionsExtension.Extract(databases.Options<DbContext>(provider, name)).ConnectionString
        ?? throw new InvalidOperationException("The fixture's options hold no connection string.");
}
