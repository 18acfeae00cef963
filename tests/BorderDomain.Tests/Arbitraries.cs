using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;

namespace BorderDomain.Tests;

/// <summary>
/// The FsCheck arbitraries of the test project, in one place. <see cref="BdqPropertyAttribute"/> registers them, so a
/// property takes a scenario record as a parameter and FsCheck draws it from the matching member here.
/// </summary>
public static class Arbitraries
{
    // ---- Storage: posting lists ----

    /// <summary>Sorted distinct row ids: sometimes dense, sometimes sparse, sometimes long, so galloping is exercised.</summary>
    internal static readonly Gen<int[]> SortedRows = Gen.OneOf(
        Gen.ListOf(Gen.Choose(0, 40)).Select(Normalise),
        Gen.ListOf(Gen.Choose(0, 2000)).Select(Normalise),
        Gen.Choose(0, 600).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 1500), n)).Select(Normalise),
        Gen.Constant(Array.Empty<int>()));

    public static Arbitrary<SortedRowPair> SortedRowPair() => Arb.From(
        Gen.Two(SortedRows).Select(pair => new SortedRowPair(pair.Item1, pair.Item2)),
        pair => Smaller(pair.Left).Select(left => pair with { Left = left })
            .Concat(Smaller(pair.Right).Select(right => pair with { Right = right })));

    public static Arbitrary<ShuffledRowPair> ShuffledRowPair() => Arb.From(
        from pair in Gen.Two(SortedRows)
        from seed in Gen.Choose(0, int.MaxValue)
        from spare in Gen.Choose(1, 3000)
        select new ShuffledRowPair(Shuffle(pair.Item1, seed), Shuffle(pair.Item2, seed + 1), 2001 + spare % 2),
        pair => Smaller(pair.First).Select(first => pair with { First = first })
            .Concat(Smaller(pair.Second).Select(second => pair with { Second = second })));

    public static Arbitrary<SortedRowLists> SortedRowLists() => Arb.From(
        Gen.ListOf(SortedRows).Select(lists => new SortedRowLists([.. lists])),
        lists => Smaller(lists.Lists).Select(smaller => new SortedRowLists(smaller)));

    public static Arbitrary<ComplementCase> ComplementCase() => Arb.From(
        from rows in SortedRows
        from extra in Gen.Choose(0, 30)
        select new ComplementCase(rows, (rows.Length == 0 ? 0 : rows[^1] + 1) + extra),
        c => Smaller(c.Rows).Select(rows => c with { Rows = rows }));

    public static Arbitrary<ShuffledRows> ShuffledRows() => Arb.From(
        SortedRows.SelectMany(rows => Gen.Shuffle(rows).Select(shuffled => new ShuffledRows(rows, shuffled))),
        c => Smaller(c.Rows).Select(rows => new ShuffledRows(rows, [.. c.Shuffled.Where(row => Array.BinarySearch(rows, row) >= 0)])));

    // ---- Shrinking and display helpers ----

    /// <summary>Smaller arrays: empty, each half, then each with one element left out. Order and distinctness are kept.</summary>
    internal static IEnumerable<T[]> Smaller<T>(T[] items)
    {
        if (items.Length == 0)
        {
            yield break;
        }

        yield return [];
        if (items.Length > 2)
        {
            yield return items[..(items.Length / 2)];
            yield return items[(items.Length / 2)..];
        }

        if (items.Length > 1)
        {
            for (var i = 0; i < items.Length; i++)
            {
                yield return [.. items[..i], .. items[(i + 1)..]];
            }
        }
    }

    /// <summary>Shorter prefixes: empty, the first half, all but the last. Records numbered by row keep their numbering.</summary>
    internal static IEnumerable<T[]> Prefixes<T>(T[] items)
    {
        if (items.Length == 0)
        {
            yield break;
        }

        yield return [];
        if (items.Length > 2)
        {
            yield return items[..(items.Length / 2)];
        }

        if (items.Length > 1)
        {
            yield return items[..^1];
        }
    }

    internal static string Show<T>(IEnumerable<T> items) => "[" + string.Join(", ", items) + "]";

    private static int[] Normalise(IEnumerable<int> rows) => [.. rows.Distinct().Order()];

    private static int[] Shuffle(int[] rows, int seed)
    {
        var copy = rows.ToArray();
        new Random(seed).Shuffle(copy);
        return copy;
    }
}

/// <summary>Two sorted lists of distinct row ids.</summary>
public sealed record SortedRowPair(int[] Left, int[] Right)
{
    public override string ToString() => $"{nameof(SortedRowPair)} {{ Left = {Arbitraries.Show(Left)}, Right = {Arbitraries.Show(Right)} }}";
}

/// <summary>Two lists of distinct row ids in random order, and a table size of 2001 or 2002 rows.</summary>
public sealed record ShuffledRowPair(int[] First, int[] Second, int RowCount)
{
    public override string ToString() =>
        $"{nameof(ShuffledRowPair)} {{ First = {Arbitraries.Show(First)}, Second = {Arbitraries.Show(Second)}, RowCount = {RowCount} }}";
}

/// <summary>Any number of sorted lists of distinct row ids.</summary>
public sealed record SortedRowLists(int[][] Lists)
{
    public override string ToString() => $"{nameof(SortedRowLists)} {{ {string.Join(", ", Lists.Select(Arbitraries.Show))} }}";
}

/// <summary>A sorted list of distinct row ids and a table size past its last row.</summary>
public sealed record ComplementCase(int[] Rows, int RowCount)
{
    public override string ToString() => $"{nameof(ComplementCase)} {{ Rows = {Arbitraries.Show(Rows)}, RowCount = {RowCount} }}";
}

/// <summary>A sorted list of distinct row ids and the same rows shuffled.</summary>
public sealed record ShuffledRows(int[] Rows, int[] Shuffled)
{
    public override string ToString() => $"{nameof(ShuffledRows)} {{ Rows = {Arbitraries.Show(Rows)}, Shuffled = {Arbitraries.Show(Shuffled)} }}";
}
