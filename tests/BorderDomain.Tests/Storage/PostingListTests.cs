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
