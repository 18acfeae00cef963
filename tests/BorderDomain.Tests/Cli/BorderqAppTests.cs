using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using BorderDomain.Cli;
using Xunit;
using static BorderDomain.Tests.Cli.CliTestSupport;

namespace BorderDomain.Tests.Cli;

/// <summary>End-to-end runs of <c>borderq</c> against the bundled dataset.</summary>
public sealed class BorderqAppTests
{
    private const string PeruEcuador = "accords where parties has PER and parties has ECU order by signed desc";

    // Signed dates: 2013-11-14 (twice, ties in key order), 1998; the three accords with no signing last, in key order
    // (the 2025 pledge was agreed, not signed: its date is in agreed).
    private static readonly string[] PeruEcuadorIds =
    [
        "pe-ec-2013-fuel",
        "pe-ec-2013-human-trafficking",
        "pe-ec-1998-peace",
        "pe-ec-2025-pledge",
        "pe-ec-naval-education",
        "pe-ec-sea-patrol-exchange",
    ];

    private const string Src001Citation = "Web Editor, 2025-12-12, \"Peru and Ecuador Pledge to Combat Organized Crime and Illegal Mining\"";
    private const string Src002Citation = "Hólger Álava, 2013-11-25, \"Peru and Ecuador cooperate in the fight against human trafficking, oil theft\"";

    [Fact]
    public void Table_ListsPeruEcuadorAccords_NewestFirst_WithACitationColumn()
    {
        var run = Run(PeruEcuador);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        var lines = run.StdoutLines;
        var header = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id", header[0]);
        Assert.Equal("citation", header[^1]);
        Assert.Contains("sources", header);
        Assert.Matches("^-+( +-+)+$", lines[1]);
        var body = TableBody(lines);
        Assert.Equal(PeruEcuadorIds, FirstCells(body));
        Assert.Equal("6 accords", lines.Last(line => line.Length > 0));

        // No cell is cut: piped (no terminal width to fit) every citation is whole.
        Assert.EndsWith(Src002Citation, body[0]);
        Assert.EndsWith(Src001Citation, body[3]);
        Assert.DoesNotContain("…", run.Stdout);
        Assert.Contains("ECU, PER", body[0]);
    }

    [Fact]
    public void Table_AlignsColumnsUnderTheHeader()
    {
        var lines = Run(PeruEcuador).StdoutLines;

        // Every column starts where its header does.
        var sourceAt = lines[0].IndexOf("citation", StringComparison.Ordinal);
        var sourcesAt = lines[0].IndexOf("sources", StringComparison.Ordinal);
        foreach (var row in TableBody(lines))
        {
            Assert.Equal("src-", row.Substring(sourcesAt, 4));
            Assert.True(row.Length > sourceAt && row[sourceAt - 1] == ' ' && row[sourceAt] != ' ', row);
        }
    }

    [Fact]
    public void Json_ParsesBack_WithFullCitationsAndTypedValues()
    {
        var run = Run("--format", "json", PeruEcuador);

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Stdout);
        var rows = document.RootElement.EnumerateArray().ToArray();
        Assert.Equal(PeruEcuadorIds, rows.Select(row => row.GetProperty("id").GetString()));

        var fuel = rows[0];
        Assert.Equal(["ECU", "PER"], fuel.GetProperty("parties").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("2013-11-14", fuel.GetProperty("signed").GetString());
        Assert.Equal("Agreement", fuel.GetProperty("kind").GetString());
        Assert.Equal(["src-002"], fuel.GetProperty("sources").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([Src002Citation], fuel.GetProperty("citation").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([Src002Citation], rows[1].GetProperty("citation").EnumerateArray().Select(e => e.GetString()));
        var pledge = rows[3];
        Assert.Equal("Pledge", pledge.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, pledge.GetProperty("signed").ValueKind);
        Assert.Equal("..2025-12-12", pledge.GetProperty("agreed").GetString());
        Assert.Equal([Src001Citation], pledge.GetProperty("citation").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Null, rows[4].GetProperty("signed").ValueKind);
    }

    [Fact]
    public void Json_WritesNumbersAsNumbers()
    {
        var run = Run("--format=json", "statistics where metric = BorderLength order by value");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Stdout);
        var rows = document.RootElement.EnumerateArray().ToArray();
        Assert.Equal(2, rows.Length);
        Assert.Equal(1420m, rows[0].GetProperty("value").GetDecimal());
        Assert.Equal(1500m, rows[1].GetProperty("value").GetDecimal());
        Assert.Equal("km", rows[0].GetProperty("unit").GetString());
        Assert.True(rows[0].GetProperty("disputed").GetBoolean());

        // Statistics have a "source" field (the id); its citation is in the "citation" column, as in every result.
        Assert.Equal("src-002", rows[0].GetProperty("source").GetString());
        Assert.Equal(Src002Citation, rows[0].GetProperty("citation").GetString());
        Assert.Equal(Src001Citation, rows[1].GetProperty("citation").GetString());
    }

    [Fact]
    public void Csv_ParsesBack_WithQuotedFields()
    {
        var run = Run("--format", "csv", PeruEcuador);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\r\n", run.Stdout);
        var records = ParseCsv(run.Stdout);
        var header = records[0];
        Assert.Equal("id", header[0]);
        Assert.Equal("citation", header[^1]);
        Assert.Equal(7, records.Count);
        Assert.All(records, record => Assert.Equal(header.Length, record.Length));
        Assert.Equal(PeruEcuadorIds, records.Skip(1).Select(record => record[0]));

        var fuel = records[1];
        Assert.Equal("ECU, PER", fuel[Array.IndexOf(header, "parties")]);
        Assert.Equal("2013-11-14", fuel[Array.IndexOf(header, "signed")]);
        Assert.Equal(Src002Citation, fuel[^1]);
        Assert.Equal("..2025-12-12", records[4][Array.IndexOf(header, "agreed")]);
        Assert.Equal(Src001Citation, records[4][^1]);
        Assert.Equal(string.Empty, records[5][Array.IndexOf(header, "signed")]);
        Assert.Contains("\"Web Editor, 2025-12-12, \"\"Peru and Ecuador Pledge", run.Stdout);
    }

    [Fact]
    public void Rows_SelectingSources_GetTheCitationsToo()
    {
        var run = Run("accords where parties has PER and parties has ECU order by signed desc take 2 select id, signed, sources");

        Assert.Equal(0, run.ExitCode);
        var header = run.StdoutLines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["id", "signed", "sources", "citation"], header);
        var body = TableBody(run.StdoutLines);
        Assert.Equal(["pe-ec-2013-fuel", "pe-ec-2013-human-trafficking"], FirstCells(body));
        Assert.Matches("2013-11-14 +src-002 +Hólger Álava", body[0]);
        Assert.Equal("2 rows", run.StdoutLines.Last(line => line.Length > 0));
    }

