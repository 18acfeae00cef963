using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using BorderDomain.Query.Syntax;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Query;

/// <summary>
/// Regression tests for the hardening findings on the query side: long chains, the cache under custom options,
/// the result ceiling, per-unit aggregates and the caret display.
/// </summary>
public sealed class HardeningTests
{
    private static readonly BorderStore Store = BorderStore.Default;

    // F19: a flat chain is as deep as it is long in the syntax tree. Run on a thread with a 1 MB stack, so a stage that
    // recursed along the chain would overflow it (and kill the test host) long before 20,000 terms, while the front
    // end's constant stack use (about 200 KB, measured: it fails at 160 KB) has room to spare.
    [Theory]
    [InlineData("or")]
    [InlineData("and")]
    public void EveryEntryPoint_TwentyThousandTermChainOnAOneMegabyteStack_Completes(string keyword)
    {
        const int Terms = 20_000;
        var target = Store.Accords[0].Id;
        var tests = Enumerable.Range(0, Terms - 1).Select(i => keyword == "or" ? $"id = \"x{i}\"" : $"id != \"x{i}\"").Append($"id = \"{target}\"");
        var query = "accords where " + string.Join($" {keyword} ", tests);
        var options = new BdqOptions { MaxQueryLength = query.Length };
        BdqResult? executed = null;
        string? plan = null;
        IQueryable<Accord>? applied = null;
        string? printed = null;
        Exception? failure = null;

        var thread = new Thread(
            () =>
            {
                try
                {
                    Assert.True(Bdq.TryExecute(Store, query, out executed, out _, options: options));
                    Assert.True(Bdq.TryExplain(Store, query, out plan, out _, options));
                    Assert.True(BdqQueryable.TryApply(Store.Accords.AsQueryable(), query, out applied, out _, options: options));
                    printed = QueryPrinter.Print(QueryParser.Parse(query, options).Query!);
                    _ = applied!.ToList();
                }
                catch (Exception exception)
                {
                    failure = exception;
                }
            },
            maxStackSize: 1024 * 1024);
        thread.Start();
        thread.Join();

        Assert.Null(failure);
        Assert.Equal([target], executed!.Records.Cast<Accord>().Select(a => a.Id));
        Assert.Equal([target], applied!.Select(a => a.Id));

        // Explain lists the chain's terms as one parenthesised list (the target of an 'and' chain is its index access).
        var op = keyword == "or" ? "=" : "!=";
        Assert.Contains($"(id {op} \"x0\" {keyword} id {op} \"x1\" {keyword} ", plan, StringComparison.Ordinal);
        Assert.Contains($" {keyword} id {op} \"x{Terms - 2}\"", plan, StringComparison.Ordinal);
        Assert.Contains($"id = \"{target}\"", plan, StringComparison.Ordinal);

        // The canonical text parenthesises the left-folded chain fully (so reading it back needs as deep a nesting
        // limit as the chain is long; the round-trip tests cover that on shallow trees).
        Assert.StartsWith("accords where " + new string('(', Terms - 2) + "id ", printed, StringComparison.Ordinal);
        Assert.EndsWith($") {keyword} id = \"{target}\"", printed, StringComparison.Ordinal);
        Assert.Equal(Terms - 2, printed!.Count(c => c == ')'));
    }

    // F12: options other than the defaults (as an embedder sets them) still hit the compiled-query cache.
    [Fact]
    public void TryCompile_EqualNonDefaultOptions_ReusesTheCompiledQuery()
    {
        const string Query = "accords where parties has PER and signed >= 2010 order by signed desc";
        Assert.True(Bdq.TryCompile(Query, Store.Schema, new BdqOptions { MaxTake = 50, MaxListItems = 20 }, out var first, out _));
        Assert.True(Bdq.TryCompile(Query, Store.Schema, new BdqOptions { MaxTake = 50, MaxListItems = 20 }, out var second, out _));
        Assert.True(Bdq.TryCompile(Query, Store.Schema, new BdqOptions { MaxTake = 51, MaxListItems = 20 }, out var other, out _));

        Assert.Same(first, second);
        Assert.NotSame(first, other);
    }

    // Past the sixteen sets of options kept, a new set replaces the one used longest ago rather than compiling uncached:
    // after twenty other sets, a new one (values no other test uses) still reuses what it compiled.
    [Fact]
    public void TryCompile_AfterManyOtherOptions_NewOptionsStillReuseTheCompiledQuery()
    {
        const string Query = "accords where parties has ECU order by signed desc";
        for (var i = 0; i < 20; i++)
        {
            Assert.True(Bdq.TryCompile(Query, Store.Schema, new BdqOptions { MaxTake = 7_000 + i, MaxListItems = 77 }, out _, out _));
        }

        var options = new BdqOptions { MaxTake = 7_100, MaxListItems = 77 };
        Assert.True(Bdq.TryCompile(Query, Store.Schema, options, out var first, out _));
        Assert.True(Bdq.TryCompile(Query, Store.Schema, options with { }, out var second, out _));

        Assert.Same(first, second);
    }

