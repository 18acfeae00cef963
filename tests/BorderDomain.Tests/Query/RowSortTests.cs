using System;
using System.Collections.Generic;
using System.Linq;
using BorderDomain.CompilerServices;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Schema;
using Xunit;

namespace BorderDomain.Tests.Query;

/// <summary>
/// <see cref="RowSort"/> orders rows exactly as a comparison sort with <see cref="ValueSemantics.SortOrder"/> and ties
/// in row order would: for each kind it turns into numbers, for both directions, with missing values, one key or two.
/// </summary>
public sealed class RowSortTests
{
    [BdqProperty(MaxTest = 400)]
    public void Sort_RandomRowsAndKeys_OrdersLikeTheReferenceComparison(SortCase c)
    {
        // Values are looked up by row, as the executor and generated code read them.
        var byRow = c.Rows.Select((row, i) => (row, i)).ToDictionary(p => p.row, p => p.i);
        var keys = new List<SortKey> { new(row => c.FirstValues[byRow[row]], c.FirstKind, c.Directions.Item1) };
        if (c.TwoKeys)
        {
            keys.Add(new SortKey(row => c.SecondValues[byRow[row]], c.SecondKind, c.Directions.Item2));
        }

        var expected = c.Rows.ToList();
        expected.Sort((a, b) =>
        {
            foreach (var key in keys)
            {
                var order = ValueSemantics.SortOrder(key.Kind, key.Value(a), key.Value(b), key.Descending);
                if (order != 0)
                {
                    return order;
                }
            }

            return a.CompareTo(b);
        });

        Assert.Equal(expected, RowSort.Sort(c.Rows, keys));
    }

    [BdqProperty(MaxTest = 300)]
    public void SortByDay_OnTypedDates_SortsLikeTheBoxedDateKey(DaySortCase c)
    {
        var rows = Enumerable.Range(0, c.Dates.Length).Reverse().ToArray();
        var boxed = RowSort.Sort(rows, [new SortKey(row => c.Dates[row], FieldKind.Date, c.Descending)]);

        Assert.Equal(boxed, RowSort.SortByDay(rows, row => RowSort.Day(c.Dates[row]), c.Descending));
    }
}