    [Fact]
    public void Rows_SelectingASingleSource_GetACitationColumn()
    {
        var run = Run("--format", "csv", "statistics where metric = BorderLength order by value select id, value, source");

        Assert.Equal(0, run.ExitCode);
        var records = ParseCsv(run.Stdout);
        Assert.Equal(["id", "value", "source", "citation"], records[0]);
        Assert.Equal(["pe-ec-border-length-2013-claim", "1420", "src-002", Src002Citation], records[1]);
        Assert.Equal(["pe-ec-border-length-2025-claim", "1500", "src-001", Src001Citation], records[2]);
    }

    [Fact]
    public void Rows_SelectingThroughAListOfReferences_PrintTheListInEachFormat()
    {
        const string query = "events where title contains \"Tumbes\" select id, agencies.name";
        var store = BorderDomain.Storage.BorderStore.Default;
        var tumbes = Assert.Single(store.Events, e => e.Title.Contains("Tumbes", StringComparison.OrdinalIgnoreCase));
        var names = tumbes.Agencies.Select(id => store.Agencies.Single(a => a.Id == id).Name).ToArray();
        Assert.True(names.Length > 1, "the event should have several agencies, so that their order shows");

        var table = Run(query);
        Assert.Equal(0, table.ExitCode);
        var header = table.StdoutLines[0];
        Assert.Equal(["id", "agencies.name", "citation"], header.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var row = Assert.Single(TableBody(table.StdoutLines));
        var (from, to) = (header.IndexOf("agencies.name", StringComparison.Ordinal), header.IndexOf("citation", StringComparison.Ordinal));
        Assert.Equal(tumbes.Id, row[..from].TrimEnd());
        Assert.Equal(string.Join(", ", names), row[from..to].TrimEnd());

        var csv = Run("--format", "csv", query);
        Assert.Equal(0, csv.ExitCode);
        var records = ParseCsv(csv.Stdout);
        Assert.Equal(["id", "agencies.name", "citation"], records[0]);
        Assert.Equal(2, records.Count);
        Assert.Equal(tumbes.Id, records[1][0]);
        Assert.Equal(string.Join(", ", names), records[1][1]);

        var json = Run("--format", "json", query);
        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Stdout);
        var only = Assert.Single(document.RootElement.EnumerateArray().ToArray());
        Assert.Equal(tumbes.Id, only.GetProperty("id").GetString());
        var cell = only.GetProperty("agencies.name");
        Assert.Equal(JsonValueKind.Array, cell.ValueKind);
        Assert.Equal(names, cell.EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Count_PrintsTheNumber()
    {
        var run = Run("accords count");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("13\n", run.Stdout);
    }

    [Fact]
    public void Explain_PrintsAPlanAndRunsNothing()
    {
        var run = Run("--explain", PeruEcuador);

        Assert.Equal(0, run.ExitCode);
        Assert.False(string.IsNullOrWhiteSpace(run.Stdout));
        Assert.DoesNotContain("6 accords", run.Stdout);
        Assert.DoesNotContain("pe-ec-2025-pledge", run.Stdout);
    }

    [Fact]
    public void MisspeltField_ExitsOne_WithACaretUnderIt()
    {
        var run = Run("accords where parites has PER");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        var lines = run.StderrLines;
        Assert.Equal("accords where parites has PER", lines[0]);
        Assert.Equal("              ^^^^^^^", lines[1]);
        Assert.StartsWith("BDQ0102 (1,15): ", lines[2]);
        Assert.Contains("'parites'", lines[2]);
    }

    [Fact]
    public void ExplainOfACount_SaysItIsTheTablesSize_NotAScan()
    {
        var run = Run("--explain", "accords count");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("accords (13 rows)\n  count: the table's size, 13, no row read\n", run.Stdout);
    }

    [Fact]
    public void ExplainOfABadQuery_ExitsOneWithTheDiagnostic()
    {
        var run = Run("--explain", "accords where parites has PER");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("BDQ0102", run.Stderr);
    }

    [Fact]
    public void QueryWords_AreNotJoined_TheErrorSaysToQuote()
    {
        var run = Run("accords", "count");

        Assert.Equal(BorderqApp.ExitUsageError, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("quote it, e.g. borderq \"accords count\"", run.Stderr);
    }

    [Fact]
    public void BadDataFile_ExitsThree_ListingEveryError()
    {
        var path = TempJson("""
            {
              "accords": [
                { "id": "bad-accord", "title": "Bad", "kind": "Treaty", "parties": ["PRU"], "sources": ["src-nowhere"] }
              ]
            }
            """);
        try
        {
            var run = Run("--data", path, "accords count");

            Assert.Equal(3, run.ExitCode);
            Assert.Equal(string.Empty, run.Stdout);
            Assert.Contains($"{path}(3): UnknownNationCode at $.accords[0].parties[0]", run.Stderr);
            Assert.Contains("DanglingReference", run.Stderr);
            Assert.Contains("src-nowhere", run.Stderr);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MissingDataFile_ExitsThree()
    {
        var path = Path.Combine(Path.GetTempPath(), $"borderq-missing-{Guid.NewGuid():N}.json");

        var run = Run("--data", path, "accords count");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"{path}: Unreadable at $", run.Stderr);
    }

    [Fact]
    public void GoodDataFile_IsQueriedWithItsOwnCitations()
    {
        var path = TempJson("""
            {
              "sources": [ { "id": "my-src", "publisher": "My Desk", "published": "2026-01-02", "title": "Notes", "kind": "Analysis" } ],
              "accords": [ { "id": "my-accord", "title": "My accord", "kind": "Agreement", "parties": ["PER", "ECU"], "signed": "2026-01", "sources": ["my-src"] } ]
            }
            """);
        try
        {
            var run = Run("--data", path, "--format", "csv", PeruEcuador);

            Assert.Equal(0, run.ExitCode);
            var records = ParseCsv(run.Stdout);
            Assert.Equal(["my-accord", .. PeruEcuadorIds], records.Skip(1).Select(record => record[0]));
            Assert.Equal("My Desk, 2026-01-02, \"Notes\"", records[1][^1]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Piped_RunsEachLine_WithoutPrompts_AndStopsAtTheFirstError()
    {
        var run = RunWithInput("accords count\nbad query here\naccords count\n");

        Assert.Equal(BorderqApp.ExitQueryError, run.ExitCode);
        Assert.Equal("13\n", run.Stdout);
        Assert.Contains("bad query here", run.Stderr);
        Assert.Contains("BDQ0001", run.Stderr);
        Assert.Contains("statement 2 (line 2) failed", run.Stderr);
    }

    [Fact]
    public void Piped_WithContinue_SurvivesErrors_AndStopsAtExit()
    {
        var run = RunWithInput("accords count\nbad query here\nexit\naccords count\n", "--continue");

        Assert.Equal(BorderqApp.ExitQueryError, run.ExitCode);
        Assert.Equal("13\n", run.Stdout);
        Assert.Contains("BDQ0001", run.Stderr);
    }

    [Fact]
    public void Piped_EndsAtEndOfInput_AndExplains()
    {
        var run = RunWithInput("\nexplain accords where parties has PER\nstatistics count\n", "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.StartsWith("accords (13 rows)\n", run.Stdout);
        Assert.EndsWith("\n\ncount\r\n20\r\n", run.Stdout);
        Assert.DoesNotContain(BorderqApp.Prompt, run.Stdout);
    }

    [Theory]
    [InlineData("--frobnicate")]
    [InlineData("--format", "xml", "accords")]
    [InlineData("--format")]
    [InlineData("--data")]
    [InlineData("--explain=yes", "accords")]
    public void UsageErrors_ExitTwo(params string[] args)
    {
        var run = Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("borderq: ", run.Stderr);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public void Help_PrintsUsage()
    {
        var run = Run("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Stdout);
        Assert.Contains("-f, --format table|line|json|jsonl|csv|markdown|html|data", run.Stdout);
    }

    [Fact]
    public void Version_PrintsTheVersion()
    {
        var run = Run("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"borderq {BorderqApp.Version}\n", run.Stdout);
        Assert.Matches(@"^borderq \d+\.\d+", run.Stdout);
    }
}
