using System;
using System.Collections.Generic;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Storage;

/// <summary>
/// A date range made from a large index's checkpoint bitmaps, from a narrow slice, or tested on rows already found
/// by each row's days holds exactly the rows whose first day is at or after the range's first and whose last day is
/// at or before its last; a walk over a bitmap of members yields them in the index's order.
/// </summary>
public sealed class DateRangeBitmapTests
{
    // Above the size from which a sorted index keeps checkpoints, with rows without a value and open periods.
    private const int Rows = 50_000;

    private static readonly object?[] Values = MakeValues(Rows, seed: 13);

    private static readonly DateIndex Index = DateIndex.Build(Rows, row => Values[row]);

    public static TheoryData<int, int> Bounds()
    {
        var data = new TheoryData<int, int>();
        var random = new Random(7);
        var first = new DateOnly(1990, 1, 1).DayNumber;
        var last = new DateOnly(2027, 1, 1).DayNumber;
        for (var i = 0; i < 12; i++)
        {
            var from = random.Next(first, last);
            data.Add(from, from + random.Next(0, 6_000)); // narrow to wide
        }

        data.Add(DateIndex.AnyFirstDay, new DateOnly(2010, 6, 30).DayNumber); // on or before
        data.Add(new DateOnly(2001, 3, 1).DayNumber, DateIndex.AnyLastDay); // on or after
        data.Add(DateIndex.AnyFirstDay, DateIndex.AnyLastDay); // every row with a value
        data.Add(new DateOnly(2015, 1, 1).DayNumber, new DateOnly(2012, 1, 1).DayNumber); // empty
        data.Add(first, first); // one day
        return data;
    }

    [Theory]
    [MemberData(nameof(Bounds))]
    public void Within_AnyRange_IsTheRowsWhoseDaysFallInIt(int fromDay, int toDay)
    {
        var expected = Expected(fromDay, toDay);

        var (bits, count) = Index.Within(fromDay, toDay, Rows);

        Assert.Equal(expected, RowBitmap.ToRows(bits, count));
        Assert.Equal(expected.Length, RowBitmap.Count(bits));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 1)]
    [InlineData(17, 2_000)]
    [InlineData(100, 30_000)]
    [InlineData(1_499, 46_001)]
    [InlineData(0, int.MaxValue)]
    [InlineData(20_000, int.MaxValue)]
    public void PositionBits_FromCheckpoints_IsTheRowsAtThosePositions(int start, int end)
    {
        var index = Index.ByEnd;
        end = Math.Min(end, index.Count);
        int[] expected = [.. index.RowsInKeyOrder[start..end].ToArray().Order()];

        var bits = new ulong[RowBitmap.Words(Rows)];
        index.PositionBits(start, end, bits);

        Assert.Equal(expected, RowBitmap.ToRows(bits, RowBitmap.Count(bits)));
    }

    [Theory]
    [MemberData(nameof(Bounds))]
    public void WithinOnFoundRows_AsAListOrABitmap_KeepsTheFoundRowsInTheRange(int fromDay, int toDay)
    {
        var found = Enumerable.Range(0, Rows).Where(row => row % 3 != 1).ToArray();
        var expected = Expected(fromDay, toDay).Intersect(found).ToArray();

        var asList = RowSet.Of(found).Within(Index, fromDay, toDay);
        var asBits = RowSet.OfBits(RowBitmap.Mark(found, Rows), found.Length).Within(Index, fromDay, toDay);

        Assert.Equal(expected, asList.ToRows());
        Assert.Equal(expected, asBits.ToRows(Rows));
        Assert.Equal(expected.Length, asBits.Count);
    }

    [Fact]
    public void Intersect_OfBitmapsAndLists_IsTheCommonRows()
    {
        var evens = Enumerable.Range(0, Rows).Where(row => row % 2 == 0).ToArray();
        var fives = Enumerable.Range(0, Rows).Where(row => row % 5 == 0).ToArray();
        int[] expected = [.. evens.Intersect(fives)];
        var forms = new Func<int[], RowSet>[]
        {
            rows => RowSet.Of(rows),
            rows => RowSet.OfBits(RowBitmap.Mark(rows, Rows), rows.Length),
        };

        foreach (var left in forms)
        {
            foreach (var right in forms)
            {
                Assert.Equal(expected, left(evens).Intersect(right(fives)).ToRows(Rows));
                Assert.Equal(expected, right(fives).Intersect(left(evens)).ToRows(Rows));
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WalkMembers_OfABitmap_IsTheMembersInKeyOrder_TiesByRow_WithoutAValueLast(bool descending)
    {
        var members = Enumerable.Range(0, Rows).Where(row => row % 7 is 0 or 3).ToArray();
        var keyed = members.Where(row => DateIndex.TryGetDays(Values[row], out _, out _)).ToArray();
        var inOrder = descending
            ? keyed.OrderByDescending(Start).ThenBy(row => row)
            : keyed.OrderBy(Start).ThenBy(row => row);
        int[] expected = [.. inOrder, .. members.Except(keyed)];

        var walked = Index.ByStart.WalkMembers(RowBitmap.Mark(members, Rows), members.Length, descending);

        Assert.Equal(expected, walked);
    }

    [Theory]
    [InlineData(false, 7)]
    [InlineData(true, 7)]
    [InlineData(false, 100)]
    [InlineData(true, 100)]
    [InlineData(true, 2)]
    public void InKeyOrder_ByRankOrByWalk_IsTheWalksOrder(bool descending, int every)
    {
        var members = Enumerable.Range(0, Rows).Where(row => row % every == 0 || row % 9 == 4 && every == 2).ToArray();
        var bits = RowBitmap.Mark(members, Rows);

        Assert.Equal(Index.ByStart.WalkMembers(bits, members.Length, descending), Index.ByStart.InKeyOrder(bits, members.Length, descending));
    }

    private static int Start(int row) => DateIndex.TryGetDays(Values[row], out var start, out _) ? start : 0;

    private static int[] Expected(int fromDay, int toDay) =>
        [.. Enumerable.Range(0, Rows).Where(row => DateIndex.TryGetDays(Values[row], out var start, out var end) && start >= fromDay && end <= toDay)];

    // Days, months, years and periods (some open at either end) from 1990 to 2026, and a few rows without a value.
    private static object?[] MakeValues(int count, int seed)
    {
        var random = new Random(seed);
        var values = new object?[count];
        for (var row = 0; row < count; row++)
        {
            var year = 1990 + random.Next(37);
            var month = 1 + random.Next(12);
            var date = random.Next(3) switch
            {
                0 => PartialDate.FromDate(year, month, 1 + random.Next(28)),
                1 => PartialDate.FromYearMonth(year, month),
                _ => PartialDate.FromYear(year),
            };
            values[row] = random.Next(20) switch
            {
                0 => null,
                1 => Period.Before(date),
                2 => Period.After(date),
                3 => Period.Between(date, PartialDate.FromYear(Math.Min(2026, year + random.Next(4)))),
                _ => date,
            };
        }

        return values;
    }
}
