using System;
using System.IO;
using BorderDomain.Cli;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using Xunit;
using static BorderDomain.Tests.Cli.CliTestSupport;

namespace BorderDomain.Tests.Cli;

/// <summary>End to end: no control character from a query or from data reaches the terminal (finding F17).</summary>
public sealed class TerminalOutputTests
{
    // ESC ] 0 ; … BEL retitles a terminal; ESC [ 31 m recolours it; U+202E reverses what follows; U+0085 is a C1 control.
    private const string HostileTitle = "Red\u001b[31mAlert\u0007 a\rb c\nd \u202Eevil\u0085 del\u007F tab\t.";
    private const string ShownTitle = "Red␛[31mAlert␇ a␍b c␊d �evil� del␡ tab␉.";

    [Fact]
    public void Table_HostileCell_IsShownWithControlPictures()
    {
        var run = RunOn(StoreWith([AccordTitled("a1", HostileTitle)]), string.Empty, "accords select id, title");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal($"id  title{new string(' ', ShownTitle.Length - 5)}  citation\n--  {new string('-', ShownTitle.Length)}  --------\na1  {ShownTitle}\n1 row\n", run.Stdout);
    }

    [Fact]
    public void Json_HostileCell_IsEscapedBySystemTextJson()
    {
        var run = RunOn(StoreWith([AccordTitled("a1", "bell\u0007esc\u001b rlo\u202e c1\u0085")]), string.Empty, "--format", "json", "accords select id, title");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("[\n  {\n    \"id\": \"a1\",\n    \"title\": \"bell\\u0007esc\\u001B rlo\\u202E c1\\u0085\",\n    \"citation\": []\n  }\n]\n", run.Stdout);
    }

    [Fact]
    public void Csv_HostileCell_IsShownWithControlPictures()
    {
        var run = RunOn(StoreWith([AccordTitled("a1", "x\u001b[2J\u0007")]), string.Empty, "--format", "csv", "accords select id, title");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("id,title,citation\r\na1,x␛[2J␇,\r\n", run.Stdout);
    }

    [Fact]
    public void Html_HostileCell_IsHtmlEncodedAndShownWithControlPictures()
    {
        var run = RunOn(StoreWith([AccordTitled("a1", "<b>\u001b[31m")]), string.Empty, "--format", "html", "accords select id, title");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("&lt;b&gt;␛[31m", run.Stdout);
        Assert.DoesNotContain('\u001b', run.Stdout);
    }

    [Fact]
    public void Diagnostic_QueryWithEscape_IsEchoedVisibly_WithTheCaretStillUnderTheSpan()
    {
        var run = Run("accords where title = \"\u001b[2J\u0007\" and parites has PER");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal(
            "accords where title = \"␛[2J␇\" and parites has PER\n" +
            "                                  ^^^^^^^\n" +
            "BDQ0102 (1,35): Unknown field 'parites' on accords; did you mean 'parties'?\n",
            run.Stderr);
    }

    [Fact]
    public void Diagnostic_EscapeOutsideALiteral_IsNotWrittenRaw()
    {
        var run = Run("accords\u001b[2J count");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "accords␛[2J count\n" +
            "       ^\n" +
            "BDQ0001 (1,8): Unexpected character U+001B; expected where, group by, order by, skip, take, select, count or end of query.\n",
            run.Stderr);
    }

    [Fact]
    public void Explain_PlanQuotingAnEscape_IsShownVisibly()
    {
        var run = Run("--explain", "accords where title = \"\u001b[2J\u0007\"");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "accords (13 rows)\n" +
            "  scan every row: no index applies\n" +
            "  test each row: title = \"␛[2J␇\"\n",
            run.Stdout);
    }

    [Fact]
    public void UsageError_QuotingAnEscape_IsShownVisibly()
    {
        var run = Run("--format", "\u001b[2J");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("borderq: unknown format '␛[2J'; expected table, line, json, jsonl, csv, markdown, html or data.\nRun 'borderq --help' for usage.\n", run.Stderr);
    }

    [Fact]
    public void DataError_PathWithAnEscape_IsShownVisibly()
    {
        var path = Path.Combine(Path.GetTempPath(), $"borderq-missing-{Guid.NewGuid():N}\u001b[2J.json");

        var run = Run("--data", path, "accords count");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains(VisibleText.Escape(path) + ": Unreadable at $", run.Stderr);
        Assert.DoesNotContain('\u001b', run.Stderr);
    }

    [Fact]
    public void Usage_DocumentsTheRendering()
    {
        Assert.Contains("Control characters from queries and data are never sent to the terminal as they are", BorderqApp.Usage);
        Assert.Contains("the C0 controls as Unicode control pictures (ESC as ␛, BEL as ␇,", BorderqApp.Usage);
        Assert.Contains("(U+202A-U+202E, U+2066-U+2069) as �. This holds for every format but JSON, which escapes them instead (\\u001B).", BorderqApp.Usage);
    }
}
