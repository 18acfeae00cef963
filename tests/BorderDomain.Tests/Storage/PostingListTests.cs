using System;
using System.Linq;
using BorderDomain.Storage;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace BorderDomain.Tests.Storage;

public sealed class PostingListTests
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(300);

    // Sorted distinct row ids: sometimes dense, sometimes sparse, sometimes long, so galloping is exercised.
    private static readonly Gen<int[]> Rows = Gen.OneOf(
        Gen.ListOf(Gen.Choose(0, 40)).Select(Normalise),
        Gen.ListOf(Gen.Choose(0, 2000)).Select(Normalise),
        Gen.Choose(0, 600).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 1500), n)).Select(Normalise),
        Gen.Constant(Array.Empty<int>()));

    private static readonly Arbitrary<(int[], int[])> Pairs = Gen.Two(Rows).ToArbitrary();

    [Fact]
    public void FromUnsortedAndIntersectUnsorted_ShuffledRows_EqualLinq()
    {
        // Both the sorting path (few rows) and the bitmap path (many rows for the table size) are drawn.
        var shuffled = from pair in Gen.Two(Rows)
                       from seed in Gen.Choose(0, int.MaxValue)
                       from spare in Gen.Choose(1, 3000)
                       select (First: Shuffle(pair.Item1, seed), Second: Shuffle(pair.Item2, seed + 1), RowCount: 2001 + spare % 2);
        Prop.ForAll(shuffled.ToArbitrary(), input =>
            {
                var small = Math.Max(input.First.DefaultIfEmpty(-1).Max(), input.Second.DefaultIfEmpty(-1).Max()) + 1;
                foreach (var rowCount in new[] { input.RowCount, small })
                {
                    Assert.Equal(input.First.Order(), PostingList.FromUnsorted(input.First, rowCount));
                    Assert.Equal(input.First.Intersect(input.Second).Order(), PostingList.IntersectUnsorted(input.First, input.Second, rowCount));
                }
            })
            .Check(Cases);
    }

    private static int[] Shuffle(int[] rows, int seed)
    {
        var copy = rows.ToArray();
        new Random(seed).Shuffle(copy);
        return copy;
    }

    [Fact]
    public void Intersect_RandomSortedLists_EqualsLinq()
    {
        Prop.ForAll(Pairs, pair =>
            {
                var (left, right) = pair;
                int[] expected = [.. left.Intersect(right).Order()];
                Assert.Equal(expected, PostingList.Intersect(left, right));
                Assert.Equal(expected, PostingList.Intersect(right, left));
            })
            .Check(Cases);
    }

    [Fact]
    public void Union_RandomSortedLists_EqualsLinq()
    {
        Prop.ForAll(Pairs, pair =>
            {
                var (left, right) = pair;
                int[] expected = [.. left.Union(right).Order()];
                Assert.Equal(expected, PostingList.Union(left, right));
                Assert.Equal(expected, PostingList.Union(right, left));
            })
            .Check(Cases);
    }

    [Fact]
    public void UnionAll_RandomSortedLists_EqualsLinq()
    {
        Prop.ForAll(Gen.ListOf(Rows).ToArbitrary(), lists =>
            {
                int[] expected = [.. lists.SelectMany(l => l).Distinct().Order()];
                Assert.Equal(expected, PostingList.UnionAll(lists));
            })
            .Check(Cases);
    }

    [Fact]
    public void Complement_RandomSortedList_EqualsLinq()
    {
        var input =
            from rows in Rows
            from extra in Gen.Choose(0, 30)
            select (rows, (rows.Length == 0 ? 0 : rows[^1] + 1) + extra);

        Prop.ForAll(input.ToArbitrary(), pair =>
            {
                var (rows, rowCount) = pair;
                int[] expected = [.. Enumerable.Range(0, rowCount).Except(rows)];
                Assert.Equal(expected, PostingList.Complement(rows, rowCount));
                Assert.Equal(rows, PostingList.Complement(PostingList.Complement(rows, rowCount), rowCount));
            })
            .Check(Cases);
    }

    [Fact]
    public void FromUnsorted_ShuffledDistinctRows_ReturnsThemSorted()
    {
        var input = Rows.SelectMany(rows => Gen.Shuffle(rows).Select(shuffled => (rows, shuffled)));

        Prop.ForAll(input.ToArbitrary(), pair =>
            {
                var (rows, shuffled) = pair;
                Assert.Equal(rows, PostingList.FromUnsorted(shuffled));
            })
            .Check(Cases);
    }

    [Fact]
    public void All_RowCount_IsEveryRowInOrder()
    {
        Assert.Equal([0, 1, 2, 3, 4], PostingList.All(5));
        Assert.Empty(PostingList.All(0));
        Assert.Equal(PostingList.All(7), PostingList.Complement([], 7));
        Assert.Empty(PostingList.Complement(PostingList.All(7), 7));
    }

    [Fact]
    public void Intersect_SmallListAgainstLongList_FindsEveryCommonRow()
    {
        var longList = Enumerable.Range(0, 10_000).Select(i => i * 3).ToArray();
        int[] shortList = [-1, 0, 2, 3, 2999, 3000, 15_000, 29_997, 29_998, 40_000];

        Assert.Equal([0, 3, 3000, 15_000, 29_997], PostingList.Intersect(shortList, longList));
        Assert.Equal([0, 3, 3000, 15_000, 29_997], PostingList.Intersect(longList, shortList));
    }

    private static int[] Normalise(System.Collections.Generic.IEnumerable<int> rows) => [.. rows.Distinct().Order()];
}
