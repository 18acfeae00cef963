using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;
using static BorderDomain.Tests.Cli.CliTestSupport;

namespace BorderDomain.Tests.Cli;

/// <summary><c>--format data</c> writes a file that <c>--data</c> loads back.</summary>
public class DataFormatTests
{
    private const string PeruAccords = "accords where parties has PER";

    [Fact]
    public void Format_data_writes_a_file_that_data_loads_back_with_the_same_answer()
    {
        var written = Run("--format", "data", PeruAccords);
        Assert.Equal(0, written.ExitCode);
        Assert.Equal(string.Empty, written.Stderr);

        var path = Path.Combine(Path.GetTempPath(), $"borderq-data-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, written.Stdout);
            var original = Run("--format", "json", PeruAccords);
            var reloaded = Run("--no-bundled", "--data", path, "--format", "json", PeruAccords);

            Assert.Equal(0, reloaded.ExitCode);
            Assert.Equal(string.Empty, reloaded.Stderr);
            Assert.Equal(original.Stdout, reloaded.Stdout);
            Assert.NotEmpty(Ids(original.Stdout));

            // On top of the bundled dataset its records are duplicates; the error says what to do.
            var onTop = Run("--data", path, PeruAccords);
            Assert.Equal(3, onTop.ExitCode);
            Assert.Contains("add --no-bundled", onTop.Stderr);

            // The nations the parties name came along, so the file loads.
            var nations = Run("--no-bundled", "--data", path, "--format", "csv", "nations select code");
            Assert.Contains("PER", nations.StdoutLines.Select(l => l.Split(',')[0]));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("accords where parties has PER select id, title")]
    [InlineData("accords group by kind count")]
    [InlineData("accords count")]
    public void Format_data_of_a_query_without_whole_records_is_a_usage_error(string query)
    {
        var run = Run("--format", "data", query);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("--format data writes whole records", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    private static string[] Ids(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToArray();
    }
}
