using System;
using System.Linq;
using BorderDomain.Benchmarks;
using BorderDomain.Model;
using BorderDomain.Schema;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Storage;

/// <summary>Posting lists in their dense form (a bitmap beside the array) answer what the plain lists answer.</summary>
public sealed class DensePostingTests
{
    private const int Cases = 300;

    [BdqProperty(MaxTest = Cases)]
    public void Intersect_WithBitmapsOnNeitherEitherOrBoth_EqualsLinq(SortedRowPair pair)
    {
        int[] expected = [.. pair.Left.Intersect(pair.Right).Order()];
        var rowCount = Math.Max(pair.Left.DefaultIfEmpty(0).Max(), pair.Right.DefaultIfEmpty(0).Max()) + 70;
        foreach (var (denseLeft, denseRight) in new[] { (false, false), (true, false), (false, true), (true, true) })
        {
            var left = Dense(pair.Left, rowCount, denseLeft);
            var right = Dense(pair.Right, rowCount, denseRight);
            Assert.Equal(expected, PostingList.Intersect(left, right));
            Assert.Equal(expected, PostingList.Intersect(right, left));
        }
    }

    [BdqProperty(MaxTest = Cases)]
    public void UnionAll_EveryListWithABitmap_EqualsLinq_AndKeepsItsBitmap(SortedRowLists input)
    {
        var rowCount = input.Lists.SelectMany(l => l).DefaultIfEmpty(0).Max() + 1;
        var lists = input.Lists.Select(list => Dense(list, rowCount, true)).ToArray();
        int[] expected = [.. lists.SelectMany(l => l).Distinct().Order()];

        var union = PostingList.UnionAll(lists);

        Assert.Equal(expected, union);
        if (RowBitmap.Of(union) is { } bits)
        {
            Assert.Equal(expected, RowBitmap.ToRows(bits, RowBitmap.Count(bits)));
        }
    }

    [BdqProperty(MaxTest = Cases)]
    public void Complement_OfAListWithABitmap_EqualsLinq(ComplementCase input)
    {
        var (rows, rowCount) = input;
        int[] expected = [.. Enumerable.Range(0, rowCount).Except(rows)];
        Assert.Equal(expected, PostingList.Complement(Dense(rows, rowCount, true), rowCount));
    }

    [Fact]
    public void BitmapWordOperations_EqualTheirDefinitionsRowByRow()
    {
        var random = new Random(13);
        const int RowCount = 5_000; // not a multiple of 64, and many vectors long
        var a = Enumerable.Range(0, RowCount).Where(_ => random.Next(3) == 0).ToArray();
        var b = Enumerable.Range(0, RowCount).Where(_ => random.Next(5) == 0).ToArray();
        var and = RowBitmap.Mark(a, RowCount);
        RowBitmap.AndWith(and, RowBitmap.Mark(b, RowCount));
        var or = RowBitmap.Mark(a, RowCount);
        RowBitmap.OrWith(or, RowBitmap.Mark(b, RowCount));
        var andNot = RowBitmap.Mark(a, RowCount);
        RowBitmap.AndNotWith(andNot, RowBitmap.Mark(b, RowCount));

        Assert.Equal(a.Intersect(b), RowBitmap.ToRows(and, RowBitmap.Count(and)));
        Assert.Equal(a.Union(b).Order(), RowBitmap.ToRows(or, RowBitmap.Count(or)));
        Assert.Equal(a.Except(b), RowBitmap.ToRows(andNot, RowBitmap.Count(andNot)));
        Assert.Equal(a.Intersect(b).Count(), RowBitmap.AndCount(RowBitmap.Mark(a, RowCount), RowBitmap.Mark(b, RowCount)));
        Assert.Equal(a.Intersect(b), RowBitmap.AndToRows(RowBitmap.Mark(a, RowCount), RowBitmap.Mark(b, RowCount)));
    }

    [Fact]
    public void PostingIndex_DenseKeysCarryTheirBitmap_SparseKeysNone()
    {
        var data = SyntheticData.Create(3_000);
        var table = new EntityTable<Accord>(QuerySets.For<Accord>(), data.Accords);
        var parties = table.GetPostingIndex(table.Schema.IndexOfField("parties"))!;
        var dense = 0;
        var sparse = 0;
        foreach (var key in parties.Keys)
        {
            var rows = parties.LookupArray(key);
            var bits = RowBitmap.Of(rows);
            if (rows.Length * 32 >= table.Count)
            {
                dense++;
                Assert.NotNull(bits);
                Assert.Equal(rows, RowBitmap.ToRows(bits!, RowBitmap.Count(bits!)));
            }
            else
            {
                sparse++;
                Assert.Null(bits);
            }
        }

        Assert.True(dense > 0 && sparse > 0, $"{dense} dense and {sparse} sparse keys");
    }

    // A copy of the list, with its bitmap over rowCount rows when asked.
    private static int[] Dense(int[] list, int rowCount, bool withBitmap)
    {
        var copy = (int[])list.Clone();
        if (withBitmap && copy.Length > 0)
        {
            RowBitmap.Register(copy, RowBitmap.Mark(copy, rowCount));
        }

        return copy;
    }
}
