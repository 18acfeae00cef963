using System;
using System.Collections.Generic;
using System.Linq;
using BorderDomain.Query.Syntax;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace BorderDomain.Tests.Query.Syntax;

/// <summary><c>Parse(Print(ast))</c> equals <c>ast</c> for random syntax trees (AST equality ignores spans).</summary>
public sealed class RoundTripTests
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéñüÁ";

    // Names close to keywords: a keyword prefix or suffix must not be read as the keyword.
    private static readonly string[] NearKeywords =
    [
        "notes", "nothing", "inside", "order1", "bye", "isabel", "anyone", "allies", "counter", "summit", "minimum", "maxi", "avgx", "descent",
        "ascend", "selected", "groups", "skipper", "taken", "wherever", "andes", "oregon", "between_", "hasp", "nullable", "true", "false",
        "PER", "Treaty", "e1", "x_",
    ];

    private static readonly Gen<string> RandomName =
        from first in Gen.Elements(Letters.ToCharArray())
        from length in Gen.Choose(0, 7)
        from rest in Gen.ArrayOf(Gen.Elements((Letters + "0123456789_").ToCharArray()), length)
        select first + new string(rest);

    /// <summary>A set, field or bare-name literal: starts with a letter, never a reserved word.</summary>
    internal static readonly Gen<string> Name =
        Gen.Frequency((4, RandomName), (1, Gen.Elements(NearKeywords)))
            .Where(name => !QueryGrammar.Reserved.Contains(name));

    // A parameter is '@' and any word, reserved or not: the '@' already tells it apart.
    private static readonly Gen<string> ParameterName = Gen.Frequency(
        (3, RandomName),
        (1, Gen.Elements(QueryGrammar.Reserved.ToArray())),
        (1, Gen.Elements("_", "_x1", "from", "to")));

    private static readonly Gen<PathSyntax> Path =
        from length in Gen.Choose(1, 2)
        from names in Gen.ArrayOf(Name, length)
        select new PathSyntax(names.Select(n => new IdentifierSyntax(n)).ToArray());

    private static readonly string[] StringPieces =
        ["a", "Z", " ", "\"", "\\", "\\\"", "é", "ñ", "ü", "Ç", "--", "(", ")", ",", "@", "'", "\n", "\t", "mineria", "minería"];

    // Kept short so a whole random query stays well under BdqOptions.MaxQueryLength.
    private static readonly Gen<LiteralSyntax> StringLiteral =
        from length in Gen.Choose(0, 12)
        from pieces in Gen.ArrayOf(Gen.Elements(StringPieces), length)
        select (LiteralSyntax)new StringLiteralSyntax(string.Concat(pieces));

    private static readonly Gen<LiteralSyntax> NumberLiteral =
        from value in Gen.Choose(-1_000_000, 1_000_000)
        from scale in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 3)))
        select (LiteralSyntax)new NumberLiteralSyntax(new decimal(Math.Abs(value), 0, 0, value < 0, (byte)scale));

    private static readonly Gen<LiteralSyntax> DateLiteral =
        from year in Gen.Choose(1000, 2999)
        from month in Gen.Choose(1, 12)
        from day in Gen.Choose(0, 31)
        select (LiteralSyntax)new DateLiteralSyntax(day == 0
            ? FormattableString.Invariant($"{year:D4}-{month:D2}")
            : FormattableString.Invariant($"{year:D4}-{month:D2}-{day:D2}"));

    private static readonly Gen<LiteralSyntax> Literal = Gen.OneOf(
        StringLiteral,
        NumberLiteral,
        DateLiteral,
        Name.Select(n => (LiteralSyntax)new NameLiteralSyntax(n)),
        ParameterName.Select(n => (LiteralSyntax)new ParameterSyntax(n)));

    private static readonly Gen<PredicateSyntax> Predicate =
        from path in Path
        from op in Gen.Elements(Enum.GetValues<PredicateOperator>())
        from operands in Operands(op)
        select new PredicateSyntax(path, op, operands);

    private static readonly Gen<AggregateSyntax> Aggregate = Gen.Frequency(
        (2, Gen.Constant(new AggregateSyntax(AggregateFunction.Count, null))),
        (4, from function in Gen.Elements(Enum.GetValues<AggregateFunction>()) from argument in Path select new AggregateSyntax(function, argument)),
        (1, Gen.Elements(Enum.GetValues<AggregateFunction>()).Select(function => new AggregateSyntax(function, null))));

    private static readonly Gen<GroupBySyntax> GroupBy =
        from keyCount in Gen.Choose(1, 3)
        from keys in Gen.ArrayOf(Path, keyCount)
        from aggregateCount in Gen.Choose(0, 3)
        from aggregates in Gen.ArrayOf(Aggregate, aggregateCount)
        select new GroupBySyntax(keys, aggregates);

    private static readonly Gen<OrderingSyntax> Ordering =
        from path in Path
        from isDescending in Gen.Elements(false, true)
        select new OrderingSyntax(path, isDescending);

    private static readonly Gen<NumberLiteralSyntax?> Whole = Gen.Frequency(
        (1, Gen.Constant<NumberLiteralSyntax?>(null)),
        (1, Gen.Choose(0, 1_000_000).Select(n => (NumberLiteralSyntax?)new NumberLiteralSyntax(n))));

    private static readonly Gen<ExpressionSyntax?> Where = Gen.Frequency(
        (1, Gen.Constant<ExpressionSyntax?>(null)),
        (5, Expression(4).Select(e => (ExpressionSyntax?)e)));

    private static readonly Gen<GroupBySyntax?> OptionalGroupBy = Gen.Frequency(
        (2, Gen.Constant<GroupBySyntax?>(null)),
        (1, GroupBy.Select(g => (GroupBySyntax?)g)));

    internal static readonly Gen<QuerySyntax> Query =
        from set in Name
        from filter in Where
        from groupBy in OptionalGroupBy
        from orderCount in Gen.Choose(0, 3)
        from orderBy in Gen.ArrayOf(Ordering, orderCount)
        from skip in Whole
        from take in Whole
        from selectCount in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(1, 3)))
        from projection in Gen.ArrayOf(Path, selectCount)

        // With a group by, a trailing 'count' is the group's count aggregate (the grammar reads aggregates first), so
        // 'group by k count' with Count = true is genuinely ambiguous and not generated.
        from count in groupBy is null ? Gen.Elements(false, true) : Gen.Constant(false)
        select new QuerySyntax(new IdentifierSyntax(set), filter, groupBy, orderBy, skip, take, projection, count);

    private static Gen<LiteralSyntax[]> Operands(PredicateOperator op) => op switch
    {
        PredicateOperator.IsTrue or PredicateOperator.IsNull or PredicateOperator.IsNotNull => Gen.Constant(Array.Empty<LiteralSyntax>()),
        PredicateOperator.Between => Gen.ArrayOf(Literal, 2),
        PredicateOperator.In or PredicateOperator.NotIn or PredicateOperator.HasAny or PredicateOperator.HasAll =>
            Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Literal, n)),
        PredicateOperator.Contains or PredicateOperator.StartsWith or PredicateOperator.EndsWith => Gen.ArrayOf(StringLiteral, 1),
        _ => Gen.ArrayOf(Literal, 1),
    };

    private static Gen<ExpressionSyntax> Expression(int depth)
    {
        var leaf = Predicate.Select(p => (ExpressionSyntax)p);
        if (depth == 0)
        {
            return leaf;
        }

        var inner = Expression(depth - 1);
        return Gen.Frequency(
            (3, leaf),
            (1, from left in inner from right in inner select (ExpressionSyntax)new AndSyntax(left, right)),
            (1, from left in inner from right in inner select (ExpressionSyntax)new OrSyntax(left, right)),
            (1, inner.Select(operand => (ExpressionSyntax)new NotSyntax(operand))));
    }

    [Fact]
    public void Parse_PrintedRandomQuery_EqualsTheOriginal()
    {
        Prop.ForAll(Query.ToArbitrary(), AssertRoundTrips).Check(Config.QuickThrowOnFailure.WithMaxTest(1000));
    }

    [Fact]
    public void Print_ReparsedRandomQuery_IsTheSameText()
    {
        Prop.ForAll(Query.ToArbitrary(), ast =>
            {
                var text = QueryPrinter.Print(ast);
                var reparsed = QueryParser.Parse(text).Query;
                Assert.NotNull(reparsed);
                Assert.Equal(text, QueryPrinter.Print(reparsed));
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    [Fact]
    public void Parse_PrintedRandomExpression_EqualsTheOriginal()
    {
        var deep = Expression(4).Select(e => new QuerySyntax(new IdentifierSyntax("accords"), e, null, default, null, null, default, false));

        Prop.ForAll(deep.ToArbitrary(), AssertRoundTrips).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

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
        "accords where (notes and nothing) or isabel is null");

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
