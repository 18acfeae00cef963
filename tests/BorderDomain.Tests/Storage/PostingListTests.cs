using System;
using System.Linq;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Storage;

public sealed class PostingListTests
{
    private const int Cases = 300;

    [BdqProperty(MaxTest = Cases)]
    public void FromUnsortedAndIntersectUnsorted_ShuffledRows_EqualLinq(ShuffledRowPair input)
    {
        // Both the sorting path (few rows) and the bitmap path (many rows for the table size) are drawn.
        var small = Math.Max(input.First.DefaultIfEmpty(-1).Max(), input.Second.DefaultIfEmpty(-1).Max()) + 1;
        foreach (var rowCount in new[] { input.RowCount, small })
        {
            Assert.Equal(input.First.Order(), PostingList.FromUnsorted(input.First, rowCount));
            Assert.Equal(input.First.Intersect(input.Second).Order(), PostingList.IntersectUnsorted(input.First, input.Second, rowCount));
        }
    }

    [BdqProperty(MaxTest = Cases)]
    public void Intersect_RandomSortedLists_EqualsLinq(SortedRowPair pair)
    {
        var (left, right) = pair;
        int[] expected = [.. left.Intersect(right).Order()];
        Assert.Equal(expected, PostingList.Intersect(left, right));
        Assert.Equal(expected, PostingList.Intersect(right, left));
    }

    [BdqProperty(MaxTest = Cases)]
    public void Union_RandomSortedLists_EqualsLinq(SortedRowPair pair)
    {
        var (left, right) = pair;
        int[] expected = [.. left.Union(right).Order()];
        Assert.Equal(expected, PostingList.Union(left, right));
        Assert.Equal(expected, PostingList.Union(right, left));
    }

    [BdqProperty(MaxTest = Cases)]
    public void UnionAll_RandomSortedLists_EqualsLinq(SortedRowLists input)
    {
        var lists = input.Lists;
        int[] expected = [.. lists.SelectMany(l => l).Distinct().Order()];
        Assert.Equal(expected, PostingList.UnionAll(lists));
    }

    [BdqProperty(MaxTest = Cases)]
    public void UnionAll_ListsSparseOrDenseForTheirRange_EqualsLinq(SortedRowLists input)
    {
        // The same lists, plus two tiny lists far out (a range so wide the heap merges them) or plus two copies of
        // themselves (at least three lists, dense: the bitmap marks them).
        int[][] sparse = [.. input.Lists, [5_000_000], [4_000_000, 6_000_000]];
        int[][] dense = [.. input.Lists, .. input.Lists, .. input.Lists];
        foreach (var lists in new[] { sparse, dense })
        {
            int[] expected = [.. lists.SelectMany(l => l).Distinct().Order()];
            Assert.Equal(expected, PostingList.UnionAll(lists));
        }
    }

    [Fact]
    public void UnionAll_EightTimesMoreLists_AllocatesProportionally()
    {
        // Many one-row lists (the words of a large vocabulary), spread out (heap) and packed (bitmap).
        foreach (var spacing in new[] { 1, 1_000 })
        {
            Allocated(1_000, spacing);
            var small = Allocated(10_000, spacing);
            var large = Allocated(80_000, spacing);
            Assert.True(large <= 12 * small, $"spacing {spacing}: 80,000 lists allocated {large:N0} B against {small:N0} B for 10,000.");
        }

        static long Allocated(int count, int spacing)
        {
            var lists = Enumerable.Range(0, count).Select(i => new[] { i * spacing }).ToList();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var union = PostingList.UnionAll(lists);
            var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(lists.Select(l => l[0]), union);
            return bytes;
        }
    }

    [BdqProperty(MaxTest = Cases)]
    public void Complement_RandomSortedList_EqualsLinq(ComplementCase input)
    {
        var (rows, rowCount) = input;
        int[] expected = [.. Enumerable.Range(0, rowCount).Except(rows)];
        Assert.Equal(expected, PostingList.Complement(rows, rowCount));
        Assert.Equal(rows, PostingList.Complement(PostingList.Complement(rows, rowCount), rowCount));
    }

    [BdqProperty(MaxTest = Cases)]
    public void FromUnsorted_ShuffledDistinctRows_ReturnsThemSorted(ShuffledRows input)
    {
        var (rows, shuffled) = input;
        Assert.Equal(rows, PostingList.FromUnsorted(shuffled));
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
}
