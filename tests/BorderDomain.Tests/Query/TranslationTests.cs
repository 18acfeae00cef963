using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using BorderDomain.Storage;
using BorderDomain.Tests.Stress;
using Xunit;

namespace BorderDomain.Tests.Query;

/// <summary>
/// <see cref="BdqQueryable.TryTranslate{T}"/> over LINQ to Objects gives the in-memory engine's answer for every query
/// of the shared corpora (records, select, group by, count), order included, and its trees hold only what a provider
/// translates: no call into the store, no comparer-taking sort on anything but text, constants as captured values.
/// </summary>
public sealed class TranslationTests
{
    private static readonly BorderStore Store = BorderStore.Default;

    private static readonly Dictionary<string, object?> Parameters = new(StringComparer.Ordinal)
    {
        ["nation"] = NationCode.Peru,
        ["since"] = PartialDate.Parse("2000"),
        ["until"] = PartialDate.Parse("2025"),
        ["text"] = "peru",
        ["kind"] = AccordKind.Agreement,
        ["min"] = 100m,
    };

    public static TheoryData<string> Corpus
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var query in StressCorpus.All.Distinct(StringComparer.Ordinal))
            {
                data.Add(query);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void TryTranslate_CorpusQuery_GivesTheExecutorsResult(string query)
    {
        var expected = Bdq.Execute(Store, query, Parameters);
        var actual = Translate(query);

        AssertSameResult(expected, actual, query);
    }

    [Fact]
    public void TryTranslate_ReferencePath_JoinsTheSuppliedQueryableAndNeverCallsTheStore()
    {
        var translation = BdqQueryable.Translate(
            Store.Agencies.AsQueryable(),
            "agencies where nation.region = \"south america\" order by nation.region desc, name",
            sets: new BdqSets().Add(Store.Nations.AsQueryable()));

        var tree = translation.Records!.Expression.ToString();
        Assert.Contains("GroupJoin", tree, StringComparison.Ordinal);
        Assert.Contains("DefaultIfEmpty", tree, StringComparison.Ordinal);
        Assert.DoesNotContain("ValueSemantics", tree, StringComparison.Ordinal);
        Assert.DoesNotContain("Invoke", tree, StringComparison.Ordinal);
        Assert.Equal(
            Bdq.Execute(Store, "agencies where nation.region = \"South America\" order by nation.region desc, name").Records,
            translation.Execute().Records);
    }

    [Fact]
    public void TryTranslate_Constants_AreCapturedValuesNotLiterals()
    {
        var translation = BdqQueryable.Translate(Store.Statistics.AsQueryable(), "statistics where value > 1000 and metric = BorderLength");

        var constants = new ConstantCollector();
        constants.Visit(translation.Records!.Expression);

        // The query's values reach the tree only inside captured holders: no 1000, no Metric.BorderLength as a literal.
        Assert.DoesNotContain(constants.Values, value => value is decimal or Metric);
        Assert.Contains(constants.Values, value => value?.GetType().Name.StartsWith("Captured", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void TryTranslate_NoOrderBy_ComesBackInKeyOrder()
    {
        var list = Store.Accords.Reverse().ToList();

        var ids = BdqQueryable.Translate(list.AsQueryable(), "accords where parties has PER").Execute().Records.Cast<Accord>().Select(a => a.Id).ToList();

        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(Bdq.Execute(Store, "accords where parties has PER").Records.Cast<Accord>().Select(a => a.Id), ids);
    }

    [Fact]
    public void TryTranslate_WithoutTake_CutsAtMaxRowsAsTheExecutorDoes()
    {
        var options = new BdqOptions { MaxRows = 3 };
        var expected = Bdq.Execute(Store, "accords order by title", options: options);

        var actual = BdqQueryable.Translate(Store.Accords.AsQueryable(), "accords order by title", options: options).Execute();

        Assert.True(expected.IsTruncated);
        AssertSameResult(expected, actual, "accords order by title");
    }

    [Fact]
    public void TryTranslate_OtherSetsRecordType_IsRefused()
    {
        var ok = BdqQueryable.TryTranslate(Store.Accords.AsQueryable(), "agencies count", out var translation, out var diagnostics, sets: BdqSets.FromStore(Store));

        Assert.False(ok);
        Assert.Null(translation);
        Assert.Equal(BdqDiagnostics.NotSupportedHere, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void ToResult_WrongKind_Throws()
    {
        var translation = BdqQueryable.Translate(Store.Accords.AsQueryable(), "accords count");

        Assert.Throws<InvalidOperationException>(() => translation.ToResult(Array.Empty<Accord>()));
        Assert.Equal(Store.Accords.Count, translation.ToResult(translation.Records!.Count()).Count);
    }

    internal static void AssertSameResult(BdqResult expected, BdqResult actual, string query)
    {
        Assert.True(expected.Kind == actual.Kind, $"{query}: kind {actual.Kind}, expected {expected.Kind}");
        Assert.Equal(expected.Columns, actual.Columns);
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.IsTruncated, actual.IsTruncated);
        Assert.True(expected.Records.SequenceEqual(actual.Records), $"{query}: records differ");
        Assert.True(expected.Rows.Count == actual.Rows.Count, $"{query}: {actual.Rows.Count} rows, expected {expected.Rows.Count}");
        for (var i = 0; i < expected.Rows.Count; i++)
        {
            var want = string.Join(" | ", expected.Rows[i].Select(Show));
            var got = string.Join(" | ", actual.Rows[i].Select(Show));
            Assert.True(expected.Rows[i].SequenceEqual(actual.Rows[i], CellComparer.Instance), $"{query}: row {i} is [{got}], expected [{want}]");
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        object[] list => $"[{string.Join(", ", list.Select(Show))}]",
        _ => $"{value} ({value.GetType().Name})",
    };

    // A cell that is a path through a list of references (a new object[] in each engine) compares element by element.
    private sealed class CellComparer : IEqualityComparer<object?>
    {
        public static readonly CellComparer Instance = new();

        public new bool Equals(object? x, object? y) => x is object[] left && y is object[] right ? left.SequenceEqual(right) : object.Equals(x, y);

        public int GetHashCode(object? obj) => 0;
    }

    private static BdqResult Translate(string query) =>
        SetQueryables.Call(Store, query, new TranslateCall(query, BdqSets.FromStore(Store)), fallback: "nations");

    private sealed record TranslateCall(string Query, BdqSets Sets) : IQueryableCall<BdqResult>
    {
        public BdqResult Call<T>(IQueryable<T> rows)
            where T : class => BdqQueryable.Translate(rows, Query, Parameters, Sets).Execute();
    }

    private sealed class ConstantCollector : ExpressionVisitor
    {
        public List<object?> Values { get; } = [];

        protected override Expression VisitConstant(ConstantExpression node)
        {
            Values.Add(node.Value);
            return base.VisitConstant(node);
        }
    }
}