    // A query's limits come from its own options: a text cached under generous options is refused under strict ones.
    [Fact]
    public void TryCompile_SameTextStricterOptions_AppliesTheStricterLimits()
    {
        const string Query = "accords take 40";
        Assert.True(Bdq.TryCompile(Query, Store.Schema, new BdqOptions { MaxTake = 50 }, out _, out _));

        Assert.False(Bdq.TryCompile(Query, Store.Schema, new BdqOptions { MaxTake = 30 }, out _, out var diagnostics));
        Assert.Equal(BdqDiagnostics.TakeTooLarge, Assert.Single(diagnostics).Code);
    }

    // MaxRows: a query without take returns at most MaxRows rows, in its order, and says it left rows out.
    [Fact]
    public void TryExecute_NoTakeMoreRowsThanMaxRows_ReturnsTheFirstRowsAndIsTruncated()
    {
        var options = new BdqOptions { MaxRows = 3 };
        var all = Bdq.Execute(Store, "accords order by signed desc");

        var capped = Bdq.Execute(Store, "accords order by signed desc", options: options);

        Assert.True(all.Rows.Count > 3);
        Assert.False(all.IsTruncated);
        Assert.True(capped.IsTruncated);
        Assert.Equal(all.Records.Take(3), capped.Records);
        Assert.Equal(3, capped.Rows.Count);
    }

    [Fact]
    public void TryExecute_MaxRowsWithTakeCountAndSelect_AppliesOnlyWithoutTake()
    {
        var options = new BdqOptions { MaxRows = 2 };

        var taken = Bdq.Execute(Store, "accords order by id take 5", options: options);
        var counted = Bdq.Execute(Store, "accords count", options: options);
        var selected = Bdq.Execute(Store, "accords order by id select id", options: options);
        var grouped = Bdq.Execute(Store, "agencies group by kind count", options: options);

        Assert.Equal(5, taken.Rows.Count);
        Assert.False(taken.IsTruncated);
        Assert.Equal(Store.Accords.Count, counted.Count);
        Assert.False(counted.IsTruncated);
        Assert.Equal(Store.Accords.Select(a => a.Id).Order(StringComparer.Ordinal).Take(2), selected.Rows.Select(r => (string)r[0]!));
        Assert.True(selected.IsTruncated);
        Assert.Equal(2, grouped.Rows.Count);
        Assert.True(grouped.IsTruncated);
    }

