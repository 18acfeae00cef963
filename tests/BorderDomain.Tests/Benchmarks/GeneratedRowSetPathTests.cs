using System;
using System.Collections;
using System.Linq;
using BorderDomain.Benchmarks;
using BorderDomain.CompilerServices;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Query.Language;
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
        Assert.Equal(expected.Length, IndexQueries.FoundCount(table, [topics, signed, peru]));
        Assert.Equal(table.Count, IndexQueries.FoundCount(table, []));

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

    // The count of a set (a union and a date range ANDed as bitmaps) is read from its words by both: neither reads the
    // rows out (four bytes each), so each allocates less than a quarter of those rows' bytes.
    [Fact]
    public void TopicsInDateRangeCount_Generated_CountsAsTheRunTime_ReadingNoRowOut()
    {
        var store = SyntheticData.SharedStore(Size);
        var expected = Bdq.Execute(store, Queries.TopicsInDateRange, options: new BdqOptions { MaxRows = int.MaxValue }).Records.Count;
        Assert.True(expected >= 100, $"{expected} records");
        Assert.Equal(expected, Bdq.Execute(store, Queries.TopicsInDateRangeCount).Count);
        Assert.Equal(expected, Queries.TopicsInDateRangeCountGenerated(store));

        var runTime = Allocated(() => Bdq.Execute(store, Queries.TopicsInDateRangeCount));
        var generated = Allocated(() => Queries.TopicsInDateRangeCountGenerated(store));
        Assert.True(runTime < RowsArray(expected) / 4, $"run time {runTime} B, {expected} rows");
        Assert.True(generated < RowsArray(expected) / 4, $"generated {generated} B, {expected} rows");
    }

    [Fact]
    public void PeruEcuador_Generated_OrdersAsTheRunTime_AllocatingNoMore()
    {
        var store = SyntheticData.SharedStore(Size);
        var expected = Bdq.Execute(store, Queries.PeruEcuador).Records;
        Assert.True(OrderCosts.WalkAllIsCheaper(expected.Count, store.Accords.Count));
        Assert.Equal(expected, (IEnumerable)Queries.PeruEcuadorGenerated(store));
        Assert.IsType<RecordList<Accord>>(Queries.PeruEcuadorGenerated(store));

        // Both keep the intersection a bitmap (given back after) and walk or count-sort from it: the answer's rows, no
        // array of the matches before them and no bitmap per call.
        var bitmap = 24 + (8L * ((store.Accords.Count + 63) / 64));
        var runTime = Allocated(() => Bdq.Execute(store, Queries.PeruEcuador));
        var generated = Allocated(() => Queries.PeruEcuadorGenerated(store));
        Assert.True(generated <= runTime, $"generated {generated} B, run time {runTime} B, {expected.Count} records");
        Assert.True(generated < RowsArray(expected.Count) + bitmap, $"generated {generated} B, {expected.Count} records, bitmap {bitmap} B");
    }

    [Fact]
    public void FoundInOrder_OrdersEveryRowFound_AsTheWalkDoes_WalkedOrSorted()
    {
        var table = SyntheticData.SharedStore(Size).Accords;
        var signed = table.Schema.IndexOfField("signed");
        var peru = new IndexAccessArguments(table.Schema.IndexOfField("parties"), IndexAccessKind.PostingUnion, PredicateOperator.Has, FieldKind.Nation, [NationCode.Peru]);
        var ecuador = new IndexAccessArguments(table.Schema.IndexOfField("parties"), IndexAccessKind.PostingUnion, PredicateOperator.Has, FieldKind.Nation, [NationCode.Ecuador]);
        var mining = new IndexAccessArguments(table.Schema.IndexOfField("topics"), IndexAccessKind.PostingUnion, PredicateOperator.HasAny, FieldKind.Enum, [nameof(Topic.IllegalMining), nameof(Topic.FuelSmuggling)]);
        var since = new IndexAccessArguments(signed, IndexAccessKind.DateRange, PredicateOperator.GreaterOrEqual, FieldKind.Date, [PartialDate.FromYear(2016)]);
        var nobody = new IndexAccessArguments(table.Schema.IndexOfField("topics"), IndexAccessKind.PostingUnion, PredicateOperator.HasAny, FieldKind.Enum, Array.Empty<object>());

        // Many rows (walked over their bitmap) and few (sorted by key rank), each way round, against the walk of a list.
        IndexAccessArguments[][] plans = [[peru, ecuador], [peru, ecuador, mining], [mining, since], [peru, mining, since], [since], [peru, nobody]];
        var walked = 0;
        foreach (var plan in plans)
        {
            var found = IndexQueries.Found(table, plan);
            walked += OrderCosts.WalkAllIsCheaper(found.Length, table.Count) ? 1 : 0;
            foreach (var descending in new[] { true, false })
            {
                // Signed first (newest or oldest first by first day), ties by row, the unsigned last by row.
                var expected = found.OrderBy(row => table[row].Signed is null)
                    .ThenBy(row => RowSort.Day(table[row].Signed) is { } day ? (descending ? -day : day) : 0)
                    .ThenBy(row => row);
                Assert.Equal(expected, IndexQueries.FoundInOrder(table, plan, signed, descending));
            }
        }

        Assert.InRange(walked, 1, plans.Length - 2);
        Assert.Equal(IndexQueries.WalkWhere(table, signed, descending: true, null, int.MaxValue), IndexQueries.FoundInOrder(table, [], signed, descending: true));
        Assert.Throws<ArgumentException>(() => IndexQueries.FoundInOrder(table, [peru, default], signed, descending: false));
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
