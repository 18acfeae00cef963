using System;
using BorderDomain.Benchmarks.Scenarios;
using BorderDomain.Query.Syntax;
using Xunit;
using Xunit.Abstractions;

namespace BorderDomain.Tests.Query.Syntax;

/// <summary>
/// Parsing allocates in proportion to the text: for long valid queries of every <see cref="ParsedQueryShape"/> (the
/// texts <see cref="ParserBenchmarks"/> parses), the bytes per character at 8,000 characters are within a quarter of
/// those at 1,000 (copying the rest of the input per token, as <c>Parse.Regex</c> did, gives about 8×), and at most
/// 100 (half the 200 of issue 13). Allocation is measured with <see cref="GC.GetAllocatedBytesForCurrentThread"/>; no
/// time is measured.
/// </summary>
public sealed class QueryParserAllocationTests(ITestOutputHelper output)
{
    private const int Short = 1_000;
    private const int Long = 8_000;

    // About 4.5 KB per character before the token parsers were written against IInput (Sprache's Char, String, Many
    // and Text allocate on every try); 550-800 B after; 95-150 B once the combinators allocated only their results
    // (QueryCombinators) and the input jumped past tokens; 35-55 B once a token or predicate made one result and one
    // node (no copy for its span) and an input position held only its offset, in a window rather than a text-long
    // array. Issue 13's target is 200; the budget is half of it, so a return of per-try allocations fails here.
    private const double MaxBytesPerCharacter = 100;

    public static TheoryData<ParsedQueryShape> Shapes => [.. Enum.GetValues<ParsedQueryShape>()];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Parse_EightTimesLonger_AllocatesAboutTheSamePerCharacter(ParsedQueryShape shape)
    {
        var shortText = ParserBenchmarks.Text(shape, Short);
        var longText = ParserBenchmarks.Text(shape, Long);
        var perCharShort = (double)SteadyAllocated(shortText) / shortText.Length;
        var perCharLong = (double)SteadyAllocated(longText) / longText.Length;
        output.WriteLine($"{shape}: {perCharShort:F1} B/char at {shortText.Length} chars, {perCharLong:F1} B/char at {longText.Length} chars");

        Assert.True(perCharLong <= 1.25 * perCharShort, $"{shape}: {perCharLong:F1} B/char at {longText.Length} chars against {perCharShort:F1} at {shortText.Length}.");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Parse_LongValidQuery_AllocatesAtMostTheBudgetPerCharacter(ParsedQueryShape shape)
    {
        var text = ParserBenchmarks.Text(shape, Long);
        var perChar = (double)SteadyAllocated(text) / text.Length;
        output.WriteLine($"{shape}: {perChar:F1} B/char at {text.Length} chars");

        Assert.True(perChar <= MaxBytesPerCharacter, $"{shape}: {perChar:F1} B/char at {text.Length} chars, over {MaxBytesPerCharacter}.");
    }

    // A warm parse's allocation: the least of three after one more, the short text measured before the long. One parse
    // can allocate more than the next (a first parse of a text, code the JIT has not optimised yet: a fresh-clone run
    // once measured 73 B/char at 8,000 characters against 54 at 1,000 this way); a per-try copy, the regression these
    // tests catch, allocates on every parse, so it shows in the least of three.
    private static long SteadyAllocated(string text)
    {
        Allocated(text);
        return Math.Min(Allocated(text), Math.Min(Allocated(text), Allocated(text)));
    }

    private static long Allocated(string text)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = QueryParser.Parse(text);
        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(result.Query is not null, $"{text[..40]}…: {(result.Diagnostics.Count > 0 ? result.Diagnostics[0].Message : "no query")}");
        return bytes;
    }
}
