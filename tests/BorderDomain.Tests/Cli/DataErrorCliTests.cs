using System.Linq;
using BorderDomain.Tests.Loading;
using Xunit;
using static BorderDomain.Tests.Cli.CliTestSupport;

namespace BorderDomain.Tests.Cli;

/// <summary>
/// <c>borderq --data</c> with paths and files the loader rejects: the errors are printed (at most the loader's limit,
/// then a count of the rest), the exit code is 3, and no stack trace reaches the user.
/// </summary>
public sealed class DataErrorCliTests
{
    [Theory]
    [InlineData("--data", "")]
    [InlineData("--data=")]
    public void Run_EmptyDataPath_ExitsThreeWithTheInvalidPathError(params string[] args)
    {
        var run = Run([.. args, "accords count"]);

        Assert.Equal(3, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal("borderq: the data was rejected with 1 error(s):\nInvalidPath at $: The path is empty.\n", run.Stderr);
    }

    [Fact]
    public void Run_DataFileWithALoneSurrogateInAName_ExitsThreeWithTheError()
    {
        using var files = new DataFiles();
        var path = files.Write("surrogate.json", """{ "\ud800": 1 }""");

        var run = Run("--data", path, "accords count");

        Assert.Equal(3, run.ExitCode);
        Assert.Equal(
            $"borderq: the data was rejected with 1 error(s):\n{path}(1): MalformedJson at $.\\ud800: The property name \"\\ud800\" contains \\ud800, half of a surrogate pair without its other half.\n",
            run.Stderr);
    }

    [Fact]
    public void Run_DataFileWithThousandErrors_PrintsTheFirstHundredAndCountsTheRest()
    {
        using var files = new DataFiles();
        var path = files.Write("nulls.json", "{ \"accords\": [" + string.Join(",", Enumerable.Repeat("null", 1000)) + "] }");

        var run = Run("--data", path, "accords count");

        Assert.Equal(3, run.ExitCode);
        var lines = run.StderrLines;
        Assert.Equal(103, lines.Length); // header, 100 errors, the count, and the empty string after the last newline
        Assert.Equal("borderq: the data was rejected with 1000 error(s):", lines[0]);
        Assert.Equal($"{path}(1): MissingValue at $.accords[99]: Expected a record, found null.", lines[100]);
        Assert.Equal("borderq: … and 900 more errors.", lines[101]);
    }
}
