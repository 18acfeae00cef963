using System;
using System.IO;
using System.Linq;
using BorderDomain.Cli;
using BorderDomain.EntityFrameworkCore.Tests.Infrastructure;
using BorderDomain.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Xunit;
using static BorderDomain.EntityFrameworkCore.Tests.Cli.Borderq;

namespace BorderDomain.EntityFrameworkCore.Tests.Cli;

[Collection(DatabaseCollection.Name)]
public sealed class BorderqSeedTests(DatabaseFixture databases)
{
    private const string GoodFile = """
        {
          "accords": [
            { "id": "cli-test-accord", "title": "Acuerdo de prueba", "kind": "Treaty", "parties": ["PER", "ECU"], "signed": "2024-05", "sources": ["src-001"] }
          ]
        }
        """;

    private const string BadFile = """
        {
          "accords": [
            { "id": "cli-bad-accord", "title": "Bad", "kind": "Treaty", "parties": ["PRU"], "sources": ["src-nowhere"] }
          ]
        }
        """;

    private static readonly int[] Bundled = CountsOf(BorderStore.Default);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public void Seed_NewDatabase_CreatesTheTablesAndWritesTheBundledDataset(Provider provider)
    {
        var connection = NewDatabase(databases, provider, "cli_new");

        var run = Run("db", "seed", "--connection", connection);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        var store = BorderStore.Default;
        Assert.Equal(
            $"Seeded the {DatabaseConnection.Name(Cli(provider))} database: {Described(store)}.\n",
            run.Stdout);
        Assert.Equal(Bundled, Counts(provider, connection));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public void Seed_Twice_IsRefusedAndWritesNothing_ReplaceRewritesWithTheDataFiles(Provider provider)
    {
        var connection = NewDatabase(databases, provider, "cli_twice");
        Assert.Equal(0, Run("db", "seed", "--connection", connection).ExitCode);
        var file = TempJson(GoodFile);
        try
        {
            var again = Run("db", "seed", "--connection", connection, "--data", file);

            Assert.Equal(BorderqApp.ExitDatabaseError, again.ExitCode);
            Assert.Equal(string.Empty, again.Stdout);
            Assert.StartsWith($"borderq: the {DatabaseConnection.Name(Cli(provider))} database already holds BorderDomain records ({BorderStore.Default.Sources.Count} sources, ", again.Stderr);
            Assert.EndsWith("nothing was written. Add --replace to delete them and seed again.\n", again.Stderr);
            Assert.Equal(Bundled, Counts(provider, connection));

            var replaced = Run("db", "seed", "--connection", connection, "--data", file, "--replace");

            Assert.Equal(0, replaced.ExitCode);
            Assert.StartsWith($"Replaced the records of the {DatabaseConnection.Name(Cli(provider))} database: ", replaced.Stdout);
            var expected = (int[])Bundled.Clone();
            expected[4]++;
            Assert.Equal(expected, Counts(provider, connection));
            using var db = Open(provider, connection);
            var mine = db.Accords.AsNoTracking().Single(a => a.Id == "cli-test-accord");
            Assert.Equal("Acuerdo de prueba", mine.Title);
            Assert.Equal(["PER", "ECU"], mine.Parties.Select(p => p.Alpha3));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public void Seed_BadDataFile_IsRejectedWhole_AndTheDatabaseIsUnchanged(Provider provider)
    {
        var connection = NewDatabase(databases, provider, "cli_bad");
        Assert.Equal(0, Run("db", "seed", "--connection", connection).ExitCode);
        var good = TempJson(GoodFile);
        var bad = TempJson(BadFile);
        try
        {
            var run = Run("db", "seed", "--connection", connection, "--replace", "--data", good, "--data", bad);

            Assert.Equal(BorderqApp.ExitDataError, run.ExitCode);
            Assert.Equal(string.Empty, run.Stdout);
            Assert.StartsWith("borderq: the data was rejected with 2 error(s):\n", run.Stderr);
            Assert.Contains($"{bad}(3): UnknownNationCode at $.accords[0].parties[0]", run.Stderr);
            Assert.Equal(Bundled, Counts(provider, connection));
            using var db = Open(provider, connection);
            Assert.False(db.Accords.Any(a => a.Id == "cli-test-accord"));
        }
        finally
        {
            File.Delete(good);
            File.Delete(bad);
        }
    }

    [Fact]
    public void Seed_BadDataFile_NewSqliteFile_IsNotEvenCreated()
    {
        var connection = NewDatabase(databases, Provider.Sqlite, "cli_never");
        var path = new SqliteConnectionStringBuilder(connection).DataSource;
        var bad = TempJson(BadFile);
        try
        {
            var run = Run("db", "seed", "--connection", connection, "--data", bad);

            Assert.Equal(BorderqApp.ExitDataError, run.ExitCode);
            Assert.False(File.Exists(path));
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Fact]
    public void Seed_DatabaseWithOtherTables_IsRefusedWithOneLine()
    {
        var connection = NewDatabase(databases, Provider.Sqlite, "cli_foreign");
        using (var sqlite = new SqliteConnection(connection))
        {
            sqlite.Open();
            using var create = sqlite.CreateCommand();
            create.CommandText = "CREATE TABLE orders (id INTEGER PRIMARY KEY)";
            create.ExecuteNonQuery();
        }

        var run = Run("db", "seed", "--connection", connection);

        Assert.Equal(BorderqApp.ExitDatabaseError, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Matches(@"^borderq: the SQLite database holds tables, but not all of BorderDomain's \(SQLite Error 1: 'no such table: \w+'\.?\); seed an empty database or a new one\.\n$", run.Stderr);
    }

    [Fact]
    public void BadConnection_Postgres_ClosedPort_IsOneLineAndExitFour()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var connection = $"Host=127.0.0.1;Port={port};Database=border;Username=nobody;Password=hunter2;Timeout=5";

        foreach (var args in new[] { new[] { "db", "seed", "--connection", connection }, ["--connection", connection, "accords count"], ["--connection", connection] })
        {
            var run = Run(args);

            Assert.Equal(BorderqApp.ExitDatabaseError, run.ExitCode);
            Assert.Equal(string.Empty, run.Stdout);
            Assert.Matches($@"^borderq: PostgreSQL database error: Failed to connect to 127\.0\.0\.1:{port}: .*Connection refused\n$", run.Stderr);
            Assert.DoesNotContain("hunter2", run.Stderr);
            Assert.DoesNotContain(" at ", run.Stderr);
        }
    }

    [Fact]
    public void BadConnection_SqliteFolderMissing_IsOneLineAndExitFour()
    {
        var connection = $"Data Source={Path.Combine(Path.GetTempPath(), "bdq-no-such-folder-" + Guid.NewGuid().ToString("N"), "border.db")}";

        var run = Run("db", "seed", "--connection", connection);

        Assert.Equal(BorderqApp.ExitDatabaseError, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal("borderq: SQLite database error: SQLite Error 14: 'unable to open database file'.\n", run.Stderr);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public void Query_DatabaseMissing_SaysHowToSeed_AndCreatesNothing(Provider provider)
    {
        var connection = NewDatabase(databases, provider, "cli_missing");

        var run = Run("--connection", connection, "accords count");

        Assert.Equal(BorderqApp.ExitDatabaseError, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal($"borderq: the {DatabaseConnection.Name(Cli(provider))} database does not exist; create and fill it with: borderq db seed --connection \"…\"\n", run.Stderr);
        using var db = Open(provider, connection);
        Assert.False(db.Database.CanConnect());
    }

    [Fact]
    public void Query_EmptyDatabase_SaysHowToSeed()
    {
        var connection = NewDatabase(databases, Provider.Postgres, "cli_empty");
        using (var db = Open(Provider.Postgres, connection))
        {
            ((IRelationalDatabaseCreator)db.GetService<IDatabaseCreator>()).Create();
        }

        var run = Run("--connection", connection, "accords count");

        Assert.Equal(BorderqApp.ExitDatabaseError, run.ExitCode);
        Assert.Equal("borderq: the PostgreSQL database has no tables; create and fill it with: borderq db seed --connection \"…\"\n", run.Stderr);
    }

    private static DatabaseProvider Cli(Provider provider) => provider == Provider.Postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    private static int[] CountsOf(BorderStore store) =>
        [
            store.Sources.Count, store.Nations.Count, store.Agencies.Count, store.People.Count, store.Accords.Count, store.Statistics.Count, store.Events.Count,
            store.Organizations.Count, store.Places.Count, store.Statements.Count, store.Participants.Count, store.Affiliations.Count,
        ];

    // "12 sources, 7 nations, …": every set the store holds records of, in the seeder's order.
    private static string Described(BorderStore store) => string.Join(", ", new (int Count, string Many)[]
        {
            (store.Sources.Count, "sources"), (store.Nations.Count, "nations"), (store.Agencies.Count, "agencies"), (store.People.Count, "people"),
            (store.Accords.Count, "accords"), (store.Statistics.Count, "statistics"), (store.Events.Count, "events"),
            (store.Organizations.Count, "organizations"), (store.Places.Count, "places"), (store.Statements.Count, "statements"),
            (store.Participants.Count, "participants"), (store.Affiliations.Count, "affiliations"),
        }.Where(c => c.Count > 0).Select(c => $"{c.Count} {c.Many}"));

    private static string TempJson(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"borderq-db-test-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
