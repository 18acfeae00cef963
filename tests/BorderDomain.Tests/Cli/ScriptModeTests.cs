using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using BorderDomain.Cli;
using BorderDomain.Query;
using Xunit;
using static BorderDomain.Tests.Cli.CliTestSupport;

namespace BorderDomain.Tests.Cli;

/// <summary>borderq reading a script (piped standard input, or --file), its formats and its discovery commands.</summary>
public sealed class ScriptModeTests
{
    [Fact]
    public void Piped_StatementsSplitOnSemicolons_SpanLines_AndPrintNoPrompt()
    {
        var run = RunWithInput("accords where parties has PER\n  and parties has ECU\n  count;\nstatistics count;", "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal("count\r\n6\r\n\ncount\r\n20\r\n", run.Stdout);
    }

    [Fact]
    public void Split_ASemicolonInAStringOrComment_EndsNothing()
    {
        var statements = ScriptSplitter.Split("accords where title contains \"a;b\" count; -- one; two\nnations count;\n.fields accords\nquit;");

        Assert.Equal(["accords where title contains \"a;b\" count", "-- one; two\nnations count", ".fields accords", "quit"], statements.Select(s => s.Text));
        Assert.Equal([1, 1, 3, 4], statements.Select(s => s.Line));
    }

    [Fact]
    public void Piped_SeveralJsonQueries_MakeOneJsonDocument()
    {
        var run = RunWithInput("accords count;\nnations take 2 select code;", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Stdout);
        var results = document.RootElement.EnumerateArray().ToArray();
        Assert.Equal(2, results.Length);
        Assert.Equal("accords count", results[0].GetProperty("query").GetString());
        Assert.Equal(13, results[0].GetProperty("rows")[0].GetProperty("count").GetInt32());
        Assert.Equal(2, results[1].GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public void Piped_JsonLines_WritesOneObjectALine()
    {
        var run = RunWithInput("nations take 3 select code;", "--format", "jsonl");

        Assert.Equal(0, run.ExitCode);
        var lines = run.StdoutLines.Where(l => l.Length > 0).ToArray();
        Assert.Equal(3, lines.Length);
        foreach (var line in lines)
        {
            using var row = JsonDocument.Parse(line);
            Assert.True(row.RootElement.TryGetProperty("code", out _));
        }
    }

    [Fact]
    public void Piped_StopsAtTheFirstError_WithItsExitCode_UnlessContinue()
    {
        const string Script = "accords count;\naccords where parites has PER;\nnations count;";

        var stopped = RunWithInput(Script);
        var continued = RunWithInput(Script, "--continue");

        Assert.Equal(BorderqApp.ExitQueryError, stopped.ExitCode);
        Assert.Equal("13\n", stopped.Stdout);
        Assert.Contains("statement 2 (line 2) failed", stopped.Stderr);
        Assert.Equal(BorderqApp.ExitQueryError, continued.ExitCode);
        Assert.Equal("13\n\n7\n", continued.Stdout);
    }

    [Fact]
    public void FileOption_RunsTheScript_AndQuitEndsIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bdq-{Guid.NewGuid():N}.bdq");
        File.WriteAllText(path, "-- a script\naccords count;\nquit;\nnations count;\n");
        try
        {
            var run = Run("-i", path);

            Assert.Equal(0, run.ExitCode);
            Assert.Equal("13\n", run.Stdout);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FileOption_MissingFile_IsAUsageError()
    {
        var run = Run("--file", Path.Combine(Path.GetTempPath(), $"bdq-missing-{Guid.NewGuid():N}.bdq"));

        Assert.Equal(BorderqApp.ExitUsageError, run.ExitCode);
        Assert.Contains("cannot read the script", run.Stderr);
    }

    [Theory]
    [InlineData("quit;")]
    [InlineData("exit")]
    [InlineData(".quit")]
    public void TrailingSemicolon_IsAcceptedEverywhere(string quit)
    {
        var run = RunWithInput($"accords count;;\n{quit}\nnations count\n");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("13\n", run.Stdout);
    }

    [Fact]
    public void Help_AtThePrompt_ListsTheMetaCommands()
    {
        foreach (var help in new[] { "help", "\\?", ".help;" })
        {
            var run = RunWithInput(help + "\n");

            Assert.Equal(0, run.ExitCode);
            foreach (var command in SchemaCompletion.Commands)
            {
                Assert.Contains(command, run.Stdout);
            }
        }
    }

    [Fact]
    public void Schema_ListsEverySet_AndFieldsGiveTypeAndIndex()
    {
        var sets = Run("schema");
        var fields = Run("schema", "accords");
        var meta = RunWithInput(".fields accords\n");

        Assert.Equal(0, sets.ExitCode);
        foreach (var set in BorderDomain.Storage.BorderStore.Default.Schema.Sets)
        {
            Assert.Contains(set.Name, sets.Stdout);
        }

        Assert.Equal(0, fields.ExitCode);
        var schema = BorderDomain.Storage.BorderStore.Default.Schema.Find("accords")!;
        var body = TableBody(fields.StdoutLines);
        Assert.Equal(schema.Fields.Select(f => f.Name), FirstCells(body));
        var parties = body.Single(l => l.StartsWith("parties ", StringComparison.Ordinal));
        Assert.Contains("list of nation", parties);
        Assert.Contains(schema.FindField("parties")!.Index!.Value.ToString().ToLowerInvariant(), parties);
        Assert.Equal(fields.Stdout, meta.Stdout);
    }

    [Fact]
    public void Schema_ListsTheIssue15Sets_WithTheirRecordTypes_AndTheirReferences()
    {
        var sets = TableBody(Run("schema").StdoutLines);
        var participants = TableBody(Run("schema", "participants").StdoutLines);
        var events = TableBody(Run("schema", "events").StdoutLines);

        foreach (var (set, type) in new[] { ("organizations", "Organization"), ("places", "Place"), ("statements", "Statement"), ("participants", "Participation"), ("affiliations", "Affiliation") })
        {
            var row = sets.Single(l => l.StartsWith(set + " ", StringComparison.Ordinal));
            Assert.Contains(type, row);
            Assert.Contains(BorderDomain.Storage.BorderStore.Default.GetTable(set)!.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), row);
        }

        Assert.Equal(["id", "event", "agency", "person", "organization", "role", "sources"], FirstCells(participants));
        Assert.Contains("places", events.Single(l => l.StartsWith("place ", StringComparison.Ordinal)));
        Assert.Contains("events", events.Single(l => l.StartsWith("partOf ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Schema_UnknownSet_NamesTheSets()
    {
        var run = Run("schema", "acords");

        Assert.Equal(BorderqApp.ExitUsageError, run.ExitCode);
        Assert.Contains("no set named 'acords'; the sets are sources, nations", run.Stderr);
    }

    [Fact]
    public void Values_OfAnEnum_AreItsMembers_AndOfOtherFields_TheDistinctValuesPresent()
    {
        var metric = RunWithInput(".values statistics.metric\n");
        var parties = RunWithInput(".values accords.parties\n", "--format", "csv");

        Assert.Equal(0, metric.ExitCode);
        var members = BorderDomain.Storage.BorderStore.Default.Schema.Find("statistics")!.FindField("metric")!.EnumMembers;
        Assert.Equal(members, TableBody(metric.StdoutLines));
        Assert.Equal(0, parties.ExitCode);
        var present = BorderDomain.Storage.BorderStore.Default.Accords.SelectMany(a => a.Parties).Select(p => p.ToString()).Distinct().Order(StringComparer.OrdinalIgnoreCase);
        Assert.Equal(["parties", .. present], ParseCsv(parties.Stdout).Select(r => r[0]));
    }

    [Fact]
    public void UnknownEnumValue_ListsTheMembers()
    {
        var run = Run("statistics where metric = FuelTheft");

        Assert.Equal(BorderqApp.ExitQueryError, run.ExitCode);
        Assert.Contains("BDQ0105", run.Stderr);
        Assert.Contains("metric is one of: BorderLength, ", run.Stderr);
    }

    [Fact]
    public void FormatParamAndTimer_AtThePrompt_ChangeWhatFollows()
    {
        var run = RunWithInput(".format csv\n.param nation=ECU\n.timer on\naccords where parties has @nation count\n.timer off\n.format\n");

        var ecuador = BorderDomain.Storage.BorderStore.Default.Accords.Count(a => a.Parties.Any(p => p.ToString() == "ECU"));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"count\r\n{ecuador}\r\ncsv\n", run.Stdout);
        Assert.Matches(@"^Time: \d+\.\d ms\n$", run.Stderr);
    }

    [Fact]
    public void Explain_HonoursJson()
    {
        var run = Run("--explain", "-f", "json", "accords count");
        var meta = RunWithInput(".explain accords count\n", "-f", "json");

        Assert.Equal(0, run.ExitCode);
        using var plan = JsonDocument.Parse(run.Stdout);
        Assert.Equal("accords count", plan.RootElement.GetProperty("query").GetString());
        Assert.Equal(Bdq.Explain(BorderDomain.Storage.BorderStore.Default, "accords count").TrimEnd().Split('\n'), plan.RootElement.GetProperty("plan").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(run.Stdout, meta.Stdout);
    }

    [Fact]
    public void Select_IsCited_AndNoSourcesLeavesTheCitationsOut()
    {
        var cited = Run("-f", "csv", "accords where id = \"pe-ec-2025-pledge\" select id, title");
        var bare = Run("-f", "csv", "--no-sources", "accords where id = \"pe-ec-2025-pledge\" select id, title");

        var accord = BorderDomain.Storage.BorderStore.Default.Accords.Find("pe-ec-2025-pledge")!;
        var citation = string.Join("; ", accord.Sources.Select(s => BorderDomain.Storage.BorderStore.Default.Sources.Find(s)!.Citation));
        Assert.Equal([["id", "title", "citation"], ["pe-ec-2025-pledge", accord.Title, citation]], ParseCsv(cited.Stdout));
        Assert.Equal([["id", "title"], ["pe-ec-2025-pledge", accord.Title]], ParseCsv(bare.Stdout));
    }

    [Fact]
    public void Html_Select_IsCited_WithoutTheIdsItAddedToCite()
    {
        var cited = Run("-f", "html", "accords where id = \"pe-ec-2025-pledge\" select id, title");
        var bare = Run("-f", "html", "--no-sources", "accords where id = \"pe-ec-2025-pledge\" select id, title");

        Assert.Equal(0, cited.ExitCode);
        Assert.Contains("<th scope=\"col\">citation</th>", cited.Stdout);
        Assert.DoesNotContain("<th scope=\"col\">sources</th>", cited.Stdout);
        Assert.Contains("class=\"cite\"", cited.Stdout);
        Assert.DoesNotContain("<th scope=\"col\">citation</th>", bare.Stdout);
    }

    [Fact]
    public void Table_WrapsLongCellsToTheWidth_CuttingNothing()
    {
        var query = "accords where id = \"pe-ec-2025-pledge\" select id, note";
        var note = BorderDomain.Storage.BorderStore.Default.Accords.Find("pe-ec-2025-pledge")!.Note!;
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };

        var exitCode = new BorderqApp { TerminalWidth = 60 }.Run(["--no-sources", query], new StringReader(string.Empty), stdout, stderr);
        var wide = Run("--no-sources", "--wide", query);

        Assert.Equal(0, exitCode);
        var lines = stdout.ToString().Split('\n');
        Assert.All(lines, line => Assert.True(line.Length <= 60, line));
        var body = TableBody(lines);
        Assert.True(body.Length > 1);
        var noteAt = lines[0].IndexOf("note", StringComparison.Ordinal);
        Assert.Equal(note.Split(' '), string.Join(' ', body.Select(l => l[noteAt..])).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(3, TableBody(wide.StdoutLines).Length + 2);
    }

    [Fact]
    public void Table_GroupsThousands_OtherFormatsKeepPlainNumbers()
    {
        var table = Run("statistics where metric = BilateralTrade group by period sum(value)");
        var csv = Run("-f", "csv", "statistics where metric = BilateralTrade group by period sum(value)");

        Assert.Contains("2,037,000,000", table.Stdout);
        Assert.Contains("2037000000", csv.Stdout);
        Assert.DoesNotContain("2,037", csv.Stdout);
    }

    [Fact]
    public void LineFormat_ShowsOneFieldALine()
    {
        var run = Run("-f", "line", "--no-sources", "nations where code = PER");

        Assert.Equal(0, run.ExitCode);
        var fields = BorderDomain.Storage.BorderStore.Default.Schema.Find("nations")!.Fields;
        var lines = run.StdoutLines;
        Assert.Equal("-[ 1 ]-", lines[0]);
        Assert.Equal(fields.Select(f => f.Name), lines[1..(1 + fields.Count)].Select(l => l.Split(' ')[0]));
        Assert.Equal("1 nation", lines[1 + fields.Count]);
    }

    [Fact]
    public void Markdown_IsAPipeTable()
    {
        var run = Run("-f", "markdown", "--no-sources", "nations take 2 select code, name");

        Assert.Equal(0, run.ExitCode);
        var lines = run.StdoutLines;
        Assert.Equal("| code | name |", lines[0]);
        Assert.Equal("| --- | --- |", lines[1]);
        Assert.StartsWith("| ", lines[2]);
        Assert.Equal("_2 rows_", lines[5]);
    }

    [Fact]
    public void Help_ListsTheShortOptions_AndEveryFormat()
    {
        var run = Run("--help");

        foreach (var text in new[] { "-f, --format", "-d, --data", "-p, --param", "-i, --file", "--wide", "--no-sources", "--continue", "borderq schema [set]" })
        {
            Assert.Contains(text, run.Stdout);
        }

        foreach (var format in CliOptions.FormatNames)
        {
            Assert.Contains(format, run.Stdout);
        }
    }

    [Fact]
    public void ShellCompletion_OffersTheFormats()
    {
        var run = Run("[suggest:11]", "borderq -f j");
        var script = Run("completions", "bash");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["json", "jsonl"], run.StdoutLines.Where(l => l.Length > 0));
        Assert.Contains("complete -o default -F _borderq_complete borderq", script.Stdout);
    }
}
