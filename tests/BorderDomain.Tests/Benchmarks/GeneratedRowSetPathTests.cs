using System;
using System.Collections;
using System.Linq;
using BorderDomain.Benchmarks;
using BorderDomain.CompilerServices;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Schema;
using Xunit;

namespace BorderDomain.Tests.Benchmarks;

/// <summary>
/// Generated code for a union of posting lists with a date range, and for an order of a large answer without a take,
/// runs the run time's path (IndexQueries.Found's row sets, the sorted index's InKeyOrder): it answers as the run time
/// does and allocates no more than the run time's warm call (plus, for the order, one array of its rows): its answer is a
/// <see cref="RecordList{T}"/> over the rows it found, as the run time's is a result over its row ids.
/// </summary>
public sealed class GeneratedRowSetPathTests
{
    private const int Size = 20_000;

    [Fact]
    public void Found_GivesTheRowsInEveryAccess_InAnyOrder()
    {
        var table = SyntheticData.SharedStore(Size).Accords;
        var topics = new IndexAccessArguments(table.Schema.IndexOfField("topics"), IndexAccessKind.PostingUnion, PredicateOperator.HasAny, FieldKind.Enum, [nameof(Topic.IllegalMining), nameof(Topic.FuelSmuggling)]);
        var signed = new IndexAccessArguments(table.Schema.IndexOfField("signed"), IndexAccessKind.DateRange, PredicateOperator.Between, FieldKind.Date, [PartialDate.FromYear(2015), PartialDate.FromYear(2018)]);
        var peru = new IndexAccessArguments(table.Schema.IndexOfField("parties"), IndexAccessKind.PostingUnion, PredicateOperator.Has, FieldKind.Nation, [NationCode.Peru]);
        int[] Rows(IndexAccessArguments access) => IndexQueries.Rows(table, access.Field, access.Kind, access.Operator, access.FieldKind, access.Values);

        var expected = Rows(topics).Intersect(Rows(signed)).Intersect(Rows(peru)).Order().ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, IndexQueries.Found(table, [topics, signed, peru]));
        Assert.Equal(expected, IndexQueries.Found(table, [signed, peru, topics]));
        Assert.Equal(Rows(topics).Intersect(Rows(signed)).Order(), IndexQueries.Found(table, [topics, signed]));
        Assert.Equal(Enumerable.Range(0, table.Count), IndexQueries.Found(table, []));

        var nobody = new IndexAccessArguments(table.Schema.IndexOfField("topics"), IndexAccessKind.PostingUnion, PredicateOperator.HasAny, FieldKind.Enum, Array.Empty<object>());
        Assert.Empty(IndexQueries.Found(table, [topics, nobody]));
        Assert.Throws<ArgumentException>(() => IndexQueries.Found(table, [topics, default]));
    }

    [Fact]
    public void TopicsInDateRange_Generated_AnswersAsTheRunTime_AllocatingNoMore()
    {
        var store = SyntheticData.SharedStore(Size);
        var expected = Bdq.Execute(store, Queries.TopicsInDateRange).Records;
        Assert.NotEmpty(expected);
        Assert.Equal(expected, (IEnumerable)Queries.TopicsInDateRangeGenerated(store));

        var runTime = Allocated(() => Bdq.Execute(store, Queries.TopicsInDateRange));
        var generated = Allocated(() => Queries.TopicsInDateRangeGenerated(store));
        Assert.True(generated <= runTime, $"generated {generated} B, run time {runTime} B, {expected.Count} records");
        Assert.IsType<RecordList<Accord>>(Queries.TopicsInDateRangeGenerated(store));
    }

    [Fact]
    public void PeruEcuador_Generated_OrdersAsTheRunTime_AllocatingAtMostItsRowsMore()
    {
        var store = SyntheticData.SharedStore(Size);
        var expected = Bdq.Execute(store, Queries.PeruEcuador).Records;
        Assert.True(OrderCosts.WalkAllIsCheaper(expected.Count, store.Accords.Count));
        Assert.Equal(expected, (IEnumerable)Queries.PeruEcuadorGenerated(store));

        // The generated code counts its matches before it picks the walk, so it holds their rows once more.
        var runTime = Allocated(() => Bdq.Execute(store, Queries.PeruEcuador));
        var generated = Allocated(() => Queries.PeruEcuadorGenerated(store));
        Assert.True(generated <= runTime + RowsArray(expected.Count), $"generated {generated} B, run time {runTime} B, {expected.Count} records");
    }

    [Fact]
    public void TopicsInDateRange_WarmRunTime_MakesOneBitmapPerCall_ReusingTheOther()
    {
        var store = SyntheticData.SharedStore(Size);
        var bitmap = 24 + (8L * ((store.Accords.Count + 63) / 64));
        var result = Bdq.Execute(store, Queries.TopicsInDateRange);
        var answer = Allocated(() => new BdqResult(result.Set, result.Columns, store.Accords, new int[result.Records.Count], result.IsTruncated));

        // A union's OR and a date range are each a bitmap; the one the answer does not keep is reused by the next call.
        var warm = Allocated(() => Bdq.Execute(store, Queries.TopicsInDateRange));
        Assert.True(warm < answer + (2 * bitmap), $"warm {warm} B, answer {answer} B, bitmap {bitmap} B");
        Assert.Equal(result.Records, Bdq.Execute(store, Queries.TopicsInDateRange).Records);
    }

    private static long RowsArray(int count) => 24 + (4L * count);

    // Bytes one warm call allocates (after two calls made and cached the plan): the least of five calls, so that the
    // occasional growth of the table that registers dense answers' bitmaps (shared by every call) is not counted.
    private static long Allocated(Func<object> call)
    {
        GC.KeepAlive(call());
        GC.KeepAlive(call());
        var least = long.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            GC.KeepAlive(call());
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
