using System.Collections.Immutable;
using System.Linq;
using BorderDomain.Benchmarks;
using BorderDomain.Query;
using BorderDomain.CompilerServices;
using BorderDomain.Query.Planning;
using Xunit;

namespace BorderDomain.Tests.Query.Planning;

/// <summary>
/// A large answer without <c>take</c> is ordered by walking the sorted index through a bitmap of the rows found; a
/// small one is sorted. Either way the answer is the sort's.
/// </summary>
public sealed class LargeAnswerOrderTests
{
    private const int N = 5_000;

    [Theory]
    [InlineData("accords where parties has PER order by signed desc")]
    [InlineData("accords where parties has PER order by signed")]
    [InlineData("accords where kind in (Treaty, Agreement, MemorandumOfUnderstanding) order by signed desc skip 7")]
    [InlineData("accords order by signed desc")]
    [InlineData("statistics order by value desc")]
    public void LargeAnswerWithoutTake_WalksTheIndex_AndAnswersAsTheSortDoes(string query)
    {
        var store = SyntheticData.SharedStore(N);
        Assert.True(Bdq.TryCompile(query, store.Schema, null, out var bound, out _));
        var table = store.GetTable(bound!.Set.Name)!;
        var plan = QueryPlanner.Plan(bound, new TableStatistics(table));
        var executor = new PlanExecutor(table, store.GetTable, new System.Collections.Generic.Dictionary<string, object>());

        Assert.Equal(OrderStrategy.IndexWalk, plan.Order);
        Assert.Contains("keeping every match (no comparison sort)", PlanPrinter.Print(plan), System.StringComparison.Ordinal);
        var walked = executor.Execute(plan);
        var sorted = executor.Execute(plan with { Order = OrderStrategy.Sort });
        Assert.True(walked.Rows.Count > 1_000, $"{walked.Rows.Count} rows");
        Assert.Equal(sorted.Rows.Select(r => r.ToArray()), walked.Rows.Select(r => r.ToArray()));
    }

    [Fact]
    public void SmallAnswerWithoutTake_IsSorted()
    {
        var store = SyntheticData.SharedStore(N);
        Assert.True(Bdq.TryCompile("accords where parties has BOL and kind = Treaty order by signed desc", store.Schema, null, out var bound, out _));
        var plan = QueryPlanner.Plan(bound!, new TableStatistics(store.Accords));

        Assert.Equal(OrderStrategy.Sort, plan.Order);
    }

    [Theory]
    [InlineData("accords where parties has PRY and kind = Treaty and signed between 2015 and 2018")]
    [InlineData("accords where parties has PRY and signed >= 2010-06")]
    [InlineData("accords where parties has PRY and parties has PER and signed < 2012 order by signed desc")]
    public void DateRangeAfterASmallAccess_IsTestedOnTheRowsFound_AndAnswersAsTheRangeDoes(string query)
    {
        var store = SyntheticData.SharedStore(N);
        Assert.True(Bdq.TryCompile(query, store.Schema, null, out var bound, out _));
        var plan = QueryPlanner.Plan(bound!, new TableStatistics(store.Accords));
        var executor = new PlanExecutor(store.Accords, store.GetTable, new System.Collections.Generic.Dictionary<string, object>());

        var tested = Assert.Single(plan.Accesses, access => access.TestsFoundRows);
        Assert.Equal(IndexAccessKind.DateRange, tested.Kind);
        Assert.Contains("date range of signed, tested on each row found by its days", PlanPrinter.Print(plan), System.StringComparison.Ordinal);
        var probed = executor.Execute(plan);
        var made = executor.Execute(plan with { Accesses = plan.Accesses.Select(access => access with { TestsFoundRows = false }).ToImmutableArray() });
        Assert.NotEmpty(probed.Records);
        Assert.Equal(made.Records, probed.Records);
        Assert.Equal(Bdq.Execute(store, query).Records, probed.Records);
    }

    [Fact]
    public void DateRangeAfterABroadAccess_IsMadeAsARange()
    {
        var store = SyntheticData.SharedStore(N);
        Assert.True(Bdq.TryCompile("accords where topics has any (IllegalMining, FuelSmuggling) and signed between 2015 and 2018", store.Schema, null, out var bound, out _));
        var plan = QueryPlanner.Plan(bound!, new TableStatistics(store.Accords));

        Assert.DoesNotContain(plan.Accesses, access => access.TestsFoundRows);
    }
}
