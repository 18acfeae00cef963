using System;
using System.Linq;
using System.Text.RegularExpressions;
using BorderDomain.Query;
using BorderDomain.Rendering;
using BorderDomain.Storage;
using Xunit;
using static BorderDomain.Tests.Cli.CliTestSupport;

namespace BorderDomain.Tests.Cli;

public class HtmlFormatTests
{
    private const string PeruEcuador = "accords where parties has PER and parties has ECU order by signed desc";

    [Fact]
    public void Format_html_writes_the_same_page_as_the_renderer()
    {
        var run = Run("--format", "html", PeruEcuador);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        var expected = HtmlRenderer.Render(Bdq.Execute(BorderStore.Default, PeruEcuador), BorderStore.Default, PeruEcuador);
        Assert.Equal(expected, run.Stdout);
    }

    [Theory]
    [InlineData("accords where parties has PER and parties has ECU order by signed desc")]
    [InlineData("statistics where metric = BorderLength order by value select id, value, source")]
    [InlineData("accords where parties has PER take 2 select id, sources")]
    public void Every_format_names_the_citation_column_citation_and_puts_it_last(string query)
    {
        var table = Run(query).StdoutLines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var csv = Run("--format", "csv", query).StdoutLines[0].TrimEnd('\r').Split(',');
        using var json = System.Text.Json.JsonDocument.Parse(Run("--format", "json", query).Stdout);
        var jsonNames = json.RootElement[0].EnumerateObject().Select(p => p.Name).ToArray();
        var page = Run("--format", "html", query).Stdout;
        var html = Regex.Matches(page[..page.IndexOf("</thead>", StringComparison.Ordinal)], "<th scope=\"col\">([^<]*)</th>").Select(m => m.Groups[1].Value).ToArray();

        Assert.Equal("citation", table[^1]);
        Assert.Equal(table, csv);
        Assert.Equal(table, jsonNames);
        Assert.Equal(table, html);
        Assert.Single(table, name => name == "citation");
    }

    [Fact]
    public void Format_html_is_case_insensitive_and_charts_statistics()
    {
        var run = Run("--format=HTML", "statistics where metric = BilateralTrade group by period sum(value)");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, Regex.Matches(run.Stdout, "<rect class=\"bar\"").Count);
    }

    [Fact]
    public void A_bad_query_with_format_html_still_reports_the_diagnostic_on_stderr()
    {
        var run = Run("--format", "html", "accords where parites has PER");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("BDQ0102", run.Stderr);
    }

    [Fact]
    public void The_usage_lists_html()
    {
        Assert.Contains("jsonl|csv|markdown|html|data", Run("--help").Stdout);
    }
}
