using BorderDomain.Cli;
using Xunit;
using static BorderDomain.EntityFrameworkCore.Tests.Cli.Borderq;

namespace BorderDomain.EntityFrameworkCore.Tests.Cli;

public sealed class BorderqConnectionOptionsTests
{
    [Theory]
    [InlineData("Host=127.0.0.1;Database=border;Username=me", "Postgres")]
    [InlineData("Server=db.example;Port=5433;User ID=me;Password=secret", "Postgres")]
    [InlineData("host=localhost;database=border", "Postgres")]
    [InlineData("Data Source=border.db", "Sqlite")]
    [InlineData("DataSource=border.db;Mode=ReadWriteCreate", "Sqlite")]
    [InlineData("Filename=:memory:", "Sqlite")]
    public void TryCreate_TellsTheProviderFromTheKeys(string connection, string expected)
    {
        Assert.True(DatabaseConnection.TryCreate(connection, null, out var created, out var error), error);
        Assert.Equal(expected, created!.Provider.ToString());
        Assert.Equal(connection, created.ConnectionString);
    }

    [Theory]
    [InlineData("Pooling=true", "cannot tell the database")]
    [InlineData("Host=h;Data Source=x.db", "keys of both")]
    [InlineData("Host=h;Port=abc", "not valid for PostgreSQL")]
    [InlineData("Host=h;Colour=blue", "not valid for PostgreSQL")]
    [InlineData("Data Source=x.db;Mode=Sideways", "not valid for SQLite")]
    [InlineData("Data Source=x.db;Database=y;Bogus=1", "keys of both")]
    [InlineData("Host='unclosed", "not a list of key=value pairs")]
    public void TryCreate_BadOrUnclearStrings_SayWhy(string connection, string because)
    {
        Assert.False(DatabaseConnection.TryCreate(connection, null, out var created, out var error));
        Assert.Null(created);
        Assert.Contains(because, error);
    }

    [Fact]
    public void TryCreate_ProviderOption_OverridesTheKeys()
    {
        Assert.True(DatabaseConnection.TryCreate("Data Source=x.db;Pooling=false", DatabaseProvider.Sqlite, out var sqlite, out _));
        Assert.Equal(DatabaseProvider.Sqlite, sqlite!.Provider);

        // The provider named wins, and its own builder then checks the keys: SQLite has no Host.
        Assert.False(DatabaseConnection.TryCreate("Host=h;Data Source=x.db", DatabaseProvider.Sqlite, out _, out var error));
        Assert.Contains("not valid for SQLite", error);
        Assert.True(DatabaseConnection.TryCreate("Pooling=true", DatabaseProvider.Postgres, out var postgres, out _));
        Assert.Equal(DatabaseProvider.Postgres, postgres!.Provider);
    }

    [Theory]
    [InlineData("postgres", "Postgres")]
    [InlineData("PostgreSQL", "Postgres")]
    [InlineData("npgsql", "Postgres")]
    [InlineData("SQLite", "Sqlite")]
    public void TryParseProvider_AcceptsTheNames(string text, string expected)
    {
        Assert.True(DatabaseConnection.TryParseProvider(text, out var provider));
        Assert.Equal(expected, provider.ToString());
    }

    [Theory]
    [InlineData("'db seed' needs --connection", "db", "seed")]
    [InlineData("unknown command 'db drop'", "db", "drop")]
    [InlineData("unknown command 'db seed now'", "db", "seed", "now", "--connection", "Data Source=x.db")]
    [InlineData("'--replace' is for 'db seed'", "--replace", "accords count")]
    [InlineData("unknown provider 'oracle'", "--provider", "oracle", "--connection", "Data Source=x.db", "accords count")]
    [InlineData("'--provider' needs --connection", "--provider", "sqlite", "accords count")]
    [InlineData("needs a connection string", "--connection", " ", "accords count")]
    [InlineData("--data loads files into the in-memory dataset", "--connection", "Data Source=x.db", "--data", "mine.json", "accords count")]
    [InlineData("--explain prints the in-memory engine's plan", "--connection", "Data Source=x.db", "--explain", "accords count")]
    [InlineData("'--format' does not apply to 'db seed'", "db", "seed", "--connection", "Data Source=x.db", "--format", "json")]
    [InlineData("'--param' does not apply to 'db seed'", "db", "seed", "--connection", "Data Source=x.db", "--param", "a=1")]
    [InlineData("cannot tell the database", "--connection", "Pooling=true", "accords count")]
    [InlineData("not valid for SQLite", "--connection=Data Source=x.db;Mode=Sideways", "accords count")]
    public void UsageErrors_ExitTwo_OnOneLineAndTouchNoDatabase(string message, params string[] args)
    {
        var run = Run(args);

        Assert.Equal(BorderqApp.ExitUsageError, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        var lines = run.Stderr.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("borderq: ", lines[0]);
        Assert.Contains(message, lines[0]);
        Assert.Equal("Run 'borderq --help' for usage.", lines[1]);
        Assert.False(System.IO.File.Exists("x.db"));
    }

    [Fact]
    public void Help_DocumentsTheDatabaseOptions()
    {
        var run = Run("--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var text in new[] { "--connection \"<string>\"", "--provider postgres|sqlite", "borderq db seed --connection", "--replace", "4 database error", "Data Source or Filename mean SQLite" })
        {
            Assert.Contains(text, run.Stdout);
        }
    }
}
