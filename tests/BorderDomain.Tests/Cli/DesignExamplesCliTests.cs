using System.Linq;
using Xunit;
using static BorderDomain.Tests.Cli.CliTestSupport;

namespace BorderDomain.Tests.Cli;

/// <summary>Every example of DESIGN.md through <c>borderq</c>, with a record or value each must print.</summary>
public sealed class DesignExamplesCliTests
{
    [Theory]
    [InlineData("accords where parties has PER and parties has ECU order by signed desc", "pe-ec-1998-peace")]
    // Both mining or drug accords since 2010 were agreed, not signed, and only known to predate their articles: none is signed >= 2010.
    [InlineData("accords where topics has any (IllegalMining, DrugTrafficking) and signed >= 2010 take 5", "0 accords")]
    [InlineData("agencies where nation = ECU and kind in (Police, Customs) order by name", "ec-senae")]
    [InlineData("statistics where metric = BorderLength and nations has PER and nations has ECU", "pe-ec-border-length-2013-claim")]
    [InlineData("statistics where disputed select metric, value, unit, source", "1,500")]
    [InlineData("accords where title contains \"MINING\"          -- case- and accent-insensitive", "pe-ec-2025-pledge")]
    [InlineData("accords group by kind count", "MemorandumOfUnderstanding")]
    [InlineData("statistics where metric = BilateralTrade group by period sum(value)", "2,037,000,000")]
    [InlineData("agencies where nation.region = \"South America\" count", "21")]
    public void Example_RunsAndPrintsItsAnswer(string query, string expected)
    {
        var run = Run(query);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Contains(expected, run.Stdout);
    }

    [Fact]
    public void ParameterExample_TakesParamsFromTheCommandLine()
    {
        var run = Run("--format", "csv", "--param", "nation=PER", "--param", "@from=2010", "--param=to=2013-12",
            "accords where parties has @nation and signed between @from and @to select id");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            ["id", "pe-co-2011-border-security", "pe-ec-2013-fuel", "pe-ec-2013-human-trafficking"],
            ParseCsv(run.Stdout).Select(record => record[0]));
    }

    [Fact]
    public void ParameterOfTheWrongType_IsAQueryError()
    {
        var run = Run("--param", "from=soon", "accords where signed >= @from");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("BDQ0202", run.Stderr);
    }
}