    // Amounts in different currencies never add up: the bundled fuel prices are in PEN and USD, summed per unit.
    [Fact]
    public void GroupBy_SumOverValuesInTwoCurrencies_SumsPerUnit()
    {
        var result = Bdq.Execute(Store, "statistics where metric = FuelPrice group by metric sum(value)");

        var expected = Store.Statistics.Where(s => s.Metric == Metric.FuelPrice)
            .GroupBy(s => s.Unit.Code)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Metric: "FuelPrice", Unit: g.Key, Sum: g.Sum(s => s.Value)))
            .ToList();
        Assert.Equal(["metric", "unit", "sum(value)"], result.Columns);
        Assert.True(expected.Count >= 2, "the bundled fuel prices are in more than one currency");
        Assert.Equal(expected, result.Rows.Select(r => (r[0]!.ToString()!, ((Unit)r[1]!).Code, (decimal)r[2]!)));
    }

    [Fact]
    public void GroupBy_UnitAlreadyAKeyOrOnlyCounts_AddsNoKey()
    {
        var byUnit = Bdq.Execute(Store, "statistics group by unit, metric sum(value)");
        var counts = Bdq.Execute(Store, "statistics group by metric count");

        Assert.Equal(["unit", "metric", "sum(value)"], byUnit.Columns);
        Assert.Equal(["metric", "count"], counts.Columns);
    }

    // F15: past column 200 the caret used to land under "…" with the offending text cut away.
    [Fact]
    public void Format_SpanPastColumnTwoHundred_ShowsAWindowWithTheCaretUnderTheSpan()
    {
        var query = "accords where title contains \"" + new string('x', 300) + "\" and parites has PER";
        Assert.False(Bdq.TryExecute(Store, query, out _, out var diagnostics));

        var lines = Assert.Single(diagnostics).Format(query).Split(Environment.NewLine);

        Assert.StartsWith("…", lines[0], StringComparison.Ordinal);
        Assert.True(lines[0].Length <= BdqDiagnostic.WindowWidth + 2, lines[0]);
        var shownAt = lines[0].IndexOf("parites", StringComparison.Ordinal);
        Assert.True(shownAt > 0);
        Assert.Equal(new string(' ', shownAt) + "^^^^^^^", lines[1]);
        Assert.Equal("BDQ0102 (1,337): Unknown field 'parites' on accords; did you mean 'parties'?", lines[2]);
    }

    [Fact]
    public void Format_TabsAndControlCharacters_ShowAsControlPicturesWithTheCaretAligned()
    {
        const string Query = "accords\twhere title = \"\u001b\" and parites has PER";
        Assert.False(Bdq.TryExecute(Store, Query, out _, out var diagnostics));

        var lines = Assert.Single(diagnostics).Format(Query).Split(Environment.NewLine);

        Assert.Equal("accords\u2409where title = \"\u241b\" and parites has PER", lines[0]);
        Assert.Equal(new string(' ', 30) + "^^^^^^^", lines[1]);
    }

    [Fact]
    public void Format_WideCharactersBeforeTheSpan_TwoColumnsEach()
    {
        const string Query = "accords where title contains \"日本\" and parites has PER";
        Assert.False(Bdq.TryExecute(Store, Query, out _, out var diagnostics));

        var lines = Assert.Single(diagnostics).Format(Query).Split(Environment.NewLine);

        // "accords where title contains \"" is 30 columns, the two CJK characters 4, then "\" and " 6.
        Assert.Equal(new string(' ', 40) + "^^^^^^^", lines[1]);
    }

    // Explain prints a chain as one list, however the binder balanced it.
    [Fact]
    public void TryExplain_ThreeTermResidual_PrintsOneFlatList()
    {
        Assert.True(Bdq.TryExplain(Store, "accords where title contains \"a\" or title contains \"b\" or title contains \"c\"", out var plan, out _));

        Assert.Contains("(title contains \"a\" or title contains \"b\" or title contains \"c\")", plan, StringComparison.Ordinal);
    }

    // String escapes: \" \\ \n \t \uXXXX are read as the characters they stand for.
    [Theory]
    [InlineData("\\u0022", "\"")]
    [InlineData("a\\\\b", "a\\b")]
    [InlineData("\\n\\t", "\n\t")]
    [InlineData("\\u00e9t\\u00C9", "étÉ")]
    public void Parse_StringEscapes_AreResolved(string written, string value)
    {
        var parsed = QueryParser.Parse($"accords where title = \"{written}\"");

        var predicate = Assert.IsType<PredicateSyntax>(parsed.Query!.Where);
        Assert.Equal(value, Assert.IsType<StringLiteralSyntax>(Assert.Single(predicate.Operands)).Value);
    }

    // Parameter text follows BDQ's literal syntax: what a query accepts as a number, --param accepts too.
    [Theory]
    [InlineData("1500", 1500)]
    [InlineData("-2.5", -2.5)]
    [InlineData("0.0000000000000000000000000001", 0.0000000000000000000000000001)]
    public void TryExecute_NumberParameterAsText_ReadsLikeALiteral(string text, double expected)
    {
        Assert.True(Bdq.TryExecute(Store, "statistics where value > @v count", out var withText, out _, new Dictionary<string, object?> { ["v"] = text }));
        Assert.True(Bdq.TryExecute(Store, $"statistics where value > {text} count", out var withLiteral, out _));

        Assert.Equal(withLiteral!.Count, withText!.Count);
        Assert.Equal(Store.Statistics.Count(s => s.Value > (decimal)expected), withText.Count);
    }

    // The Try entry points separate a caller's mistake from bad input: a null query or target is an
    // ArgumentNullException (as documented), while an empty query is a diagnostic, never an exception.
    [Fact]
    public void TryEntryPoints_NullArgumentThrowsButEmptyQueryIsADiagnostic()
    {
        var accords = Store.Accords.Rows.AsQueryable();
        Assert.Throws<ArgumentNullException>(() => Bdq.TryExecute(Store, null!, out _, out _));
        Assert.Throws<ArgumentNullException>(() => Bdq.TryExecute(null!, "accords", out _, out _));
        Assert.Throws<ArgumentNullException>(() => Bdq.TryExplain(Store, null!, out _, out _));
        Assert.Throws<ArgumentNullException>(() => BdqQueryable.TryApply(accords, null!, out _, out _));
        Assert.Throws<ArgumentNullException>(() => BdqQueryable.TryTranslate(accords, null!, out _, out _));

        Assert.False(Bdq.TryExecute(Store, string.Empty, out var result, out var executed));
        Assert.Null(result);
        Assert.Equal(BdqDiagnostics.EmptyQuery, Assert.Single(executed).Code);
        Assert.False(Bdq.TryExplain(Store, string.Empty, out var plan, out var explained));
        Assert.Null(plan);
        Assert.Equal(BdqDiagnostics.EmptyQuery, Assert.Single(explained).Code);
        Assert.False(BdqQueryable.TryApply(accords, string.Empty, out var applied, out var apply));
        Assert.Null(applied);
        Assert.Equal(BdqDiagnostics.EmptyQuery, Assert.Single(apply).Code);
        Assert.False(BdqQueryable.TryTranslate(accords, string.Empty, out var translated, out var translate));
        Assert.Null(translated);
        Assert.Equal(BdqDiagnostics.EmptyQuery, Assert.Single(translate).Code);
    }
}
