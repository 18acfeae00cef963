using System;
using System.Collections.Generic;
using System.Linq;
using BorderDomain.CompilerServices;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using BorderDomain.Query.Syntax;
using Xunit;

namespace BorderDomain.Tests.Query.Syntax;

public sealed class QueryParserTests
{
    /// <summary>The examples of DESIGN.md, section "The language, by example", verbatim (comment included).</summary>
    internal static readonly string[] DesignExamples =
    [
        "accords where parties has PER and parties has ECU order by signed desc",
        "accords where topics has any (IllegalMining, DrugTrafficking) and signed >= 2010 take 5",
        "agencies where nation = ECU and kind in (Police, Customs) order by name",
        "statistics where metric = BorderLength and nations has PER and nations has ECU",
        "statistics where disputed select metric, value, unit, source",
        "accords where title contains \"mineria\"          -- case- and accent-insensitive",
        "accords where parties has @nation and signed between @from and @to",
        "accords group by kind count",
        "statistics where metric = BilateralTrade group by period sum(value)",
        "agencies where nation.region = \"South America\" count",
    ];

    public static TheoryData<string> Examples => new(DesignExamples);

    private static PathSyntax P(params string[] segments) => new(segments.Select(s => new IdentifierSyntax(s)).ToArray());

    private static PredicateSyntax Pred(PathSyntax path, PredicateOperator op, params LiteralSyntax[] operands) => new(path, op, operands);

    private static NameLiteralSyntax N(string name) => new(name);

    private static QuerySyntax Query(string set, ExpressionSyntax? where = null) =>
        new(new IdentifierSyntax(set), where, null, default, null, null, default, false);

