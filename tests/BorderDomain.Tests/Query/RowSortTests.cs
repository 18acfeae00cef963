using System;
using System.Collections.Generic;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Query.Execution;
using BorderDomain.Schema;
using BorderDomain.Tests.Storage;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace BorderDomain.Tests.Query;

/// <summary>
/// <see cref="RowSort"/> orders rows exactly as a comparison sort with <see cref="ValueSemantics.SortOrder"/> and ties
/// in row order would: for each kind it turns into numbers, for both directions, with missing values, one key or two.
/// </summary>
public sealed class RowSortTests
{
    private static readonly Gen<object?> Date = RandomRecords.OptionalDate.Select(d => (object?)d);
    private static readonly Gen<object?> Number = Gen.Frequency((1, Gen.Constant<object?>(null)), (4, Gen.Choose(-5, 5).Select(v => (object?)(v / 2m))));
    private static readonly Gen<object?> Flag = Gen.Elements<object?>(null, true, false);
    private static readonly Gen<object?> Kind = Gen.Elements<object?>(null, AccordKind.Treaty, AccordKind.Agreement, AccordKind.MemorandumOfUnderstanding);
    private static readonly Gen<object?> Text = Gen.Elements<object?>(null, "a", "B", "b", "Perú", "peru");

    private static readonly (FieldKind Kind, Gen<object?> Values)[] Kinds =
    [
        (FieldKind.Date, Date), (FieldKind.Number, Number), (FieldKind.Boolean, Flag), (FieldKind.Enum, Kind), (FieldKind.String, Text),
    ];

    [Fact]
    public void RandomRowsAndKeys_SortLikeTheReferenceComparison()
    {
        var cases =
            from first in Gen.Elements(Kinds)
            from second in Gen.Elements(Kinds)
            from twoKeys in Gen.Elements(true, false)
            from directions in Gen.Two(Gen.Elements(true, false))
            from count in Gen.Choose(0, 60)
            from firstValues in Gen.ArrayOf(first.Values, count)
            from secondValues in Gen.ArrayOf(second.Values, count)
            from rows in Gen.Shuffle(Enumerable.Range(0, count * 3).ToArray()).Select(all => all.Take(count).ToArray())
            select (FirstKind: first.Kind, SecondKind: second.Kind, TwoKeys: twoKeys, Directions: directions, FirstValues: firstValues, SecondValues: secondValues, Rows: rows);

        Prop.ForAll(cases.ToArbitrary(), c =>
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
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(400));
    }

    [Fact]
    public void SortByDay_OnTypedDates_SortsLikeTheBoxedDateKey()
    {
        var cases =
            from count in Gen.Choose(0, 80)
            from dates in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant<PartialDate?>(default(PartialDate))), (6, RandomRecords.OptionalDate)), count)
            from direction in Gen.Elements(true, false)
            select (Dates: dates, Descending: direction);

        Prop.ForAll(cases.ToArbitrary(), c =>
            {
                var rows = Enumerable.Range(0, c.Dates.Length).Reverse().ToArray();
                var boxed = RowSort.Sort(rows, [new SortKey(row => c.Dates[row], FieldKind.Date, c.Descending)]);

                Assert.Equal(boxed, RowSort.SortByDay(rows, row => RowSort.Day(c.Dates[row]), c.Descending));
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }
}
