using System;
using System.Linq;
using BorderDomain.CompilerServices;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Storage;

/// <summary>
/// IndexQueries.Intersect (and the executor's IntersectAll with a residual test): the same rows as intersecting the
/// lists as sets, whichever way it goes (the shortest filtered in scratch, or every bitmap ANDed), and the lists are
/// left as they were.
/// </summary>
public sealed class IntersectAllTests
{
    [Theory]
    [InlineData(1, 5000, 40, 900, 3000, false)]
    [InlineData(2, 5000, 2000, 2500, 4000, true)]
    [InlineData(3, 5000, 0, 100, 200, true)]
    [InlineData(4, 200, 150, 160, 190, true)]
    [InlineData(5, 100_000, 30, 50_000, 70_000, false)]
    [InlineData(6, 100_000, 20_000, 40_000, 60_000, true)]
    public void Intersect_GivesTheRowsInEveryList(int seed, int rowCount, int first, int second, int third, bool bitmaps)
    {
        var random = new Random(seed);
        var lists = new[] { first, second, third }.Select(size => List(random, rowCount, size, bitmaps)).ToArray();
        var copies = lists.Select(list => list.ToArray()).ToArray();

        var expected3 = lists[0].Intersect(lists[1]).Intersect(lists[2]).OrderBy(row => row).ToArray();
        var expected2 = lists[0].Intersect(lists[1]).OrderBy(row => row).ToArray();
        Assert.Equal(expected3, IndexQueries.Intersect(lists[0], lists[1], lists[2]));
        Assert.Equal(expected2, IndexQueries.Intersect(lists[0], lists[1]));
        Assert.Equal(expected3.Where(row => row % 3 == 0), IndexQueries.IntersectAll([lists[0], lists[1], lists[2]], row => row % 3 == 0));
        Assert.Equal(lists[1].Where(row => row % 2 == 1), IndexQueries.IntersectAll([lists[1]], row => row % 2 == 1));
        for (var i = 0; i < lists.Length; i++)
        {
            Assert.Equal(copies[i], lists[i]);
        }
    }

    // 'size' distinct ascending rows of 'rowCount', with a registered bitmap when asked for (as a dense posting list has).
    private static int[] List(Random random, int rowCount, int size, bool bitmap)
    {
        var rows = Enumerable.Range(0, rowCount).OrderBy(_ => random.Next()).Take(size).OrderBy(row => row).ToArray();
        if (bitmap && rows.Length > 0)
        {
            RowBitmap.Register(rows, RowBitmap.Mark(rows, rowCount));
        }

        return rows;
    }
}
