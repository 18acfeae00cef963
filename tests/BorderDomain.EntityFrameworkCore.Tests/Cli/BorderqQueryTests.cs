using System.Collections.Generic;
using System.Linq;
using BorderDomain.Cli;
using BorderDomain.EntityFrameworkCore.Tests.Infrastructure;
using Xunit;
using static BorderDomain.EntityFrameworkCore.Tests.Cli.Borderq;

namespace BorderDomain.EntityFrameworkCore.Tests.Cli;

/// <summary>
/// <c>borderq --connection</c> on a database <c>borderq db seed</c> filled prints exactly what <c>borderq</c> prints in
/// memory: the same stdout, stderr and exit code, for the README's and the design's example queries in every format.
/// On PostgreSQL the in-memory run is on the bundled dataset itself. On SQLite it is on the records read back from the
/// database: SQLite stores a decimal as text in its own form ("1420.0" for 1420, "9.3" for 9.30), equal in value but
/// printed differently, and a sum comes back in that form too; the comparison is of the engines, over the same records.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class BorderqQueryTests(DatabaseFixture databases)
{
    private static readonly string[] Formats = ["table", "json", "csv", "html"];

    // The README's and DESIGN's example queries, the help's, every set whole, and the library path's.
    private static readonly string[][] Queries =
    [
        ["accords where parties has PER and parties has ECU order by signed desc"],
        ["accords where topics has any (IllegalMining, DrugTrafficking) and signed >= 2010 take 5"],
        ["agencies where nation = ECU and kind in (Police, Customs) order by name"],
        ["statistics where disputed select metric, value, unit, source"],
        ["accords where title contains \"mineria\""],
        ["--param", "nation=PER", "--param", "from=2010", "--param", "to=2020", "accords where parties has @nation and signed between @from and @to"],
        ["statistics where metric = BilateralTrade group by period sum(value)"],
        ["agencies where nation.region = \"South America\" count"],
        ["accords group by kind count"],
        ["statistics where metric = FuelPrice group by metric sum(value)"],
        ["statistics where metric = BorderLength and nations has PER and nations has ECU"],
        ["statistics where metric = BorderLength"],
        ["accords where parties has PER and parties has ECU and signed >= 2013 order by signed desc"],
        ["statistics where disputed count"],
        ["accords count"],
        ["sources"],
        ["nations"],
        ["agencies"],
        ["people"],
        ["accords"],
        ["statistics"],
        ["events"],
    ];

    public static IEnumerable<object[]> Cases =>
        from provider in new[] { Provider.Postgres, Provider.Sqlite }
        from query in Enumerable.Range(0, Queries.Length)
        from format in Formats
        select new object[] { provider, query, format };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Query_OnTheSeededDatabase_PrintsWhatTheInMemoryRunPrints(Provider provider, int query, string format)
    {
        string[] args = ["--format", format, .. Queries[query]];
        var memory = RunOn(InMemory(provider), string.Empty, args);
        Assert.Equal(0, memory.ExitCode);

        var database = Run(["--connection", SeededDatabase(databases, provider), .. args]);

        Assert.Equal(memory, database);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public void BadQueries_GiveTheInMemoryDiagnosticsAndExitOne(Provider provider)
    {
        foreach (var query in new[] { "accords where parites has PER", "acords count", "agencies where nation.regon = \"x\"", "accords where signed >= @since", "statistics where value > 1e5" })
        {
            var memory = RunOn(InMemory(provider), string.Empty, query);
            Assert.Equal(BorderqApp.ExitQueryError, memory.ExitCode);

            var database = Run("--connection", SeededDatabase(databases, provider), query);

            Assert.Equal(memory, database);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public void PromptAndPipedInput_OnTheDatabase_PrintWhatTheInMemoryPromptPrints(Provider provider)
    {
        const string Input = "accords count\n\nagencies where nation = ECU order by name\nacords\nstatistics where disputed select metric, value\nquit\naccords\n";
        var memory = RunOn(InMemory(provider), Input, "--format", "csv", "--continue");

        var database = RunWithInput(Input, "--connection", SeededDatabase(databases, provider), "--format", "csv", "--continue");

        Assert.Equal(memory, database);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public void PromptExplain_OnTheDatabase_SaysPlansAreInMemory_AndThePromptGoesOn(Provider provider)
    {
        var count = RunOn(InMemory(provider), string.Empty, "accords count").Stdout;

        var run = RunWithInput("explain accords count\naccords count\n", "--connection", SeededDatabase(databases, provider), "--continue");

        // Piped input is a script: no prompts; the failed explain is its exit code, and --continue runs the rest.
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("borderq: --explain prints the in-memory engine's plan; on a database, use the database's own EXPLAIN.\n", run.Stderr);
        Assert.Equal(count, run.Stdout);
    }

    // What the in-memory run queries (see the class summary).
    private BorderDomain.Storage.BorderStore? InMemory(Provider provider) => provider == Provider.Sqlite ? SeededRecords(databases, provider) : null;
}
