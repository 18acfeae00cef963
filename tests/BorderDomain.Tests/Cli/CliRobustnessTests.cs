using System;
using System.IO;
using BorderDomain.Cli;
using BorderDomain.Model;
using Xunit;
using static BorderDomain.Tests.Cli.CliTestSupport;

namespace BorderDomain.Tests.Cli;

/// <summary>CSV injection, the prompt's bare <c>explain</c>, and unexpected exceptions.</summary>
public sealed class CliRobustnessTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void CsvText_TextStartingAFormula_GetsAQuote(string text, string expected) =>
        Assert.Equal(expected, ResultWriters.CsvText(text));

    [Fact]
    public void CsvText_NegativeNumber_StaysANumber()
    {
        Assert.Equal("-5", ResultWriters.CsvText(-5m));
        Assert.Equal("-2.5", ResultWriters.CsvText(-2.5d));
        Assert.Equal("-7", ResultWriters.CsvText(-7));
    }

    [Fact]
    public void Csv_FormulaInData_IsNeutralised_AndNegativeValuesAreNot()
    {
        var store = StoreWith(
            [AccordTitled("a1", "=HYPERLINK(\"http://evil\",\"x\")")],
            new Statistic { Id = "st1", Metric = Metric.BorderLength, Value = -5m, Unit = Unit.Parse("km"), Source = "s1", Note = "@SUM(A1)" });

        var accords = RunOn(store, string.Empty, "--format", "csv", "accords select id, title");
        var statistics = RunOn(store, string.Empty, "--format", "csv", "statistics select id, value, note");

        Assert.Equal("id,title,citation\r\na1,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",\r\n", accords.Stdout);
        Assert.Equal("id,value,note,citation\r\nst1,-5,'@SUM(A1),\r\n", statistics.Stdout);
    }

    [Theory]
    [InlineData("explain\n")]
    [InlineData("explain   \n")]
    [InlineData("EXPLAIN\t\n")]
    public void Piped_ExplainWithoutAQuery_SaysHowToUseIt_AndGoesOnWithContinue(string line)
    {
        var run = RunWithInput(line + "accords count\n", "--continue");

        Assert.Equal(BorderqApp.ExitUsageError, run.ExitCode);
        Assert.Equal("13\n", run.Stdout);
        Assert.Equal("borderq: explain needs a query: explain <query>\n", run.Stderr);
    }

    [Fact]
    public void Piped_ExplainAfterATab_Explains()
    {
        var run = RunWithInput("explain\taccords count\n");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal("accords (13 rows)\n  count: the table's size, 13, no row read\n", run.Stdout);
    }

    [Fact]
    public void RunGuarded_WriterThrows_PrintsOneEscapedLine_AndExitsSeventy()
    {
        using var stdout = new ThrowingWriter("disk \u001b[2J full\nsecond line");
        using var stderr = new StringWriter { NewLine = "\n" };

        var exitCode = new BorderqApp().RunGuarded(["accords count"], new StringReader(string.Empty), stdout, stderr);

        Assert.Equal(BorderqApp.ExitInternalError, exitCode);
        Assert.Equal(70, exitCode);
        Assert.Equal("borderq: internal error: disk ␛[2J full␊second line\n", stderr.ToString());
    }

    [Fact]
    public void Usage_ListsTheInternalErrorExitCode()
    {
        Assert.Contains("Exit codes: 0 success, 1 query error, 2 usage error, 3 data file rejected, 4 database error (", BorderqApp.Usage);
        Assert.Contains("already seeded), 70 internal error (a bug: please report it).", BorderqApp.Usage);
    }

    /// <summary>A writer whose every write fails, as a full disk or a closed pipe would.</summary>
    private sealed class ThrowingWriter(string message) : StringWriter
    {
        public override void Write(char value) => throw new IOException(message);

        public override void Write(string? value) => throw new IOException(message);

        public override void Write(char[] buffer, int index, int count) => throw new IOException(message);

        public override void Write(ReadOnlySpan<char> buffer) => throw new IOException(message);
    }
}