    private static QuerySyntax ParseOk(string text)
    {
        var result = QueryParser.Parse(text);
        Assert.True(result.Success, $"{text}: {string.Join("; ", result.Diagnostics)}");
        Assert.Empty(result.Diagnostics);
        return result.Query!;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Parse_DesignExample_Succeeds(string text)
    {
        var query = ParseOk(text);

        Assert.Equal(query, ParseOk(QueryPrinter.Print(query)));
    }

    [Fact]
    public void Parse_FirstDesignExample_HasTheExpectedTree()
    {
        var query = ParseOk(DesignExamples[0]);

        var expected = Query("accords", new AndSyntax(Pred(P("parties"), PredicateOperator.Has, N("PER")), Pred(P("parties"), PredicateOperator.Has, N("ECU")))) with
        {
            OrderBy = new[] { new OrderingSyntax(P("signed"), true) },
        };
        Assert.Equal(expected, query);
    }

    [Fact]
    public void Parse_ParametersBetweenAndGroupBy_HaveTheExpectedTrees()
    {
        var between = ParseOk(DesignExamples[6]);
        var grouped = ParseOk(DesignExamples[8]);
        var counted = ParseOk(DesignExamples[7]);

        Assert.Equal(
            Query("accords", new AndSyntax(
                Pred(P("parties"), PredicateOperator.Has, new ParameterSyntax("nation")),
                Pred(P("signed"), PredicateOperator.Between, new ParameterSyntax("from"), new ParameterSyntax("to")))),
            between);
        var expectedGrouped = Query("statistics", Pred(P("metric"), PredicateOperator.Equal, N("BilateralTrade"))) with
        {
            GroupBy = new GroupBySyntax(new[] { P("period") }, new[] { new AggregateSyntax(AggregateFunction.Sum, P("value")) }),
        };
        Assert.Equal(expectedGrouped, grouped);

        // In 'group by kind count' the trailing count is the group's aggregate, not the query's count clause.
        Assert.False(counted.Count);
        Assert.Equal(new GroupBySyntax(new[] { P("kind") }, new[] { new AggregateSyntax(AggregateFunction.Count, null) }), counted.GroupBy);
    }

    [Fact]
    public void Parse_UpperCaseKeywords_SameTreeWithNamesAsWritten()
    {
        var upper = ParseOk("ACCORDS WHERE Parties HAS per ORDER BY signed DESC");
        var lowerKeywords = ParseOk("ACCORDS where Parties has per order by signed desc");
        var allLower = ParseOk("accords where parties has per order by signed desc");

        Assert.Equal(lowerKeywords, upper);
        Assert.NotEqual(allLower, upper);
        Assert.Equal("ACCORDS", upper.Set.Name);
        var predicate = Assert.IsType<PredicateSyntax>(upper.Where);
        Assert.Equal("Parties", Assert.Single(predicate.Path.Segments).Name);
        Assert.Equal(PredicateOperator.Has, predicate.Operator);
        Assert.Equal(N("per"), Assert.Single(predicate.Operands));
        Assert.True(Assert.Single(upper.OrderBy).Descending);
    }

    [Theory]
    [InlineData("accords WHERE kind NOT IN (Treaty) AND place IS NOT NULL OR NOT note IS NULL", "accords where kind not in (Treaty) and place is not null or not note is null")]
    [InlineData("accords Where topics Has Any (Trade) aNd topics HAS ALL (Health) Skip 2 Take 3 Select title, signed", "accords where topics has any (Trade) and topics has all (Health) skip 2 take 3 select title, signed")]
    [InlineData("accords WHERE signed BETWEEN 2010 AND 2013-11 and title CONTAINS \"a\" and title STARTSWITH \"b\" or title ENDSWITH \"c\" COUNT", "accords where signed between 2010 and 2013-11 and title contains \"a\" and title startswith \"b\" or title endswith \"c\" count")]
    [InlineData("statistics GROUP BY metric COUNT, SUM(value), Min(value), MAX(period), AvG(value) ORDER BY metric ASC", "statistics group by metric count, sum(value), min(value), max(period), avg(value) order by metric asc")]
    public void Parse_KeywordsInAnyCase_SameTreeAsLowerCase(string mixed, string lower)
    {
        Assert.Equal(ParseOk(lower), ParseOk(mixed));
    }

    [Fact]
    public void Parse_CommentsBetweenEveryToken_SameTree()
    {
        string[] tokens =
        [
            "accords", "where", "(", "kind", "in", "(", "Treaty", ",", "Pledge", ")", "or", "title", "contains", "\"a -- not a comment\"", ")",
            "and", "not", "signed", "between", "2010", "and", "2013-11", "and", "place", "is", "not", "null", "and", "nation.region", "!=", "-1.5",
            "group", "by", "kind", ",", "status", "count", ",", "sum", "(", "value", ")",
            "order", "by", "kind", "desc", ",", "status", "asc", "skip", "1", "take", "2",
        ];
        var plain = ParseOk(string.Join(" ", tokens));

        var commented = ParseOk("-- leading\n" + string.Join(" -- between ( \" tokens\n", tokens) + " -- trailing");
        var tight = ParseOk(string.Join("--x\n", tokens) + "--");

        Assert.Equal(plain, commented);
        Assert.Equal(plain, tight);
    }

    [Fact]
    public void Parse_CommentHidesTheRestOfTheLineOnly()
    {
        var query = ParseOk("accords -- where kind = Treaty\nwhere kind = Pledge -- take 5");

        Assert.Equal(Query("accords", Pred(P("kind"), PredicateOperator.Equal, N("Pledge"))), query);
    }

    [Fact]
    public void Parse_WordGluedToAComment_TheErrorNamesTheWordOnly()
    {
        // The comment starts at '--' for the grammar, the limit scan and the cache key; the error's token agrees.
        var result = QueryParser.Parse("accords where kind = Pledge oops--a note");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(BdqDiagnostics.SyntaxError, error.Code);
        Assert.StartsWith("Unexpected 'oops'; expected ", error.Message, StringComparison.Ordinal);
        Assert.Equal(28, error.Span.Start);
        Assert.Equal(4, error.Span.Length);
    }

    [Fact]
    public void Parse_Identifier_SpanCoversTheName()
    {
        var query = ParseOk("accords where parties has PER");

        var predicate = Assert.IsType<PredicateSyntax>(query.Where);
        Assert.Equal(new TextSpan(0, 7, 1, 1), query.Set.Span);
        Assert.Equal(new TextSpan(14, 7, 1, 15), predicate.Path.Segments[0].Span);
        Assert.Equal(new TextSpan(14, 7, 1, 15), predicate.Path.Span);
        Assert.Equal(new TextSpan(26, 3, 1, 27), predicate.Operands[0].Span);
    }

    [Fact]
    public void Parse_PathAfterCommentOnNextLine_SpansHaveLineAndColumn()
    {
        var query = ParseOk("agencies -- x\n  where nation.region = \"South America\"");

        var predicate = Assert.IsType<PredicateSyntax>(query.Where);
        Assert.Equal(new TextSpan(22, 13, 2, 9), predicate.Path.Span);
        Assert.Equal(new TextSpan(22, 6, 2, 9), predicate.Path.Segments[0].Span);
        Assert.Equal(new TextSpan(29, 6, 2, 16), predicate.Path.Segments[1].Span);
    }

    // The input works lines and columns out from the position and keeps only a window of recent positions: over a text
    // far longer than that window and on many lines (with '\r' before some '\n', a column like any other character),
    // every node's span is the one TextSpan.At computes from the text.
    [Fact]
    public void Parse_LongQueryOnManyLines_EverySpanHasTheLineAndColumnOfItsText()
    {
        const int Lines = 60;
        var text = "accords where signed > 2001" + string.Concat(Enumerable.Range(0, Lines).Select(i =>
            $"\n{new string(' ', i % 7)}or title contains \"t{i}\" -- c{i}\r\n  or nation.region = @p{i}"));
        var query = ParseOk(text);

        var predicates = new List<PredicateSyntax>();
        var pending = new Stack<ExpressionSyntax>([query.Where!]);
        while (pending.TryPop(out var expression))
        {
            Assert.Equal(TextSpan.At(text, expression.Span.Start, expression.Span.Length), expression.Span);
            if (expression is OrSyntax or)
            {
                pending.Push(or.Left);
                pending.Push(or.Right);
            }
            else
            {
                predicates.Add(Assert.IsType<PredicateSyntax>(expression));
            }
        }

        Assert.Equal(1 + (2 * Lines), predicates.Count);
        foreach (var node in predicates.SelectMany(p => p.Path.Segments.Cast<SyntaxNode>().Append(p.Path).Concat(p.Operands)))
        {
            Assert.Equal(TextSpan.At(text, node.Span.Start, node.Span.Length), node.Span);
        }

        Assert.Equal(new TextSpan(query.Where!.Span.Start, text.Length - 14, 1, 15), query.Where.Span);
    }

    [Fact]
    public void Parse_StringLiteral_SpanIncludesQuotesAndValueResolvesEscapes()
    {
        var query = ParseOk("accords where title contains \"min\\\"e\\\\ría\"");

        var literal = Assert.IsType<StringLiteralSyntax>(Assert.IsType<PredicateSyntax>(query.Where).Operands[0]);
        Assert.Equal("min\"e\\ría", literal.Value);
        Assert.Equal(new TextSpan(29, 13, 1, 30), literal.Span);
    }

    [Theory]
    [InlineData("accords where signed >= 2010 take 5", 14, 14)]
    [InlineData("accords where title contains \"mineria\"", 14, 24)]
    [InlineData("accords where signed between 2010 and 2013-11 count", 14, 31)]
    [InlineData("accords where disputed or kind = Treaty", 14, 8)]

    // A predicate's span covers its whole text: the operator of 'is null' and the closing parenthesis of a list too.
    [InlineData("accords where place is null", 14, 13)]
    [InlineData("accords where place is not null take 1", 14, 17)]
    [InlineData("accords where kind in (Treaty, Pledge) count", 14, 24)]
    [InlineData("accords where topics has any (Trade) count", 14, 22)]
    public void Parse_FirstPredicate_SpanCoversItsText(string text, int start, int length)
    {
        var query = ParseOk(text);

        var span = FirstPredicate(query.Where!).Span;
        Assert.Equal((start, length, 1, start + 1), (span.Start, span.Length, span.Line, span.Column));
    }

    [Fact]
    public void Parse_AndOfPredicates_SpanCoversBoth()
    {
        var query = ParseOk("accords where kind = Treaty and signed >= 2010 take 1");

        Assert.Equal(new TextSpan(14, 32, 1, 15), query.Where!.Span);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Parse_EveryPrefixOfDesignExample_ReturnsQueryOrDiagnostics(string text)
    {
        for (var length = 0; length <= text.Length; length++)
        {
            AssertQueryOrDiagnostics(text[..length]);
        }
    }

    [BdqProperty(MaxTest = 1000)]
    public void Parse_ArbitraryStrings_ReturnsQueryOrDiagnostics(AnyText input) => AssertQueryOrDiagnostics(input.Text);

    [BdqProperty(MaxTest = 2000)]
    public void Parse_RandomTokenSoup_ReturnsQueryOrDiagnostics(TokenSoup input) => AssertQueryOrDiagnostics(input.Text);

    [BdqProperty(MaxTest = 500)]
    public void Parse_ValidQueryWithRandomSuffix_ReturnsQueryOrDiagnostics(ExampleWithSuffix input) => AssertQueryOrDiagnostics(input.Text);

    // Numbers decimal.Parse cannot read: a take of 29+ digits overflows, and the grammar's \d would also match
    // non-ASCII digits (Arabic-Indic here) that the invariant culture rejects. The parser must give a diagnostic, not
    // throw. (A value too large for a decimal parses, and the binder reports BDQ0008: see DiagnosticTests.)
    [Theory]
    [InlineData("accords take 99999999999999999999999999999", 13)]
    [InlineData("accords take \u0663", 13)]
    [InlineData("statistics where value = \u0661\u0662", 25)]
    public void Parse_NumberDecimalCannotRead_ReturnsDiagnosticAtTheNumber(string text, int start)
    {
        var result = QueryParser.Parse(text);

        Assert.Null(result.Query);
        Assert.Equal(start, Assert.Single(result.Diagnostics).Span.Start);
    }

    [Fact]
    public void Parse_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => QueryParser.Parse(null!));
    }

    private static void AssertQueryOrDiagnostics(string text)
    {
        ParseResult result;
        try
        {
            result = QueryParser.Parse(text);
        }
        catch (Exception exception)
        {
            Assert.Fail($"Parse threw {exception.GetType().Name} for {Quote(text)}: {exception.Message}");
            return;
        }

        Assert.True(result.Query is not null ^ result.Diagnostics.Count > 0, $"{Quote(text)}: query {result.Query is not null}, {result.Diagnostics.Count} diagnostics");
        foreach (var diagnostic in result.Diagnostics)
        {
            Assert.InRange(diagnostic.Span.Start, 0, text.Length);
            Assert.InRange(diagnostic.Span.End, diagnostic.Span.Start, text.Length);
            Assert.False(string.IsNullOrEmpty(diagnostic.Message));
        }
    }

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    private static PredicateSyntax FirstPredicate(ExpressionSyntax expression) => expression switch
    {
        PredicateSyntax predicate => predicate,
        AndSyntax and => FirstPredicate(and.Left),
        OrSyntax or => FirstPredicate(or.Left),
        NotSyntax not => FirstPredicate(not.Operand),
        _ => throw new ArgumentException("Unknown node.", nameof(expression)),
    };
}
