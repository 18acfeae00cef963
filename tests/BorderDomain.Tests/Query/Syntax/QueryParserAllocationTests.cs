using System;
using System.Globalization;
using System.Text;
using BorderDomain.Benchmarks.Scenarios;
using BorderDomain.Query.Syntax;
using Xunit;
using Xunit.Abstractions;

namespace BorderDomain.Tests.Query.Syntax;

/// <summary>
/// Parsing allocates a constant number of bytes per character: for valid queries full of numbers, dates, strings and
/// counts, the bytes per character at 8,000 characters are at most twice those at 1,000 (copying the rest of the
/// input per token, as <c>Parse.Regex</c> did, gives about 8×). No time is measured.
/// </summary>
public sealed class QueryParserAllocationTests(ITestOutputHelper output)
{
    private const int Short = 1_000;
    private const int Long = 8_000;

    [Theory]
    [InlineData("numbers")]
    [InlineData("dates")]
    [InlineData("strings")]
    public void Parse_EightTimesLonger_AllocatesAboutTheSamePerCharacter(string shape)
    {
        Allocated(Text(shape, Short));
        var shortText = Text(shape, Short);
        var longText = Text(shape, Long);
        var perCharShort = (double)Allocated(shortText) / shortText.Length;
        var perCharLong = (double)Allocated(longText) / longText.Length;
        output.WriteLine($"{shape}: {perCharShort:F1} B/char at {shortText.Length} chars, {perCharLong:F1} B/char at {longText.Length} chars");

        Assert.True(perCharLong <= 2 * perCharShort, $"{shape}: {perCharLong:F1} B/char at {longText.Length} chars against {perCharShort:F1} at {shortText.Length}.");
    }

    // About 4.5 KB per character before the token parsers were written against IInput (Sprache's Char, String, Many
    // and Text allocate on every try); about 550-700 B after. The bound is generous: it catches a return to copying
    // per try, not a few objects more per token.
    [Theory]
    [InlineData("numbers")]
    [InlineData("dates")]
    [InlineData("strings")]
    public void Parse_LongValidQuery_AllocatesUnderAKilobytePerCharacter(string shape)
    {
        Allocated(Text(shape, Short));
        var text = Text(shape, Long);
        var perChar = (double)Allocated(text) / text.Length;
        output.WriteLine($"{shape}: {perChar:F1} B/char at {text.Length} chars");

        Assert.True(perChar <= 1_000, $"{shape}: {perChar:F1} B/char at {text.Length} chars.");
    }

    private static long Allocated(string text)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = QueryParser.Parse(text);
        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(result.Query is not null, $"{text[..40]}…: {(result.Diagnostics.Count > 0 ? result.Diagnostics[0].Message : "no query")}");
        return bytes;
    }

    // A valid query of about 'length' characters whose terms are numbers, dates or strings, ending in skip and take.
    private static string Text(string shape, int length)
    {
        var text = new StringBuilder(shape == "dates" ? "accords where signed > 2020-01-01" : shape == "strings" ? "accords where title contains \"a\"" : "statistics where value > -1.5");
        for (var i = 1; text.Length < length - 60; i++)
        {
            text.Append(shape switch
            {
                "dates" => string.Create(CultureInfo.InvariantCulture, $" or signed < {1990 + (i % 30)}-{1 + (i % 12):D2}"),
                "strings" => string.Create(CultureInfo.InvariantCulture, $" or title contains \"w{i}\""),
                _ => string.Create(CultureInfo.InvariantCulture, $" or value > {i}.25"),
            });
        }

        return text.Append(" skip 1 take 100").ToString();
    }
}
