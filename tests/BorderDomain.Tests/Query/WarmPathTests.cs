using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using BorderDomain.Query.Planning;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Query;

/// <summary>
/// The run-time path's warm calls: a query without parameters keeps its plan and executor, so a warm call answers as a
/// cold one does (a fresh plan and executor) and a warm count allocates nothing.
/// </summary>
public sealed class WarmPathTests
{
    private static readonly BorderStore Store = BorderStore.Default;

    public static TheoryData<string> CorpusQueries()
    {
        var data = new TheoryData<string>();
        foreach (var query in QueryCorpus.RecordQueries.Concat(QueryCorpus.CountQueries).Concat(QueryCorpus.RowQueries))
        {
            data.Add(query);
        }

        return data;
    }

    [Theory]
    [InlineData("accords where parties has PER count")]
    [InlineData("accords count")]
    [InlineData("agencies where nation = ECU count")]
    public void WarmCount_AllocatesNothing(string query)
    {
        var expected = Cold(query).Count;
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(expected, Bdq.Execute(Store, query).Count);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var total = 0;
        for (var i = 0; i < 10; i++)
        {
            total += Bdq.Execute(Store, query).Count!.Value;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(10 * expected, total);
        Assert.Equal(0, allocated);
    }

    [Theory]
    [MemberData(nameof(CorpusQueries))]
    public void WarmResult_EqualsColdResult(string query)
    {
        var cold = Cold(query);
        for (var call = 0; call < 3; call++)
        {
            AssertSame(cold, Bdq.Execute(Store, query));
        }
    }

    [Fact]
    public void WarmCalls_FromManyThreads_AnswerAsOneDoes()
    {
        string[] queries =
        [
            "accords where parties has PER and signed >= 2010 order by signed desc take 10",
            "accords where kind != Agreement order by title",
            "agencies group by kind count",
            "accords where title contains \"peru\" select id, title",
        ];
        var expected = queries.Select(q => Cold(q)).ToArray();
        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => AssertSame(expected[i % queries.Length], Bdq.Execute(Store, queries[i % queries.Length])));
    }

    // Parameterised queries keep a plan per set of sizes of the accesses reading a parameter: each warm call with other
    // values answers as a fresh plan for those values does, whichever plan it reuses.
    [Theory]
    [InlineData("accords where parties has @p count", "p", "PER", "ECU", "BOL")]
    [InlineData("accords where parties has @p and kind = Treaty order by signed desc take 5", "p", "PER", "ECU", "BOL")]
    [InlineData("accords where id = @id", "id", "acc-0000001", "no-such-accord", "acc-0000002")]
    [InlineData("agencies where nation = @n select id, name", "n", "ECU", "PER", "COL")]
    [InlineData("accords where signed >= @d order by signed take 3", "d", "2010", "1990", "2020")]
    public void WarmParameterisedCalls_AnswerAsFreshPlans(string query, string name, string first, string second, string third)
    {
        string[] values = [first, second, third, second, first, third];
        foreach (var value in values)
        {
            var parameters = new Dictionary<string, object?> { [name] = value };
            AssertSame(Cold(query, parameters), Bdq.Execute(Store, query, parameters));
        }
    }

    [Fact]
    public void WarmParameterisedCalls_StillCheckTheirValues()
    {
        const string query = "accords where parties has @p count";
        Assert.Equal(Cold(query, new Dictionary<string, object?> { ["p"] = "PER" }).Count, Bdq.Execute(Store, query, new Dictionary<string, object?> { ["p"] = "PER" }).Count);
        Assert.False(Bdq.TryExecute(Store, query, out _, out var diagnostics, new Dictionary<string, object?> { ["p"] = "not a nation" }));
        Assert.NotEmpty(diagnostics);
        Assert.False(Bdq.TryExecute(Store, query, out _, out diagnostics));
        Assert.NotEmpty(diagnostics);
    }

    // The query planned and run afresh, bypassing the kept plan and executor.
    private static BdqResult Cold(string query, IReadOnlyDictionary<string, object?>? given = null)
    {
        Assert.True(Bdq.TryCompile(query, Store.Schema, null, out var bound, out var diagnostics), string.Join("; ", diagnostics.Select(d => d.Message)));
        var table = Store.GetTable(bound!.Set.Name)!;
        Assert.True(ParameterResolver.TryResolve(bound, given, BdqOptions.Default, out var parameters, out diagnostics), string.Join("; ", diagnostics.Select(d => d.Message)));
        var plan = QueryPlanner.Plan(bound, new TableStatistics(table, parameters));
        return new PlanExecutor(table, Store.GetTable, parameters) { MaxRows = BdqOptions.Default.MaxRows, MaxMatchedWords = BdqOptions.Default.MaxMatchedWords }.Execute(plan);
    }

    private static void AssertSame(BdqResult expected, BdqResult actual)
    {
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.Columns, actual.Columns);
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.IsTruncated, actual.IsTruncated);
        Assert.Equal(expected.Records, actual.Records);
        Assert.Equal(Text(expected.Rows), Text(actual.Rows));
    }

    private static string[] Text(IReadOnlyList<IReadOnlyList<object?>> rows) =>
        rows.Select(row => string.Join(" | ", row.Select(value => value is System.Collections.IEnumerable list and not string
            ? "[" + string.Join(", ", list.Cast<object?>()) + "]"
            : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)))).ToArray();
}
