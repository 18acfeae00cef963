using System;
using System.Collections.Generic;
using System.Linq;
using BorderDomain.Query.Syntax;
using Xunit;

namespace BorderDomain.Tests.Query.Syntax;

/// <summary><c>Parse(Print(ast))</c> equals <c>ast</c> for random syntax trees (AST equality ignores spans).</summary>
public sealed class RoundTripTests
{
    [BdqProperty(MaxTest = 1000)]
    public void Parse_PrintedRandomQuery_EqualsTheOriginal(RandomQuery input) => AssertRoundTrips(input.Query);

    [BdqProperty(MaxTest = 500)]
    public void Print_ReparsedRandomQuery_IsTheSameText(RandomQuery input)
    {
        var text = QueryPrinter.Print(input.Query);
        var reparsed = QueryParser.Parse(text).Query;
        Assert.NotNull(reparsed);
        Assert.Equal(text, QueryPrinter.Print(reparsed));
    }

    [BdqProperty(MaxTest = 500)]
    public void Parse_PrintedRandomExpression_EqualsTheOriginal(RandomFilterQuery input) => AssertRoundTrips(input.Query);

    public static TheoryData<string> Shapes => new(
        "accords where not (not disputed)",
        "accords where (a and b) and c",
        "accords where a and (b or c)",
        "accords where (not a) or b",
        "accords where a between -1.50 and 2013-11 and b not in (x, @y, \"z\", 2013-11-14)",
        "accords where title contains \"q\\\"u\\\\o -- te ñ\" and note endswith \"\"",
        "accords where (kind = Treaty and x has any (@where, @count)) and y has all (1)",
        "accords group by kind, status order by kind desc, status skip 0 take 10",
        "accords group by kind count, sum(value), max, count(x) order by kind",
        "accords where place is not null select title, nation.region count",
        "statistics where metric = BilateralTrade group by period sum(value)",
        "accords where (notes and nothing) or isabel is null",
        "accords where parties has PER and count(parties) = 1",
        "accords where not count(topics) between 1 and @n",
        "agencies where id in (events where title contains \"q\" and (kind = X or date is null) order by id take 3 select agencies) and x not in (sources select id)");

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Print_CanonicalText_IsReproducedExactly(string text)
    {
        var parsed = QueryParser.Parse(text);
        Assert.True(parsed.Success, string.Join("; ", parsed.Diagnostics));

        Assert.Equal(text, QueryPrinter.Print(parsed.Query!));
        AssertRoundTrips(parsed.Query!);
    }

    [Theory]
    [MemberData(nameof(QueryParserTests.Examples), MemberType = typeof(QueryParserTests))]
    public void Parse_PrintedDesignExample_EqualsTheParsedExample(string text)
    {
        AssertRoundTrips(QueryParser.Parse(text).Query!);
    }

    [Theory]
    [InlineData("accords where kind = Treaty", "accords where kind = Pledge")]
    [InlineData("accords where kind = Treaty", "accords where kind != Treaty")]
    [InlineData("accords where a and b", "accords where a or b")]
    [InlineData("accords where a = 1.5", "accords where a = \"1.5\"")]
    [InlineData("accords where a = x", "accords where a = @x")]
    [InlineData("accords order by a", "accords order by a desc")]
    [InlineData("accords group by a count", "accords group by a")]
    [InlineData("accords take 1", "accords skip 1")]
    public void Equals_DifferentTrees_AreNotEqual(string left, string right)
    {
        // Guards the property above: equality must not be trivially true.
        Assert.NotEqual(QueryParser.Parse(left).Query, QueryParser.Parse(right).Query);
    }

    [Fact]
    public void Equals_SameTreeDifferentSpans_AreEqual()
    {
        var compact = QueryParser.Parse("accords where kind=Treaty").Query;
        var spaced = QueryParser.Parse("  accords\n  where   kind =   Treaty  ").Query;

        Assert.NotEqual(compact!.Where!.Span, spaced!.Where!.Span);
        Assert.Equal(compact, spaced);
        Assert.Equal(compact.GetHashCode(), spaced.GetHashCode());
    }

    private static void AssertRoundTrips(QuerySyntax ast)
    {
        var text = QueryPrinter.Print(ast);
        var parsed = QueryParser.Parse(text);
        Assert.True(parsed.Success, $"{text}{Environment.NewLine}{string.Join(Environment.NewLine, parsed.Diagnostics.Select(d => d.Format(text)))}");
        Assert.True(ast.Equals(parsed.Query), $"printed:   {text}{Environment.NewLine}reprinted: {QueryPrinter.Print(parsed.Query!)}");
    }
}
